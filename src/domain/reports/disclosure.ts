/**
 * Statistical disclosure control of a release (spec: reports, "Disclosure control").
 *
 * Primary suppression hides every protected cell with 1 ≤ value < threshold. Secondary
 * suppression then hides more cells until no hidden cell can be computed exactly from what the
 * release gives away: the published cells of all its tables, every total and every margin (row and
 * column totals, printed or not), and the identities between tables that count the same
 * population (see disclosure-release.ts). Zeros, totals and unprotected measures are published.
 *
 * Measures under control are those a table lists in `protectedMeasures` (all of its measures when
 * absent); each is controlled as a table of its own with the same dimensions.
 *
 * The spec's rule comes first: while a line (row, column, or the whole of a one-dimensional table)
 * has a single hidden cell, hide the smallest non-zero published cell of such lines. Then each
 * round solves the equations exactly (disclosure-elimination.ts) and, for every group of linked
 * hidden cells that still has a determined one, hides the smallest non-zero published cell of a
 * line with a single hidden cell, else of a line of a determined cell, else of any line of the
 * group (ties: the first in the release's order). Cells that a line of zeros and margins pins down
 * are never chosen: hiding them protects nothing. A hidden cell stays recoverable only when hiding
 * every non-zero cell would not protect it either (a table of a single row, a row whose other cells
 * are zeros); `findRecoverableCells` lists them.
 */

import { AppError } from "../errors/app-error.ts";
import { findHiddenComponents } from "./disclosure-elimination.ts";
import {
  buildReleaseSystem,
  initiallyHiddenNodes,
  protectedMeasuresOf,
  type ReleaseRelation,
  type ReleaseSystem,
  type TableCell,
} from "./disclosure-release.ts";
import { isSuppressed, type ReportResult, type ReportRow, type ReportTable } from "./report.ts";

export type { TableCell } from "./disclosure-release.ts";
export { protectedMeasuresOf } from "./disclosure-release.ts";

export const defaultDisclosureThreshold = 3;

/** The tables as published: new objects, the input is left untouched. */
export function applyDisclosureControl(
  tables: ReportTable[],
  threshold = defaultDisclosureThreshold,
): ReportTable[] {
  if (!Number.isInteger(threshold) || threshold < defaultDisclosureThreshold) {
    throw new AppError(
      "invalid-request",
      `La soglia di tutela statistica deve essere un numero intero non inferiore a ${defaultDisclosureThreshold}.`,
    );
  }
  const system = buildReleaseSystem(tables);
  const hidden = initiallyHiddenNodes(tables, system, threshold);
  addSecondarySuppressions(system, hidden);
  return hideTotals(hideCells(tables, system, hidden), system, hidden, threshold);
}

/**
 * Totals are counts like any other: a table's total is withheld (null) where it is below the
 * threshold, or where it is a cell that another table of the release hides (the total of the
 * residential slice is the residential cell of "by setting").
 */
function hideTotals(
  tables: ReportTable[],
  system: ReleaseSystem,
  hidden: Set<number>,
  threshold: number,
): ReportTable[] {
  return tables.map((table, index) => {
    const withheld = (measure: string, value: number | null | undefined) => {
      const node = system.totalNodes.get(`${index}|${measure}`);
      if (node === undefined || typeof value !== "number") return false;
      return hidden.has(node) || (value >= 1 && value < threshold);
    };
    const published = { ...table };
    if (table.measures.includes("count") && withheld("count", table.total)) published.total = null;
    if (table.totals) {
      published.totals = Object.fromEntries(
        Object.entries(table.totals).map(([measure, value]) => [
          measure,
          withheld(measure, value) ? null : value,
        ]),
      );
    }
    return published;
  });
}

/** The same report with its tables under disclosure control, and saying so. */
export function applyDisclosureControlToReport(
  report: ReportResult,
  threshold = defaultDisclosureThreshold,
): ReportResult {
  return {
    ...report,
    suppression: { applied: true, threshold },
    tables: applyDisclosureControl(report.tables, threshold),
  };
}

/**
 * Hidden cells of a published release that the equations still determine: none after
 * `applyDisclosureControl`, except cells that no suppression allowed by the rules can protect.
 */
export function findRecoverableCells(tables: ReportTable[]): TableCell[] {
  const system = buildReleaseSystem(tables);
  const hidden = initiallyHiddenNodes(tables, system, 0);
  return findHiddenComponents(system.relations, hidden).flatMap((component) =>
    component.determined.flatMap((node) => system.nodes[node].cells),
  );
}

