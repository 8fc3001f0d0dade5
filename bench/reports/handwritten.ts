/**
 * The baseline of the reports benchmark: one hand-written SQL query computing the main table of a
 * stock report (minors present on a day by age class × sex), with the engine's definitions and
 * reading the same rows (the current versions of stay_history):
 * - present on D: admission ≤ D and (no discharge or discharge > D), written as the containment
 *   test the GiST index of stay_history (migration 0010) serves;
 * - the minor is the unit: with several stays present, the most recent (admission date, then id);
 * - age in completed months from the birth year-month, birthday on the first of the month; minors
 *   are those under 216 months or of unknown age; classes 0-2, 3-5, 6-10, 11-14, 15-17, unknown;
 * - the Ministry's table leaves out unaccompanied foreign minors (msna of the chosen stay).
 */
import { type SQL, sql } from "drizzle-orm";
import { type Executor, queryRows } from "../../src/db/database.ts";

export type AgeSexCount = { ageClass: string; sex: string; count: number };

export function handwrittenStockSql(day: string, options: { excludeMsna: boolean }): SQL {
  return sql`with present as (
          select distinct on (h.minor_id) h.minor_id, h.msna
          from stay_history h
          where h.recorded_to is null and h.status in ('open', 'closed') and h.minor_id is not null
            and daterange(h.admission_date, case when h.discharge_date < h.admission_date then h.admission_date
              else h.discharge_date end, '[)') @> ${day}::date
          order by h.minor_id, h.admission_date desc, h.stay_id desc
        ), aged as materialized (
          select p.msna, m.sex,
            case when m.birth_year_month ~ '^[0-9]{4}-[0-9]{2}$' then
              (extract(year from ${day}::date)::int * 12 + extract(month from ${day}::date)::int)
                - (substr(m.birth_year_month, 1, 4)::int * 12 + substr(m.birth_year_month, 6, 2)::int) end as months
          from present p join minor m on m.id = p.minor_id
        )
        select case when months is null or months < 0 then 'unknown' when months < 36 then '0-2'
            when months < 72 then '3-5' when months < 132 then '6-10' when months < 180 then '11-14'
            else '15-17' end as "ageClass",
          sex, count(*)::int as count
        from aged
        where (months is null or months < 216) ${options.excludeMsna ? sql`and not msna` : sql``}
        group by 1, 2
        order by 1, 2`;
}

export function handwrittenStockByAgeSex(
  db: Executor,
  day: string,
  options: { excludeMsna: boolean },
): Promise<AgeSexCount[]> {
  return queryRows<AgeSexCount>(db, handwrittenStockSql(day, options));
}

/**
 * Compares the engine's table with the hand-written one on the non-zero cells. Returns the
 * differences, empty when both give the same counts.
 */
export function differences(
  engineRows: readonly Record<string, unknown>[],
  handwritten: readonly AgeSexCount[],
): string[] {
  const key = (ageClass: unknown, sex: unknown) => `${String(ageClass)}|${String(sex)}`;
  const engine = new Map<string, number>();
  for (const row of engineRows) {
    const count = Number(row.count ?? 0);
    if (count !== 0) engine.set(key(row.ageClass, row.sex), count);
  }
  const mine = new Map(
    handwritten.filter((row) => row.count !== 0).map((row) => [key(row.ageClass, row.sex), row.count]),
  );
  const found: string[] = [];
  for (const cell of new Set([...engine.keys(), ...mine.keys()])) {
    if (engine.get(cell) !== mine.get(cell))
      found.push(`${cell}: engine ${engine.get(cell) ?? 0}, hand-written ${mine.get(cell) ?? 0}`);
  }
  return found;
}
