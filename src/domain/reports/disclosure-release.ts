/**
 * The linear system an attacker can write about a release: every protected cell of every table,
 * every margin and every total, and the relations "a margin is the sum of the cells of its line".
 *
 * Cells, margins and totals are all "nodes". A node is the number of units of one population with
 * given values of some dimensions, so the same node appears wherever two tables of the release
 * count it: a cell of "by sex" is the same node as the sex margin of "by age class × sex" when the
 * two tables share a `population` key and the measure. Tables without a population key share
 * nothing. Dimensions with the same name are taken to use the same code list.
 *
 * A table with a `slice` counts only the units of its population with the slice's values of
 * dimensions it does not show: its rows are read as carrying those values too, so its cells are
 * the cells of a table of the population over its dimensions and the slice's, and its total is a
 * cell of a table over the slice's dimensions ("residential by sex" has the `residential` cell of
 * "by setting" as its total). Its margins keep the slice's dimensions fixed: the slice says nothing
 * of the units outside it.
 *
 * The attacker knows every published cell and every margin and total of every table, printed or
 * not, except a margin that is itself a hidden cell of another table. For tables of three or more
 * dimensions every margin of every lower order counts as known, which is the conservative reading.
 */
import { isSuppressed, type ReportRow, type ReportTable } from "./report.ts";

export type TableCell = { table: number; row: number; measure: string };

export type ReleaseNode = {
  /** Whether some table of the release prints this node as a cell (else it is a margin or a total). */
  isCell: boolean;
  /** The value printed in the input, null when the input already hides it or gives none. */
  value: number | null;
  /** Order of first appearance, to break ties the same way on every run. */
  ordinal: number;
  cells: TableCell[];
};

/** The node `margin` equals the sum of the nodes `parts`. */
export type ReleaseRelation = { margin: number; parts: number[] };

export type ReleaseSystem = {
  nodes: ReleaseNode[];
  relations: ReleaseRelation[];
  /** For each node, the relations it takes part in (as margin or as part). */
  relationsByNode: number[][];
  /** The node of each table's total of each protected measure, by `tableIndex|measure`. */
  totalNodes: Map<string, number>;
};

/**
 * The measures of a table under disclosure control: those it declares in `protectedMeasures`, or
 * all of its measures when it does not say (a table must declare authorised places, days and
 * the like as unprotected by leaving them out).
 */
export function protectedMeasuresOf(table: ReportTable): string[] {
  const declared = table.protectedMeasures;
  return declared === undefined
    ? [...table.measures]
    : table.measures.filter((measure) => declared.includes(measure));
}

/** Whether the input already hides this measure of this row (a release being checked again). */
export function isFlaggedHidden(row: ReportRow, measure: string): boolean {
  return row[measure] === null && isSuppressed(row, measure);
}

export function buildReleaseSystem(tables: ReportTable[]): ReleaseSystem {
  const nodes: ReleaseNode[] = [];
  const nodeIds = new Map<string, number>();
  const relations: ReleaseRelation[] = [];
  const relationSignatures = new Set<string>();
  const totalNodes = new Map<string, number>();

  const nodeId = (key: string): number => {
    let id = nodeIds.get(key);
    if (id === undefined) {
      id = nodes.length;
      nodeIds.set(key, id);
      nodes.push({ isCell: false, value: null, ordinal: id, cells: [] });
    }
    return id;
  };

  tables.forEach((table, tableIndex) => {
    const group = table.population === undefined ? ["table", tableIndex] : ["population", table.population];
    const dimensions = [...table.dimensions].sort();
    const slice = sliceOf(table);
    const sliced = Object.keys(slice);
    // The dimensions a node fixes: those of the subset, and the slice's in every node of the table.
    const fixedBy = (subset: string[]) => (sliced.length === 0 ? subset : [...subset, ...sliced].sort());
    const codeOf = (row: ReportRow, dimension: string) =>
      Object.hasOwn(slice, dimension) ? slice[dimension] : (row[dimension] ?? null);
    for (const measure of protectedMeasuresOf(table)) {
      const keyOf = (subset: string[], row: ReportRow) => {
        const fixed = fixedBy(subset);
        return JSON.stringify([group, measure, fixed, fixed.map((dimension) => codeOf(row, dimension))]);
      };

      if (table.rows.length > 0) totalNodes.set(`${tableIndex}|${measure}`, nodeId(keyOf([], table.rows[0])));
      const cellIds = table.rows.map((row, rowIndex) => {
        const id = nodeId(keyOf(dimensions, row));
        const node = nodes[id];
        if (!node.isCell) {
          node.isCell = true;
          const value = row[measure];
          node.value = typeof value === "number" ? value : null;
        }
        node.cells.push({ table: tableIndex, row: rowIndex, measure });
        return id;
      });

      // Every proper subset of the dimensions gives margins: the empty one gives the total. The
      // slice's dimensions are never summed over.
      const subsetCount = 2 ** dimensions.length - 1;
      for (let mask = 0; mask < subsetCount; mask++) {
        const subset = dimensions.filter((_, index) => (mask >> index) & 1);
        const lines = new Map<number, number[]>();
        table.rows.forEach((row, rowIndex) => {
          const margin = nodeId(keyOf(subset, row));
          const parts = lines.get(margin) ?? [];
          parts.push(cellIds[rowIndex]);
          lines.set(margin, parts);
        });
        for (const [margin, parts] of lines) {
          const sortedParts = [...new Set(parts)].sort((left, right) => left - right);
          const signature = `${margin}:${sortedParts.join(",")}`;
          if (relationSignatures.has(signature)) continue;
          relationSignatures.add(signature);
          relations.push({ margin, parts: sortedParts });
        }
      }
    }
  });

  const relationsByNode: number[][] = nodes.map(() => []);
  relations.forEach((relation, index) => {
    relationsByNode[relation.margin].push(index);
    for (const part of relation.parts) relationsByNode[part].push(index);
  });
  return { nodes, relations, relationsByNode, totalNodes };
}

/** The slice of a table, checked: it needs a population and must not fix a dimension it shows. */
function sliceOf(table: ReportTable): Record<string, string> {
  const slice = table.slice ?? {};
  const sliced = Object.keys(slice);
  if (sliced.length === 0) return slice;
  if (table.population === undefined) throw new Error(`table ${table.id}: a slice needs a population`);
  const shown = sliced.filter((dimension) => table.dimensions.includes(dimension));
  if (shown.length > 0)
    throw new Error(`table ${table.id}: a slice fixes shown dimensions ${shown.join(", ")}`);
  return slice;
}

/** Nodes hidden before secondary suppression: small counts, and cells the input already hides. */
export function initiallyHiddenNodes(tables: ReportTable[], system: ReleaseSystem, threshold: number) {
  const hidden = new Set<number>();
  system.nodes.forEach((node, id) => {
    if (!node.isCell) return;
    const isHidden = node.cells.some(({ table, row, measure }) => {
      const published = tables[table].rows[row];
      const value = published[measure];
      return (
        isFlaggedHidden(published, measure) || (typeof value === "number" && value >= 1 && value < threshold)
      );
    });
    if (isHidden) hidden.add(id);
  });
  return hidden;
}
