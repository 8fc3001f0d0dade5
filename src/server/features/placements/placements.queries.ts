import { type SQL, sql } from "drizzle-orm";
import { type Executor, queryRows } from "../../../db/database.ts";
import { placementRequest } from "../../../db/schema/index.ts";
import type {
  PlacementNeeds,
  PlacementRequestState,
  StructureTarget,
} from "../../../domain/placements/placement-request.schema.ts";

/** A case of this service, with what the search needs of its minor (pseudonymous record). */
export async function findCaseForPlacement(db: Executor, organisationId: string, caseId: string) {
  const [row] = await queryRows<{
    id: string;
    minorId: string;
    pseudonym: string;
    sex: "M" | "F";
    birthDate: string | null;
    birthYearMonth: string | null;
    openedOn: string;
    closedOn: string | null;
    lastStayMsna: boolean | null;
  }>(
    db,
    sql`select c.id, c.minor_id as "minorId", m.pseudonym, m.sex, m.birth_date::text as "birthDate",
          m.birth_year_month as "birthYearMonth",
          c.opened_on::text as "openedOn", c.closed_on::text as "closedOn",
          (select s.msna from stay s where s.minor_id = c.minor_id and s.admission_date is not null
            order by s.admission_date desc limit 1) as "lastStayMsna"
        from social_case c join minor m on m.id = c.minor_id
        where c.id = ${caseId} and c.service_organisation_id = ${organisationId}`,
  );
  return row;
}

export type StructureDetails = {
  structureId: string;
  target: StructureTarget;
  street: string;
  comuneCode: string;
  comuneName: string | null;
  operatorName: string;
};

/** Each structure's target and contacts as its version of the day records them. */
export async function findStructureDetailsOnDay(db: Executor, structureIds: string[], day: string) {
  if (structureIds.length === 0) return new Map<string, StructureDetails>();
  const rows = await queryRows<StructureDetails>(
    db,
    sql`select distinct on (v.structure_id) v.structure_id as "structureId", v.record->'target' as target,
          v.record->'address'->>'street' as street, v.comune as "comuneCode", c.name as "comuneName",
          v.record->'operator'->>'name' as "operatorName"
        from structure_version v left join comune c on c.istat_code = v.comune
        where v.structure_id in (select e::uuid from jsonb_array_elements_text(${JSON.stringify(structureIds)}::jsonb) as t(e))
          and v.valid_from <= ${day}::date
        order by v.structure_id, v.valid_from desc, v.version desc`,
  );
  return new Map(rows.map((row) => [row.structureId, row]));
}

export type PlacementRequestRow = {
  id: string;
  caseId: string;
  minorId: string;
  minorPseudonym: string;
  structureId: string;
  structureName: string;
  serviceOrganisationId: string;
  serviceName: string;
  state: PlacementRequestState;
  needs: PlacementNeeds;
  sentAt: string;
  decidedAt: string | null;
  declineReason: string | null;
  admittedStayId: string | null;
};

const instant = (column: string) =>
  sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`);

const requestColumns = sql`r.id, r.case_id as "caseId", r.minor_id as "minorId", m.pseudonym as "minorPseudonym",
  r.structure_id as "structureId", v.name as "structureName", r.service_organisation_id as "serviceOrganisationId",
  o.name as "serviceName", r.state, r.needs, ${instant("r.sent_at")} as "sentAt",
  ${instant("r.decided_at")} as "decidedAt", r.decline_reason as "declineReason",
  r.admitted_stay_id as "admittedStayId"`;

const requestFrom = sql`placement_request r join minor m on m.id = r.minor_id
  join structure on structure.id = r.structure_id
  join structure_version v on v.structure_id = structure.id and v.version = structure.current_version
  join organisation o on o.id = r.service_organisation_id`;

export async function findRequestsOfCase(db: Executor, organisationId: string, caseId: string) {
  return queryRows<PlacementRequestRow>(
    db,
    sql`select ${requestColumns} from ${requestFrom}
        where r.case_id = ${caseId} and r.service_organisation_id = ${organisationId}
        order by r.sent_at desc, r.id`,
  );
}

/** One request, locked, where the condition (the caller's reach) holds. */
export async function lockRequest(db: Executor, requestId: string, reach: SQL) {
  const [row] = await queryRows<PlacementRequestRow>(
    db,
    sql`select ${requestColumns} from ${requestFrom} where r.id = ${requestId} and ${reach} for update of r`,
  );
  return row;
}

/** Whether the case has been closed (read under the request's lock, before an acceptance). */
export async function isCaseClosed(db: Executor, caseId: string): Promise<boolean> {
  const [row] = await queryRows<{ closed: boolean }>(
    db,
    sql`select closed_on is not null as closed from social_case where id = ${caseId}`,
  );
  return row?.closed ?? true;
}

/** The requests sent to the structures the condition names, the open ones first. */
export async function findRequestsOfStructures(
  db: Executor,
  structureCondition: SQL,
  state?: PlacementRequestState,
) {
  const byState = state ? sql`and r.state = ${state}` : sql``;
  return queryRows<PlacementRequestRow>(
    db,
    sql`select ${requestColumns} from ${requestFrom}
        where ${structureCondition} ${byState}
        order by (r.state = 'sent') desc, r.sent_at desc, r.id limit 500`,
  );
}

export async function insertRequest(db: Executor, values: typeof placementRequest.$inferInsert) {
  await db.insert(placementRequest).values(values);
}

export async function updateRequestDecision(
  db: Executor,
  id: string,
  decision: {
    state: PlacementRequestState;
    decidedAt: string;
    decidedBy: string;
    declineReason: string | null;
  },
) {
  await db.execute(
    sql`update placement_request set state = ${decision.state}, decided_at = ${decision.decidedAt}::timestamptz,
          decided_by = ${decision.decidedBy}, decline_reason = ${decision.declineReason} where id = ${id}`,
  );
}

/**
 * The accepted requests of a case still without an admission, each with the stay the structure
 * then recorded for the minor (the latest admitted there, not discharged before the request).
 */
export async function findAdmissionsOfAcceptedRequests(db: Executor, caseId: string) {
  return queryRows<{ requestId: string; stayId: string; admissionDate: string }>(
    db,
    sql`select r.id as "requestId", s.id as "stayId", s.admission_date::text as "admissionDate"
        from placement_request r
        cross join lateral (select s.id, s.admission_date from stay s
          where s.structure_id = r.structure_id and s.minor_id = r.minor_id
            and s.admission_date is not null and s.status in ('open', 'closed')
            and (s.discharge_date is null or s.discharge_date >= (r.sent_at at time zone 'Europe/Rome')::date)
          order by s.admission_date desc, s.id desc limit 1) s
        where r.case_id = ${caseId} and r.state = 'accepted' and r.admitted_stay_id is null`,
  );
}

export async function setAdmittedStay(db: Executor, requestId: string, stayId: string) {
  await db.execute(
    sql`update placement_request set admitted_stay_id = ${stayId} where id = ${requestId} and admitted_stay_id is null`,
  );
}