function addSecondarySuppressions(system: ReleaseSystem, hidden: Set<number>): void {
  const isPinned = pinnedCells(system, hidden);
  const excluded = (node: number) => hidden.has(node) || isPinned[node];
  // The spec's rule first, cheap to apply without solving anything: a line with a single hidden
  // cell gives it away by subtraction, so hide the smallest non-zero published cell of such lines.
  for (;;) {
    const revealing = system.relations.filter((relation) => hiddenCount(relation, hidden) === 1);
    const candidate = smallestPublishedCell(system, excluded, revealing);
    if (candidate === undefined) break;
    hidden.add(candidate);
  }
  // Then what only a combination of lines gives away.
  for (;;) {
    let hasAdded = false;
    for (const component of findHiddenComponents(system.relations, hidden)) {
      if (component.determined.length === 0) continue;
      // Lines with a single hidden cell, then lines of the cells given away, then any line.
      const touching = relationsOf(system, component.nodes);
      const candidate =
        smallestPublishedCell(
          system,
          excluded,
          touching.filter((relation) => hiddenCount(relation, hidden) === 1),
        ) ??
        smallestPublishedCell(system, excluded, relationsOf(system, component.determined)) ??
        smallestPublishedCell(system, excluded, touching);
      if (candidate === undefined) continue;
      hidden.add(candidate);
      hasAdded = true;
    }
    if (!hasAdded) return;
  }
}

/**
 * Cells that hiding would not protect: each lies in a line whose other members are all zeros,
 * margins or totals, so the line gives its value whatever else is hidden.
 */
function pinnedCells(system: ReleaseSystem, hidden: Set<number>): boolean[] {
  const isAlwaysPublished = (node: number) => {
    const { isCell, value } = system.nodes[node];
    return !isCell || (!hidden.has(node) && !(value !== null && value > 0));
  };
  return system.nodes.map((_, node) =>
    system.relationsByNode[node].some((index) => {
      const { margin, parts } = system.relations[index];
      return [margin, ...parts].every((member) => member === node || isAlwaysPublished(member));
    }),
  );
}

function relationsOf(system: ReleaseSystem, nodes: number[]): ReleaseRelation[] {
  const indices = new Set(nodes.flatMap((node) => system.relationsByNode[node]));
  return [...indices].sort((left, right) => left - right).map((index) => system.relations[index]);
}

function hiddenCount(relation: ReleaseRelation, hidden: Set<number>): number {
  let count = hidden.has(relation.margin) ? 1 : 0;
  for (const part of relation.parts) if (hidden.has(part)) count++;
  return count;
}

/** The smallest non-zero published cell of the given lines; ties go to the first in the release. */
function smallestPublishedCell(
  system: ReleaseSystem,
  isExcluded: (node: number) => boolean,
  relations: ReleaseRelation[],
): number | undefined {
  let best: number | undefined;
  let bestValue = Number.POSITIVE_INFINITY;
  for (const relation of relations) {
    for (const node of [relation.margin, ...relation.parts]) {
      const { isCell, value, ordinal } = system.nodes[node];
      if (isExcluded(node) || !isCell || value === null || value <= 0) continue;
      if (value < bestValue || (value === bestValue && ordinal < system.nodes[best as number].ordinal)) {
        best = node;
        bestValue = value;
      }
    }
  }
  return best;
}

function hideCells(tables: ReportTable[], system: ReleaseSystem, hidden: Set<number>): ReportTable[] {
  const rows: ReportRow[][] = tables.map((table) => table.rows.map((row) => ({ ...row })));
  for (const node of hidden) {
    for (const { table, row, measure } of system.nodes[node].cells) {
      const published = rows[table][row];
      published[measure] = null;
      if (isCountOnly(tables[table])) published.flag = "c";
      else published.flags = { ...published.flags, [measure]: "c" };
    }
  }
  tables.forEach((table, index) => {
    if (table.describedCount) hideDescriptionsOfHiddenCounts(table, table.describedCount, rows[index]);
  });
  return tables.map((table, index) => ({ ...table, rows: rows[index] }));
}

/** A row whose count is hidden keeps none of the statistics computed on the units it counts. */
function hideDescriptionsOfHiddenCounts(table: ReportTable, count: string, rows: ReportRow[]) {
  const controlled = new Set(protectedMeasuresOf(table));
  const descriptions = table.measures.filter((measure) => measure !== count && !controlled.has(measure));
  for (const row of rows) {
    if (!isSuppressed(row, count)) continue;
    for (const measure of descriptions) {
      row[measure] = null;
      row.flags = { ...row.flags, [measure]: "c" };
    }
  }
}

function isCountOnly(table: ReportTable): boolean {
  return table.measures.length === 1 && table.measures[0] === "count";
}
