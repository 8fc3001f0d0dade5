import { sql } from "drizzle-orm";
import { type Executor, queryRows } from "../../src/db/database.ts";

export type StoredEvent = { id: string; status: string; copies: number };
export type StayRow = Record<string, unknown> & { key: string };

/**
 * What the interchange left in a database: each stored event with its number of copies, and
 * every stay as the projection made it, keyed by structure code and stay reference (not by the
 * ids of one database), so that two databases fed the same events compare equal.
 */
export async function readStayOutcome(db: Executor) {
  const events = await queryRows<StoredEvent>(
    db,
    sql`select id::text as id, min(status) as status, count(*)::int as copies from stay_event group by id`,
  );
  const stays = await queryRows<StayRow>(
    db,
    sql`select st.code || '/' || s.stay_ref as key, s.status, s.admission_date::text as admission,
          s.discharge_date::text as discharge, s.discharge_reason as reason, s.reasons, s.msna,
          s.has_overlap as overlap, s.minor_id is not null as "hasMinor",
          (select count(*)::int from stay_activity a where a.stay_id = s.id) as activities,
          (select count(*)::int from stay_absence a where a.stay_id = s.id) as absences
        from stay s join structure st on st.id = s.structure_id order by key`,
  );
  return { events: new Map(events.map((event) => [event.id, event])), stays };
}

/** The first stay that differs between two outcomes, to say what went wrong. */
export function firstStayDifference(actual: StayRow[], expected: StayRow[]) {
  const expectedByKey = new Map(expected.map((row) => [row.key, JSON.stringify(row)]));
  const first = actual.find((row) => expectedByKey.get(row.key) !== JSON.stringify(row));
  return first ? `${JSON.stringify(first)} vs ${expectedByKey.get(first.key)}` : undefined;
}
