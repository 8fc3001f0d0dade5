import { type SQL, sql } from "drizzle-orm";
import { type Executor, queryRows } from "../../../db/database.ts";
import { notificationRead } from "../../../db/schema/index.ts";
import { toBeConfirmedSql } from "../../../db/stay-confirmation.sql.ts";
import type { NotificationKind } from "../../../domain/notifications/notification-api.schema.ts";

/** A notification as derived from the facts, before its read mark. */
export type DerivedNotification = {
  kind: NotificationKind;
  factId: string;
  occurredOn: string;
  recordedAt: string;
  minorPseudonym: string;
  caseId: string | null;
  stayId: string | null;
  placementRequestId: string | null;
  structureId: string | null;
  structureName: string;
  eventId: string | null;
  serviceName: string | null;
};

const instant = (column: string) =>
  sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`);

/** An accepted event of the table that no standing void removes (a void of a void restores it). */
const standing = (table: "stay_event" | "case_event", alias: string) =>
  sql.raw(`${alias}.status = 'accepted' and not exists (select 1 from ${table} v
    where v.status = 'accepted' and v.type = 'void' and v.payload->>'voids' = ${alias}.id::text
      and not exists (select 1 from ${table} vv where vv.status = 'accepted' and vv.type = 'void'
        and vv.payload->>'voids' = v.id::text))`);

/**
 * The minors of this service's open cases, each from the moment its case was opened: the stay
 * facts recorded since then that the service is told of, and the stays still to be corrected or
 * confirmed. A merge moves the stays and the cases together; a case left on a record merged before
 * merges moved cases reads the survivor's stays.
 */
export async function deriveServiceNotifications(db: Executor, organisationId: string) {
  return queryRows<DerivedNotification>(
    db,
    sql`with in_charge as (
          select c.id as case_id, coalesce(m.merged_into, m.id) as minor_id, m.pseudonym,
            (select min(ce.recorded_at) from case_event ce where ce.case_id = c.id and ce.type = 'case-opened'
              and ce.status = 'accepted') as since
          from social_case c join minor m on m.id = c.minor_id
          where c.service_organisation_id = ${organisationId} and c.closed_on is null),
        stays as (
          select s.*, i.case_id, i.pseudonym, i.since, v.name as structure_name
          from in_charge i
          join stay s on s.minor_id = i.minor_id
          join structure st on st.id = s.structure_id
          join structure_version v on v.structure_id = st.id and v.version = st.current_version)
        select case e.type when 'admission' then 'admission' when 'discharge' then 'discharge'
              when 'absence-start' then 'runaway' else 'return' end as kind,
            e.id as "factId", e.occurred_on::text as "occurredOn", ${instant("e.recorded_at")} as "recordedAt",
            s.pseudonym as "minorPseudonym", s.case_id as "caseId", s.id as "stayId",
            s.structure_name as "structureName", e.id as "eventId", null as "serviceName",
            null::uuid as "placementRequestId", null::uuid as "structureId"
          from stays s join stay_event e on e.stay_id = s.id
          where ${standing("stay_event", "e")} and e.recorded_at >= s.since
            and (e.type in ('admission', 'discharge')
              or (e.type = 'absence-start' and e.payload->'absence'->>'kind' = 'ran-away')
              or (e.type = 'absence-end' and exists (select 1 from stay_absence a where a.stay_id = s.id
                and a.to_date = e.occurred_on and a.kind = 'ran-away')))
        union all
        select flag.kind, s.id as "factId", s.admission_date::text as "occurredOn",
            ${instant("s.updated_at")} as "recordedAt", s.pseudonym as "minorPseudonym", s.case_id as "caseId",
            s.id as "stayId", s.structure_name as "structureName", null as "eventId", null as "serviceName",
            null::uuid as "placementRequestId", null::uuid as "structureId"
          from stays s cross join lateral (values ('overlap', s.has_overlap and s.confirmed_at is null),
              ('to-be-confirmed', ${toBeConfirmedSql(sql`s`)})) as flag(kind, raised)
          where flag.raised and s.admission_date is not null
            and s.status in ('open', 'waiting', 'closed')
        order by "recordedAt" desc, "factId"
        limit 500`,
  );
}

/** The stays of these structures that a service linked to one of its cases (placement facts). */
export async function deriveStructureNotifications(db: Executor, structureCondition: SQL) {
  return queryRows<DerivedNotification>(
    db,
    sql`select 'stay-linked' as kind, e.id as "factId", e.occurred_on::text as "occurredOn",
          ${instant("e.recorded_at")} as "recordedAt", m.pseudonym as "minorPseudonym", null as "caseId",
          s.id as "stayId", v.name as "structureName", e.id as "eventId", o.name as "serviceName",
          null::uuid as "placementRequestId", null::uuid as "structureId"
        from case_event e
          join stay s on s.id::text = e.payload->'placement'->>'stayId'
          join structure on structure.id = s.structure_id
          join structure_version v on v.structure_id = structure.id and v.version = structure.current_version
          join social_case c on c.id = e.case_id
          join organisation o on o.id = c.service_organisation_id
          join minor m on m.id = coalesce(s.minor_id, c.minor_id)
        where e.type = 'placement' and ${standing("case_event", "e")} and ${structureCondition}
        order by e.recorded_at desc, e.id
        limit 500`,
  );
}

export async function findReadMarks(db: Executor, userId: string, organisationId: string) {
  const rows = await queryRows<{ notificationId: string }>(
    db,
    sql`select notification_id as "notificationId" from notification_read
        where user_id = ${userId} and organisation_id = ${organisationId}`,
  );
  return new Set(rows.map((row) => row.notificationId));
}

export async function insertReadMark(
  db: Executor,
  mark: { userId: string; organisationId: string; notificationId: string; readAt: string },
) {
  await db.insert(notificationRead).values(mark).onConflictDoNothing();
}

/** The answers of the structures to this service's placement requests (open cases only). */
export async function derivePlacementAnswers(db: Executor, organisationId: string) {
  return queryRows<DerivedNotification>(
    db,
    sql`select case r.state when 'accepted' then 'placement-accepted' else 'placement-declined' end as kind,
          r.id as "factId", (r.decided_at at time zone 'Europe/Rome')::date::text as "occurredOn",
          ${instant("r.decided_at")} as "recordedAt", m.pseudonym as "minorPseudonym", r.case_id as "caseId",
          null::uuid as "stayId", r.id as "placementRequestId", r.structure_id as "structureId",
          v.name as "structureName", null::uuid as "eventId", null as "serviceName"
        from placement_request r join social_case c on c.id = r.case_id and c.closed_on is null
          join minor m on m.id = r.minor_id
          join structure on structure.id = r.structure_id
          join structure_version v on v.structure_id = structure.id and v.version = structure.current_version
        where r.service_organisation_id = ${organisationId} and r.state in ('accepted', 'declined')
        order by r.decided_at desc, r.id
        limit 500`,
  );
}

/** The placement requests sent to these structures that still wait for an answer. */
export async function derivePlacementRequests(db: Executor, structureCondition: SQL) {
  return queryRows<DerivedNotification>(
    db,
    sql`select 'placement-request' as kind, r.id as "factId",
          (r.sent_at at time zone 'Europe/Rome')::date::text as "occurredOn", ${instant("r.sent_at")} as "recordedAt",
          m.pseudonym as "minorPseudonym", null::uuid as "caseId", null::uuid as "stayId",
          r.id as "placementRequestId", r.structure_id as "structureId", v.name as "structureName",
          null::uuid as "eventId", o.name as "serviceName"
        from placement_request r join minor m on m.id = r.minor_id
          join structure on structure.id = r.structure_id
          join structure_version v on v.structure_id = structure.id and v.version = structure.current_version
          join organisation o on o.id = r.service_organisation_id
        where r.state = 'sent' and ${structureCondition}
        order by r.sent_at desc, r.id
        limit 500`,
  );
}
