import { type SQL, sql } from "drizzle-orm";
import { lockMinorsForCases } from "../../../db/case-minor-lock.sql.ts";
import { type Executor, queryRows } from "../../../db/database.ts";
import { caseEvent, socialCase } from "../../../db/schema/index.ts";
import { toBeConfirmedSql } from "../../../db/stay-confirmation.sql.ts";
import type { CaseProjection, RecordedCaseEvent } from "../../../domain/cases/case-projection.ts";
import type { CaseEventRecord, EarlierCaseOutcome } from "../../../domain/cases/decide-case-events.ts";

const uuidList = (ids: string[]) =>
  sql`(select e::uuid from jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb) as t(e))`;
const textList = (values: string[]) =>
  sql`(select e from jsonb_array_elements_text(${JSON.stringify(values)}::jsonb) as t(e))`;

/** Case events already stored under the batch's ids (by any source): idempotency. */
export async function findCaseEventsByIds(db: Executor, ids: string[]) {
  if (ids.length === 0) return new Map<string, EarlierCaseOutcome>();
  const rows = await queryRows<EarlierCaseOutcome & { id: string }>(
    db,
    sql`select id, content_digest as "contentDigest", source_id as "sourceId", warnings, errors, case_id as "caseId"
        from case_event where id in ${uuidList(ids)}`,
  );
  return new Map(rows.map(({ id, ...row }) => [id, row]));
}

export type CaseRow = {
  id: string;
  minorId: string;
  minorPseudonym: string;
  serviceOrganisationId: string;
  status: string;
  openedOn: string;
  closedOn: string | null;
  assignedOperatorId: string | null;
  assignedOperatorName: string | null;
  transferToServiceCode: string | null;
  projection: CaseProjection;
};

/** A person's name is shown only while the person belongs to the case's service. */
const serviceUserName = (userId: SQL, organisationId: SQL) =>
  sql`(select u.display_name from app_user u where u.id = ${userId}
        and exists (select 1 from membership ms where ms.user_id = u.id and ms.organisation_id = ${organisationId}))`;

const caseColumns = sql`c.id, c.minor_id as "minorId", m.pseudonym as "minorPseudonym",
  c.service_organisation_id as "serviceOrganisationId", c.status, c.opened_on::text as "openedOn",
  c.closed_on::text as "closedOn", c.assigned_operator_id as "assignedOperatorId",
  ${serviceUserName(sql`c.assigned_operator_id`, sql`c.service_organisation_id`)} as "assignedOperatorName",
  c.transfer_to_service_code as "transferToServiceCode", c.projection`;

/** The cases of the batch, locked for the batch's transaction. */
export async function lockCasesByIds(db: Executor, ids: string[]): Promise<CaseRow[]> {
  if (ids.length === 0) return [];
  return queryRows<CaseRow>(
    db,
    sql`select ${caseColumns} from social_case c join minor m on m.id = c.minor_id
        where c.id in ${uuidList(ids)} order by c.id for update of c`,
  );
}

/** The accepted events of some cases, in arrival order. */
export async function findAcceptedCaseEvents(db: Executor, caseIds: string[]) {
  if (caseIds.length === 0) return new Map<string, RecordedCaseEvent[]>();
  const rows = await queryRows<RecordedCaseEvent & { caseId: string }>(
    db,
    sql`select id, case_id as "caseId", type, occurred_on::text as "occurredOn", arrival::float8 as arrival,
          to_char(recorded_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "recordedAt", payload
        from case_event where status = 'accepted' and case_id in ${uuidList(caseIds)} order by arrival`,
  );
  const byCase = new Map<string, RecordedCaseEvent[]>();
  for (const { caseId, payload, ...row } of rows as (RecordedCaseEvent & {
    caseId: string;
    payload: object;
  })[]) {
    byCase.set(caseId, [...(byCase.get(caseId) ?? []), { ...payload, ...row }]);
  }
  return byCase;
}

/** The last arrival number recorded, so the batch numbers its events after it. */
export async function lastCaseArrival(db: Executor): Promise<number> {
  const [row] = await queryRows<{ last: number | null }>(
    db,
    sql`select max(arrival)::float8 as last from case_event`,
  );
  return row?.last ?? 0;
}

/** Serialises openings of cases for the same minors (one open case per minor per service), and merges. */
export async function lockMinors(db: Executor, minorIds: string[]) {
  await lockMinorsForCases(db, minorIds);
}

/**
 * The minors named by pseudonym that this organisation found by an exact search of the registry
 * in the last 24 hours (merged records followed to the surviving one).
 */
