/**
 * Which hidden nodes of a release an attacker can compute exactly from the published ones.
 *
 * Each relation "margin = sum of parts", once the known nodes are moved to the right-hand side,
 * is a linear equation in the hidden nodes. A hidden node is determined when its unit vector lies
 * in the row space of those equations, that is when the reduced row echelon form has a row whose
 * only non-zero entry is that node. The elimination is exact: integer rows, fraction-free
 * (each update multiplies by the pivot and divides by the row's greatest common divisor), sparse,
 * and run separately on each group of hidden nodes linked by some equation.
 */
import type { ReleaseRelation } from "./disclosure-release.ts";

type SparseRow = Map<number, bigint>;

export type HiddenComponent = {
  /** Hidden nodes linked to each other by some equation, in increasing order. */
  nodes: number[];
  /** Those the equations determine, in increasing order. */
  determined: number[];
};

export function findHiddenComponents(relations: ReleaseRelation[], hidden: Set<number>): HiddenComponent[] {
  const parent = new Map<number, number>();
  for (const node of hidden) parent.set(node, node);
  const find = (node: number): number => {
    let root = node;
    while (parent.get(root) !== root) root = parent.get(root) as number;
    let current = node;
    while (current !== root) {
      const next = parent.get(current) as number;
      parent.set(current, root);
      current = next;
    }
    return root;
  };

  const equations: SparseRow[] = [];
  for (const relation of relations) {
    const row: SparseRow = new Map();
    if (hidden.has(relation.margin)) row.set(relation.margin, -1n);
    for (const part of relation.parts) if (hidden.has(part)) row.set(part, 1n);
    if (row.size === 0) continue;
    equations.push(row);
    const [first, ...others] = row.keys();
    for (const other of others) {
      const left = find(first);
      const right = find(other);
      if (left !== right) parent.set(Math.max(left, right), Math.min(left, right));
    }
  }

  const byRoot = new Map<number, { nodes: number[]; equations: SparseRow[] }>();
  for (const node of [...hidden].sort((left, right) => left - right)) {
    const root = find(node);
    const component = byRoot.get(root) ?? { nodes: [], equations: [] };
    component.nodes.push(node);
    byRoot.set(root, component);
  }
  for (const equation of equations) {
    const [first] = equation.keys();
    byRoot.get(find(first))?.equations.push(equation);
  }

  return [...byRoot.values()]
    .sort((left, right) => left.nodes[0] - right.nodes[0])
    .map((component) => ({ nodes: component.nodes, determined: determinedVariables(component.equations) }));
}

/** The variables whose value the equations fix, by Gauss–Jordan elimination over the integers. */
export function determinedVariables(equations: SparseRow[]): number[] {
  const pivots = new Map<number, SparseRow>();
  for (const equation of equations) {
    let row: SparseRow = new Map(equation);
    for (const [column, pivotRow] of pivots) {
      if (row.has(column)) row = eliminate(row, pivotRow, column);
    }
    if (row.size === 0) continue;
    const column = Math.min(...row.keys());
    for (const [otherColumn, otherRow] of pivots) {
      if (otherRow.has(column)) pivots.set(otherColumn, eliminate(otherRow, row, column));
    }
    pivots.set(column, row);
  }
  return [...pivots]
    .filter(([, row]) => row.size === 1)
    .map(([column]) => column)
    .sort((left, right) => left - right);
}

/** `target · p − pivotRow · q`, where p and q are their entries in `column`: zero in `column`. */
function eliminate(target: SparseRow, pivotRow: SparseRow, column: number): SparseRow {
  const pivot = pivotRow.get(column) as bigint;
  const factor = target.get(column) as bigint;
  const result: SparseRow = new Map();
  for (const [key, value] of target) result.set(key, value * pivot);
  for (const [key, value] of pivotRow) {
    const combined = (result.get(key) ?? 0n) - value * factor;
    if (combined === 0n) result.delete(key);
    else result.set(key, combined);
  }
  result.delete(column);
  let divisor = 0n;
  for (const value of result.values()) divisor = greatestCommonDivisor(divisor, value < 0n ? -value : value);
  if (divisor > 1n) for (const [key, value] of result) result.set(key, value / divisor);
  return result;
}

function greatestCommonDivisor(left: bigint, right: bigint): bigint {
  let a = left;
  let b = right;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}
