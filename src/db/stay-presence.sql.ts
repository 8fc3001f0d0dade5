import { type SQL, sql } from "drizzle-orm";

/**
 * The presence rule of src/domain/stays/presence.ts in SQL, written once (stays use it, and foster
 * care through `periodDaysSql`): a stay (any row with
 * `admission_date` and `discharge_date`: `stay`, `stay_history`, a subquery of them) is present
 * from its admission day (included) to its discharge day (excluded). `stay` names the row's alias.
 */

/**
 * The days a stay is present, as a range. The same expression as the GiST indexes of
 * stay_history (migration 0010), so that they serve it; the CASE keeps it total for a discharge
 * before its admission (never accepted, but an index expression must not fail).
 */
export function presentDaysSql(stay: SQL): SQL {
  return periodDaysSql(sql`${stay}.admission_date`, sql`${stay}.discharge_date`);
}

/**
 * The same rule for any episode out of family (a stay, a foster care): present from its start
 * (included) to its end (excluded), open-ended without an end.
 */
export function periodDaysSql(start: SQL, end: SQL): SQL {
  return sql`daterange(${start}, case when ${end} < ${start} then ${start} else ${end} end, '[)')`;
}

/** An episode from `start` to `end` is present on a day. */
export function periodOnSql(start: SQL, end: SQL, day: SQL | string): SQL {
  return sql`(${periodDaysSql(start, end)} @> (${day})::date)`;
}

/** An episode from `start` to `end` is present on some day of [from, to], both included. */
export function periodDuringSql(start: SQL, end: SQL, from: SQL | string, to: SQL | string): SQL {
  return sql`(${periodDaysSql(start, end)} && daterange((${from})::date, (${to})::date, '[]'))`;
}

/** Present on a day: admission ≤ D < discharge (a stay without admission is never present). */
export function presentOnSql(stay: SQL, day: SQL | string): SQL {
  return sql`(${stay}.admission_date is not null and ${presentDaysSql(stay)} @> (${day})::date)`;
}

/** Present on some day of [from, to], both included. */
export function presentDuringSql(stay: SQL, from: SQL | string, to: SQL | string): SQL {
  return sql`(${stay}.admission_date is not null
    and ${presentDaysSql(stay)} && daterange((${from})::date, (${to})::date, '[]'))`;
}

/**
 * Two stays overlap (src/domain/stays/presence.ts `staysOverlap`): their periods [admission,
 * discharge) meet; a transfer discharged and admitted on the same day does not overlap.
 */
export function staysOverlapSql(a: SQL, b: SQL): SQL {
  return sql`(${a}.admission_date is not null and ${b}.admission_date is not null
    and (${b}.discharge_date is null or ${b}.discharge_date > ${a}.admission_date)
    and (${a}.discharge_date is null or ${a}.discharge_date > ${b}.admission_date))`;
}