export async function findMinorsLookedUpBy(db: Executor, organisationId: string, pseudonyms: string[]) {
  if (pseudonyms.length === 0) return new Map<string, string>();
  const rows = await queryRows<{ pseudonym: string; minorId: string }>(
    db,
    sql`select m.pseudonym, coalesce(m.merged_into, m.id) as "minorId" from minor m
        where m.pseudonym in ${textList(pseudonyms)}
          and exists (select 1 from audit_entry a where a.action = 'registry.lookup' and a.outcome = 'success'
            and a.organisation_id = ${organisationId} and a.resource_id = m.id::text
            and a.recorded_at > now() - interval '24 hours')`,
  );
  return new Map(rows.map((row) => [row.pseudonym, row.minorId]));
}

export type OpenCase = { id: string; minorId: string; serviceId: string };

export async function findOpenCasesOfMinors(db: Executor, minorIds: string[]): Promise<OpenCase[]> {
  if (minorIds.length === 0) return [];
  return queryRows<OpenCase>(
    db,
    sql`select id, minor_id as "minorId", service_organisation_id as "serviceId" from social_case
        where closed_on is null and minor_id in ${uuidList(minorIds)}`,
  );
}

export async function findMinorsOfStays(db: Executor, stayIds: string[]) {
  if (stayIds.length === 0) return new Map<string, string | null>();
  const rows = await queryRows<{ id: string; minorId: string | null }>(
    db,
    sql`select id, minor_id as "minorId" from stay where id in ${uuidList(stayIds)}`,
  );
  return new Map(rows.map((row) => [row.id, row.minorId]));
}

/** Who opened each case, when a person did (the service's software opens as no one). */
export async function findCaseOpeners(db: Executor, caseIds: string[]) {
  if (caseIds.length === 0) return new Map<string, string>();
  const rows = await queryRows<{ caseId: string; userId: string }>(
    db,
    sql`select case_id as "caseId", source_id as "userId" from case_event
        where status = 'accepted' and type = 'case-opened' and source_kind = 'user'
          and case_id in ${uuidList(caseIds)}`,
  );
  return new Map(rows.map((row) => [row.caseId, row.userId]));
}

/** The active people of a service holding one of the roles that work on cases. */
export async function findCaseOperatorsOfService(db: Executor, organisationId: string, roles: string[]) {
  const rows = await queryRows<{ userId: string }>(
    db,
    sql`select distinct ms.user_id as "userId" from membership ms join app_user u on u.id = ms.user_id
        where ms.organisation_id = ${organisationId} and u.is_active and ms.role in ${textList(roles)}`,
  );
  return new Set(rows.map((row) => row.userId));
}

/** The names of people of a service, by id; a person no longer of the service has none. */
export async function findNamesOfServiceUsers(db: Executor, organisationId: string, userIds: string[]) {
  if (userIds.length === 0) return new Map<string, string>();
  const rows = await queryRows<{ id: string; name: string }>(
    db,
    sql`select u.id, u.display_name as name from app_user u
        where u.id in ${uuidList(userIds)}
          and exists (select 1 from membership ms where ms.user_id = u.id and ms.organisation_id = ${organisationId})`,
  );
  return new Map(rows.map((row) => [row.id, row.name]));
}

export async function findPseudonyms(db: Executor, minorIds: string[]) {
  if (minorIds.length === 0) return new Map<string, string>();
  const rows = await queryRows<{ id: string; pseudonym: string }>(
    db,
    sql`select id, pseudonym from minor where id in ${uuidList(minorIds)}`,
  );
  return new Map(rows.map((row) => [row.id, row.pseudonym]));
}

export async function insertCaseEventRows(db: Executor, records: CaseEventRecord[], recordedAt: string) {
  if (records.length === 0) return;
  await db.insert(caseEvent).values(
    records.map((record) => ({
      id: record.id,
      sourceKind: record.sourceKind,
      sourceId: record.sourceId,
      contentDigest: record.contentDigest,
      status: record.status,
      type: record.type,
      caseId: record.caseId ?? null,
      occurredOn: record.occurredOn ?? null,
      minorId: record.minorId ?? null,
      payload: record.payload ?? null,
      warnings: record.warnings,
      errors: record.errors,
      recordedAt,
    })),
  );
}

export type CaseWrite = {
  id: string;
  minorId: string;
  serviceOrganisationId: string;
  assignedOperatorId: string | null;
  projection: CaseProjection;
};

