import { sql } from "drizzle-orm";
import { type Executor, queryRows } from "../../../db/database.ts";
import type { TimelineStay } from "../../../domain/cases/case-timeline.ts";
import { survivorOf } from "./cases.queries.ts";

/** Accepted stay events not voided by an accepted void that stands (a void of a void restores). */
export const standingStayEvent = (alias: string) =>
  sql.raw(`${alias}.status = 'accepted' and not exists (select 1 from stay_event v
    where v.status = 'accepted' and v.type = 'void' and v.payload->>'voids' = ${alias}.id::text
      and not exists (select 1 from stay_event vv where vv.status = 'accepted' and vv.type = 'void'
        and vv.payload->>'voids' = v.id::text))`);

/**
 * Every stay of a minor in every structure (the survivor's, for a case left on a merged record:
 * `survivorOf`), with the ids of the facts that make its admission, absences, returns and
 * discharge: what the service in charge sees.
 */
export async function findTimelineStaysOfMinor(db: Executor, minorId: string): Promise<TimelineStay[]> {
  const rows = await queryRows<{
    stayId: string;
    structureName: string;
    admissionDate: string | null;
    admissionEventId: string | null;
    dischargeDate: string | null;
    dischargeEventId: string | null;
    dischargeReason: string | null;
    dischargeDestination: string | null;
    absences: TimelineStay["absences"];
    absenceEnds: TimelineStay["absenceEnds"];
  }>(
    db,
    sql`select s.id as "stayId", v.name as "structureName",
          s.admission_date::text as "admissionDate", s.discharge_date::text as "dischargeDate",
          s.discharge_reason as "dischargeReason", s.discharge_destination as "dischargeDestination",
          (select e.id from stay_event e where e.stay_id = s.id and e.type = 'admission' and ${standingStayEvent("e")}
            order by e.arrival limit 1) as "admissionEventId",
          (select e.id from stay_event e where e.stay_id = s.id and e.type = 'discharge' and ${standingStayEvent("e")}
            order by e.arrival limit 1) as "dischargeEventId",
          coalesce((select jsonb_agg(jsonb_build_object('eventId', a.event_id, 'kind', a.kind,
              'from', a.from_date::text, 'to', a.to_date::text) order by a.from_date)
            from stay_absence a where a.stay_id = s.id), '[]'::jsonb) as absences,
          coalesce((select jsonb_agg(jsonb_build_object('eventId', e.id, 'date', e.occurred_on::text)
              order by e.arrival)
            from stay_event e where e.stay_id = s.id and e.type = 'absence-end' and ${standingStayEvent("e")}),
            '[]'::jsonb) as "absenceEnds"
        from stay s join structure st on st.id = s.structure_id
          join structure_version v on v.structure_id = st.id and v.version = st.current_version
        where s.minor_id = ${survivorOf(minorId)}
          and s.admission_date is not null
        order by s.admission_date desc, s.id`,
  );
  return rows.map((row) => ({
    stayId: row.stayId,
    structureName: row.structureName,
    admission:
      row.admissionDate && row.admissionEventId
        ? { eventId: row.admissionEventId, date: row.admissionDate }
        : null,
    discharge:
      row.dischargeDate && row.dischargeEventId
        ? {
            eventId: row.dischargeEventId,
            date: row.dischargeDate,
            reason: row.dischargeReason ?? "",
            destination: row.dischargeDestination ?? "",
          }
        : null,
    absences: row.absences,
    absenceEnds: row.absenceEnds,
  }));
}
