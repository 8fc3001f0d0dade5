import { type SQL, sql } from "drizzle-orm";
import { staysOverlapSql } from "./stay-presence.sql.ts";

/**
 * An admission to be confirmed (access principle 7), in SQL, written once for every view. `s`
 * names a `stay` row.
 */

/**
 * The earlier stay `o` of the same minor that the stay `s` overlaps: the later admission is the
 * one to confirm (on the same day, by id).
 */
function overlapsEarlierSql(s: SQL, o: SQL): SQL {
  return sql`(${o}.minor_id = ${s}.minor_id and ${o}.id <> ${s}.id
      and (${o}.admission_date < ${s}.admission_date or (${o}.admission_date = ${s}.admission_date and ${o}.id < ${s}.id))
      and ${staysOverlapSql(s, o)})`;
}

/** Overlapping an earlier stay of the same minor (whether confirmed or not). */
export function overlapsEarlierStaySql(s: SQL): SQL {
  return sql`(${s}.has_overlap and exists (select 1 from stay o where ${overlapsEarlierSql(s, sql`o`)}))`;
}

/**
 * To be confirmed: recorded more than 30 days after its day, or overlapping an earlier stay of
 * the same minor, and not confirmed (by the steward or by the referring service's case). The
 * other stay's discharge confirms it by removing the overlap. Derived at read time from the
 * projected stays, so arrival order does not change it.
 */
export function toBeConfirmedSql(s: SQL): SQL {
  return sql`(${s}.confirmed_at is null and (${s}.is_backdated or ${overlapsEarlierStaySql(s)}))`;
}

/**
 * Seen by the other structure (principle 7): a later admission of the same minor, in another
 * structure, overlaps the stay `s` and is to be confirmed.
 */
export function otherAdmissionToBeConfirmedSql(s: SQL): SQL {
  return sql`exists (select 1 from stay n where n.structure_id <> ${s}.structure_id
      and ${overlapsEarlierSql(sql`n`, s)} and n.has_overlap and n.confirmed_at is null)`;
}