/** The case rows, as their projections now stand: new ones inserted, the others updated. */
export async function saveCases(db: Executor, cases: CaseWrite[]) {
  for (const item of cases) {
    const { projection } = item;
    const values = {
      status: projection.status === "closed" ? "closed" : "open",
      openedOn: projection.opening?.date ?? "",
      closedOn: projection.closure?.date ?? null,
      transferToServiceCode:
        projection.transfer && projection.transfer.acceptedOn === null
          ? projection.transfer.toServiceCode
          : null,
      assignedOperatorId: item.assignedOperatorId,
      projection,
      updatedAt: sql`now()`,
    };
    await db
      .insert(socialCase)
      .values({
        id: item.id,
        minorId: item.minorId,
        serviceOrganisationId: item.serviceOrganisationId,
        ...values,
      })
      .onConflictDoUpdate({ target: socialCase.id, set: values });
  }
}

export async function listCasesOfService(db: Executor, organisationId: string, status?: "open" | "closed") {
  const condition: SQL = status ? sql`and c.status = ${status}` : sql``;
  return queryRows<CaseRow>(
    db,
    sql`select ${caseColumns} from social_case c join minor m on m.id = c.minor_id
        where c.service_organisation_id = ${organisationId} ${condition}
        order by c.opened_on desc, c.id limit 500`,
  );
}

/** A case of this service; nothing for one of another service (it answers 404). */
export async function findCaseOfService(db: Executor, organisationId: string, caseId: string) {
  const [row] = await queryRows<CaseRow>(
    db,
    sql`select ${caseColumns} from social_case c join minor m on m.id = c.minor_id
        where c.id = ${caseId} and c.service_organisation_id = ${organisationId}`,
  );
  return row;
}

/** Whether a case with this id exists for this service or is being transferred to it. */
export async function isCaseWritableBy(
  db: Executor,
  organisation: { id: string; code: string },
  caseId: string,
) {
  const rows = await queryRows<{ found: boolean }>(
    db,
    sql`select exists (select 1 from social_case where id = ${caseId}
          and (service_organisation_id = ${organisation.id} or transfer_to_service_code = ${organisation.code})) as found`,
  );
  return rows[0]?.found === true;
}

/**
 * The minor a case's stays are read on: the case's own, or the survivor when the case's record was
 * merged before merges moved the cases too (a merge moves the stays, and now the cases, together).
 */
export function survivorOf(minorId: string): SQL {
  return sql`(select coalesce(merged_into, id) from minor where id = ${minorId}::uuid)`;
}

/** Every stay of a minor (all structures), with its absences: what the service in charge sees. */
export async function findStaysOfMinor(db: Executor, minorId: string) {
  return queryRows<{
    stayId: string;
    structureName: string;
    nationalType: string;
    status: string;
    admissionDate: string | null;
    dischargeDate: string | null;
    dischargeDestination: string | null;
    absences: { kind: string; from: string; to: string | null }[];
    isToBeConfirmed: boolean;
  }>(
    db,
    sql`select s.id as "stayId", v.name as "structureName", v.national_type as "nationalType", s.status,
          s.admission_date::text as "admissionDate", s.discharge_date::text as "dischargeDate",
          s.discharge_destination as "dischargeDestination",
          coalesce((select jsonb_agg(jsonb_build_object('kind', a.kind, 'from', a.from_date::text, 'to', a.to_date::text)
            order by a.from_date) from stay_absence a where a.stay_id = s.id), '[]'::jsonb) as absences,
          ${toBeConfirmedSql(sql`s`)} as "isToBeConfirmed"
        from stay s join structure st on st.id = s.structure_id
          join structure_version v on v.structure_id = st.id and v.version = st.current_version
        where s.minor_id = ${survivorOf(minorId)}
          and s.admission_date is not null
        order by s.admission_date desc`,
  );
}

/** The service whose software a machine client is (its organisation, as the client's token names it). */
export async function findServiceOfClient(db: Executor, clientId: string) {
  const [row] = await queryRows<{ id: string; code: string }>(
    db,
    sql`select o.id, o.code from machine_client c join organisation o on o.id = c.operator_organisation_id
        where c.id = ${clientId} and o.kind = 'social-service'`,
  );
  return row;
}

/**
 * Events of this client recorded since an instant, with their status: a chunk of a case event
 * file whose attempt died before recording its outcomes finds them as "duplicates" of itself.
 */
export async function findClientCaseEventsSince(
  db: Executor,
  clientId: string,
  ids: string[],
  since: string,
) {
  if (ids.length === 0) return new Map<string, { status: string }>();
  const rows = await queryRows<{ id: string; status: string }>(
    db,
    sql`select id::text as id, status from case_event
        where id in (${sql.join(
          ids.map((id) => sql`${id}::uuid`),
          sql`, `,
        )}) and source_kind = 'client' and source_id = ${clientId} and recorded_at >= ${since}::timestamptz`,
  );
  return new Map(rows.map((row) => [row.id, row]));
}
