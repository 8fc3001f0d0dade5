/**
 * The baseline of the reports benchmark: one hand-written SQL query computing the main table of a
 * stock report (minors out of family on a day by setting, and by age class for the monthly
 * report), with the engine's definitions and reading the same rows (the current versions of
 * stay_history and foster_care_history):
 * - in a structure on D: admission ≤ D and (no discharge or discharge > D), written as the
 *   containment test the GiST index of stay_history (migration 0010) serves;
 * - in foster care on D: residential (character 1) of at least five nights a week (unsaid counts),
 *   start ≤ D and D before the end or the closure of the case, whichever comes first;
 * - the minor is the unit: with several episodes on D, the most recent (latest start; a stay
 *   before a foster care started the same day);
 * - age in completed months from the birth year-month, birthday on the first of the month; minors
 *   are those under 216 months or of unknown age; classes 0-2, 3-5, 6-10, 11-14, 15-17, unknown;
 * - the Ministry's table leaves out unaccompanied foreign minors (msna of the chosen stay; foster
 *   care is never counted as such).
 */
import { type SQL, sql } from "drizzle-orm";
import { type Executor, queryRows } from "../../src/db/database.ts";

export type StockOptions = { excludeMsna: boolean; byAgeClass: boolean };
export type StockCount = { setting: string; ageClass?: string; count: number };

export function handwrittenStockSql(day: string, options: StockOptions): SQL {
  const ageClass = sql`case when months is null or months < 0 then 'unknown' when months < 36 then '0-2'
    when months < 72 then '3-5' when months < 132 then '6-10' when months < 180 then '11-14'
    else '15-17' end`;
  return sql`with episodes as (
          select h.minor_id, 'residential' as setting, h.admission_date as start_date, h.msna
          from stay_history h
          where h.recorded_to is null and h.status in ('open', 'closed') and h.minor_id is not null
            and daterange(h.admission_date, case when h.discharge_date < h.admission_date then h.admission_date
              else h.discharge_date end, '[)') @> ${day}::date
          union all
          select f.minor_id, 'foster-care', f.start_date, false
          from foster_care_history f
          where f.recorded_to is null and f.character = '1' and coalesce(f.nights_per_week, 7) >= 5
            and f.start_date <= ${day}::date
            and (least(f.end_date, f.case_closed_on) is null or least(f.end_date, f.case_closed_on) > ${day}::date)
        ), chosen as (
          select distinct on (minor_id) minor_id, setting, msna
          from episodes
          order by minor_id, start_date desc, setting = 'residential' desc
        ), aged as materialized (
          select c.setting, c.msna,
            case when ${day}::date >= m.birth_date then
              extract(year from age(${day}::date, m.birth_date))::int * 12
                + extract(month from age(${day}::date, m.birth_date))::int end as months
          from chosen c join minor m on m.id = c.minor_id
        )
        select setting, ${options.byAgeClass ? sql`${ageClass} as "ageClass", ` : sql``}count(*)::int as count
        from aged
        where (months is null or months < 216) ${options.excludeMsna ? sql`and not msna` : sql``}
        group by ${options.byAgeClass ? sql`1, 2` : sql`1`}
        order by ${options.byAgeClass ? sql`1, 2` : sql`1`}`;
}

export function handwrittenStock(db: Executor, day: string, options: StockOptions): Promise<StockCount[]> {
  return queryRows<StockCount>(db, handwrittenStockSql(day, options));
}

/**
 * Compares the engine's table with the hand-written one on the non-zero cells of the given
 * dimensions. Returns the differences, empty when both give the same counts.
 */
export function differences(
  engineRows: readonly Record<string, unknown>[],
  handwritten: readonly StockCount[],
  dimensions: readonly string[],
): string[] {
  const key = (row: Record<string, unknown>) => dimensions.map((name) => String(row[name])).join("|");
  const engine = new Map<string, number>();
  for (const row of engineRows) {
    const count = Number(row.count ?? 0);
    if (count !== 0) engine.set(key(row), count);
  }
  const mine = new Map(handwritten.filter((row) => row.count !== 0).map((row) => [key(row), row.count]));
  const found: string[] = [];
  for (const cell of new Set([...engine.keys(), ...mine.keys()])) {
    if (engine.get(cell) !== mine.get(cell))
      found.push(`${cell}: engine ${engine.get(cell) ?? 0}, hand-written ${mine.get(cell) ?? 0}`);
  }
  return found;
}
