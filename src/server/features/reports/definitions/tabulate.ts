import { type SQL, sql } from "drizzle-orm";
import { type Executor, queryRows } from "../../../../db/database.ts";
import type { ReportRow, ReportTable } from "../../../../domain/reports/report.ts";

export type Dimension = { name: string; values: readonly string[] };

/** A count table: its dimensions, and which units of the unit set it counts (`where`). */
export type CountTableSpec = {
  id: string;
  title: string;
  dimensions: Dimension[];
  where?: Record<string, readonly string[]>;
  population: string;
  /**
   * The table counts only the units with these values (e.g. residential): a slice of its
   * population, said so in the table for disclosure control; also a filter, like `where`.
   */
  slice?: Record<string, string>;
  msnaIncluded?: boolean;
  note?: string;
};

type GroupedRow = Record<string, string | number | null> & { grouping_mask: number; count: number };

/**
 * Counts one set of units into several tables in a single query (GROUPING SETS): each table is
 * one grouping set of its dimensions and of the columns it filters on. Every combination of
 * dimension values appears, in list order, zeros included; a value outside the lists (a code the
 * lists do not know) is counted under `unknown` when the dimension has it, or appended.
 */
export async function countTables(
  db: Executor,
  units: SQL,
  tableSpecs: CountTableSpec[],
): Promise<ReportTable[]> {
  const specs = tableSpecs.map((spec) =>
    spec.slice
      ? {
          ...spec,
          where: {
            ...spec.where,
            ...Object.fromEntries(Object.entries(spec.slice).map(([column, value]) => [column, [value]])),
          },
        }
      : spec,
  );
  const setOf = (spec: CountTableSpec) =>
    [
      ...new Set([...spec.dimensions.map((dimension) => dimension.name), ...Object.keys(spec.where ?? {})]),
    ].sort();
  const columns = [...new Set(specs.flatMap(setOf))].sort();
  const sets = [...new Map(specs.map((spec) => [setOf(spec).join("|"), setOf(spec)])).values()];
  const identifiers = columns.map((column) => sql.identifier(column));
  const rows = await queryRows<GroupedRow>(
    db,
    // The units are classified once (materialized), then grouped by plain columns: the grouping
    // sets would otherwise evaluate every classification expression once per set.
    sql`with units as materialized (select * from ${units} as classified)
        select ${sql.join(identifiers, sql`, `)}, grouping(${sql.join(identifiers, sql`, `)})::int as grouping_mask,
          count(*)::int as count
        from units
        group by grouping sets (${sql.join(
          sets.map(
            (set) =>
              sql`(${sql.join(
                set.map((column) => sql.identifier(column)),
                sql`, `,
              )})`,
          ),
          sql`, `,
        )})`,
  );
  return specs.map((spec) => {
    const set = setOf(spec);
    const mask = columns.reduce(
      (bits, column, index) => (set.includes(column) ? bits : bits | (1 << (columns.length - 1 - index))),
      0,
    );
    const counts = new Map<string, number>();
    const extra = spec.dimensions.map(() => [] as string[]);
    for (const row of rows) {
      if (Number(row.grouping_mask) !== mask) continue;
      if (
        !Object.entries(spec.where ?? {}).every(([column, allowed]) => allowed.includes(String(row[column])))
      )
        continue;
      const key = spec.dimensions.map((dimension, index) => {
        const value = String(row[dimension.name] ?? "unknown");
        if (dimension.values.includes(value)) return value;
        if (dimension.values.includes("unknown")) return "unknown";
        if (!extra[index].includes(value)) extra[index].push(value);
        return value;
      });
      const id = JSON.stringify(key);
      counts.set(id, (counts.get(id) ?? 0) + Number(row.count));
    }
    const combinations = cartesian(
      spec.dimensions.map((dimension, index) => [...dimension.values, ...extra[index]]),
    );
    const tableRows: ReportRow[] = combinations.map((values) => {
      const row: ReportRow = {};
      spec.dimensions.forEach((dimension, index) => {
        row[dimension.name] = values[index];
      });
      row.count = counts.get(JSON.stringify(values)) ?? 0;
      return row;
    });
    return {
      id: spec.id,
      title: spec.title,
      dimensions: spec.dimensions.map((dimension) => dimension.name),
      measures: ["count"],
      rows: tableRows,
      total: tableRows.reduce((sum, row) => sum + Number(row.count), 0),
      msnaIncluded: spec.msnaIncluded ?? true,
      population: spec.population,
      ...(spec.slice ? { slice: spec.slice } : {}),
      ...(spec.note ? { note: spec.note } : {}),
    };
  });
}

function cartesian(lists: string[][]): string[][] {
  return lists.reduce<string[][]>(
    (combinations, values) =>
      combinations.flatMap((combination) => values.map((value) => [...combination, value])),
    [[]],
  );
}

/** Sums the given measures over the rows of a table with several measures. */
export function totalsOf(rows: ReportRow[], measures: string[]): Record<string, number> {
  return Object.fromEntries(
    measures.map((measure) => [measure, rows.reduce((sum, row) => sum + Number(row[measure] ?? 0), 0)]),
  );
}

/** A code list's values followed by `unknown` (once), for dimensions whose source may be missing. */
export function withUnknown(codes: readonly string[]): string[] {
  return [...new Set([...codes, "unknown"])];
}
