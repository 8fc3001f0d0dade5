import { type SQL, sql } from "drizzle-orm";
import { type Executor, queryRows } from "../../../db/database.ts";
import type { RecordedCaseEvent } from "../../../domain/cases/case-projection.ts";
import type { SinbaMissingField, SinbaRecord } from "../../../domain/sinba/index.ts";

const uuidList = (ids: string[]) =>
  sql`(select e::uuid from jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb) as t(e))`;

/** Every case gets its check row, pending, the first time the producer sees it. */
export async function addMissingCaseChecks(db: Executor): Promise<void> {
  await db.execute(sql`insert into sinba_case_check (case_id, service_organisation_id, checked_arrival, state, missing)
    select c.id, c.service_organisation_id, 0, 'pending', '[]'::jsonb from social_case c
    where not exists (select 1 from sinba_case_check k where k.case_id = c.id)
    on conflict do nothing`);
}

export type ClaimedCase = {
  caseId: string;
  latestArrival: number;
  lastDigest: string | null;
  lastReferenceDay: string | null;
};

/**
 * One case with facts the producer has not read yet, locked for this transaction: another
 * producer skips it (FOR UPDATE SKIP LOCKED) and takes the next one.
 */
export async function claimCaseToCheck(db: Executor): Promise<ClaimedCase | undefined> {
  const [row] = await queryRows<ClaimedCase>(
    db,
    sql`select k.case_id as "caseId", latest.arrival as "latestArrival", k.last_digest as "lastDigest",
          k.last_reference_day::text as "lastReferenceDay"
        from sinba_case_check k
        cross join lateral (select coalesce(max(e.arrival), 0)::float8 as arrival from case_event e
          where e.case_id = k.case_id and e.status = 'accepted') latest
        where latest.arrival > k.checked_arrival
        order by k.checked_arrival, k.case_id
        limit 1
        for update of k skip locked`,
  );
  return row;
}

export type CaseForFlow = {
  caseId: string;
  minorId: string;
  pseudonym: string;
  /** IDBeneficiario: see `findCaseForFlow`. */
  beneficiaryId: string;
  residenceComune: string | null;
  unaccompanied: boolean;
  serviceOrganisationId: string;
  serviceCode: string;
  serviceName: string;
  serviceTaxCode: string | null;
  serviceBelfiore: string | null;
};

/**
 * The case as the producer needs it. Its minor is the case's record (a merge moves the case to the
 * survivor; a case left on a record merged before merges moved cases reads the survivor). Its
 * IDBeneficiario is the one INPS already has the case under, the last flow's, while that pseudonym
 * is still this child's (the record's own or one merged into it, directly or through a record merged
 * into it in turn): a case moved by a merge keeps the merged record's pseudonym it was sent with,
 * through later merges too, so that its national history stays one.
 * A case never sent, or sent under a record an undone merge separated, carries the record's own.
 */
export async function findCaseForFlow(db: Executor, caseId: string): Promise<CaseForFlow | undefined> {
  const [row] = await queryRows<CaseForFlow>(
    db,
    sql`select c.id as "caseId", m.id as "minorId", m.pseudonym, m.residence_comune as "residenceComune",
          coalesce((select f.record->>'IDBeneficiario' from sinba_flow f where f.case_id = c.id
              and f.record->>'IDBeneficiario' in (with recursive child_record (id, pseudonym) as (
                  select p.id, p.pseudonym from minor p where p.id = m.id
                  union select p.id, p.pseudonym from minor p join child_record r on p.merged_into = r.id)
                select pseudonym from child_record)
              order by f.sequence desc limit 1), m.pseudonym) as "beneficiaryId",
          exists (select 1 from stay s where s.minor_id = m.id and s.msna) as unaccompanied,
          o.id as "serviceOrganisationId", o.code as "serviceCode", o.name as "serviceName",
          o.fiscal_code as "serviceTaxCode", co.belfiore as "serviceBelfiore"
        from social_case c join minor recorded on recorded.id = c.minor_id
        join minor m on m.id = coalesce(recorded.merged_into, recorded.id)
        join organisation o on o.id = c.service_organisation_id
        left join comune co on co.istat_code = o.comune
        where c.id = ${caseId}::uuid`,
  );
  return row;
}

export async function findCaseEventsForFlow(db: Executor, caseId: string): Promise<RecordedCaseEvent[]> {
  const rows = await queryRows<RecordedCaseEvent & { payload: object }>(
    db,
    sql`select id, type, occurred_on::text as "occurredOn", arrival::float8 as arrival,
          to_char(recorded_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "recordedAt", payload
        from case_event where status = 'accepted' and case_id = ${caseId}::uuid order by arrival`,
  );
  return rows.map(({ payload, ...row }) => ({ ...payload, ...row }) as RecordedCaseEvent);
}

export type StayForFlow = {
  stayId: string;
  admissionDate: string | null;
  dischargeDate: string | null;
  dischargeDestination: string | null;
  legalBasis: string | null;
  withParent: boolean | null;
  istatCharacter: string | null;
  istatFunction: string | null;
};

/** The linked ASMI stays, with the structure's ISTAT character and function as they were at admission. */
export async function findStaysForFlow(db: Executor, stayIds: string[]): Promise<StayForFlow[]> {
  if (stayIds.length === 0) return [];
  return queryRows<StayForFlow>(
    db,
    sql`select s.id as "stayId", s.admission_date::text as "admissionDate", s.discharge_date::text as "dischargeDate",
          s.discharge_destination as "dischargeDestination", s.legal_basis as "legalBasis", s.with_parent as "withParent",
          v.record->>'istatCharacter' as "istatCharacter", v.record->>'istatFunction' as "istatFunction"
        from stay s
        left join lateral (select record from structure_version v where v.structure_id = s.structure_id
          and v.valid_from <= coalesce(s.admission_date, current_date)
          order by v.valid_from desc, v.version desc limit 1) v on true
        where s.id in ${uuidList(stayIds)}`,
  );
}

/** The next daily progressive of an ente's id_flusso. */
export async function nextFlowProgressive(db: Executor, belfiore: string, day: string): Promise<number> {
  const [row] = await queryRows<{ last: number }>(
    db,
    sql`insert into sinba_flow_counter (belfiore, day, last) values (${belfiore}, ${day}, 1)
        on conflict (belfiore, day) do update set last = sinba_flow_counter.last + 1
        returning last`,
  );
  return row.last;
}

export type NewFlow = {
  id: string;
  idFlusso: string;
  serviceOrganisationId: string;
  caseId: string;
  reason: "opened" | "changed" | "closed";
  referenceDay: string;
  record: SinbaRecord;
  recordDigest: string;
  xml: string;
};

export async function insertFlow(db: Executor, flow: NewFlow): Promise<void> {
  await db.execute(sql`insert into sinba_flow (id, id_flusso, service_organisation_id, case_id, reason,
      reference_day, record, record_digest, xml)
    values (${flow.id}::uuid, ${flow.idFlusso}, ${flow.serviceOrganisationId}::uuid, ${flow.caseId}::uuid,
      ${flow.reason}, ${flow.referenceDay}::date, ${JSON.stringify(flow.record)}::jsonb, ${flow.recordDigest}, ${flow.xml})`);
}

export async function saveCaseCheck(
  db: Executor,
  check: {
    caseId: string;
    serviceOrganisationId: string;
    checkedArrival: number;
    state: "sendable" | "not-sendable";
    missing: SinbaMissingField[];
    lastDigest: string | null;
    lastReferenceDay: string | null;
    now: Date;
  },
): Promise<void> {
  await db.execute(sql`update sinba_case_check set service_organisation_id = ${check.serviceOrganisationId}::uuid,
      checked_arrival = ${check.checkedArrival}, state = ${check.state},
      missing = ${JSON.stringify(check.missing)}::jsonb, last_digest = ${check.lastDigest},
      last_reference_day = ${check.lastReferenceDay}::date, checked_at = ${check.now.toISOString()}::timestamptz
    where case_id = ${check.caseId}::uuid`);
}

export type FlowRow = {
  idFlusso: string;
  caseId: string;
  minorPseudonym: string;
  reason: "opened" | "changed" | "closed";
  referenceDay: string;
  status: string;
  outcomeMessage: string | null;
  outcomeAt: string | null;
  recordedAt: string;
};

const instant = (column: SQL) => sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** A service's flows, newest first, of one status when asked. */
export async function listFlowsOfService(
  db: Executor,
  serviceOrganisationId: string,
  page: { limit: number; offset: number; status?: string },
): Promise<{ total: number; items: FlowRow[] }> {
  const where = sql`f.service_organisation_id = ${serviceOrganisationId}::uuid${
    page.status === "answered"
      ? sql` and f.status <> 'waiting'`
      : page.status
        ? sql` and f.status = ${page.status}`
        : sql``
  }`;
  const [{ total }] = await queryRows<{ total: number }>(
    db,
    sql`select count(*)::int as total from sinba_flow f where ${where}`,
  );
  const items = await queryRows<FlowRow>(
    db,
    sql`select f.id_flusso as "idFlusso", f.case_id as "caseId", f.record->>'IDBeneficiario' as "minorPseudonym",
          f.reason, f.reference_day::text as "referenceDay", f.status, f.outcome_message as "outcomeMessage",
          ${instant(sql`f.outcome_at`)} as "outcomeAt", ${instant(sql`f.recorded_at`)} as "recordedAt"
        from sinba_flow f where ${where}
        order by f.sequence desc limit ${page.limit} offset ${page.offset}`,
  );
  return { total, items };
}

export type EnteRow = {
  organisationId: string;
  code: string;
  name: string;
  belfiore: string | null;
  counts: Record<
    "waiting" | "OK" | "DATI_NON_TROVATI" | "RICHIESTA_INVALIDA" | "ERRORE_GENERICO" | "notSendable",
    number
  >;
  lastFlowAt: string | null;
  lastOutcomeAt: string | null;
};

/** Whether an organisation is a social service (an ente that owes the SINBA flow). */
export async function isServiceOrganisation(db: Executor, organisationId: string): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select id from organisation where id = ${organisationId}::uuid and kind = 'social-service'`,
  );
  return rows.length > 0;
}

/**
 * Per ente (every social service, or the one given): its flows counted by status, its cases that
 * cannot be sent yet, and when the last flow was recorded and the last outcome came.
 */
export async function listEnteSummaries(db: Executor, onlyOrganisationId: string | null): Promise<EnteRow[]> {
  const rows = await queryRows<Omit<EnteRow, "counts"> & Record<string, number>>(
    db,
    sql`select o.id as "organisationId", o.code, o.name, co.belfiore,
          coalesce(f.waiting, 0)::int as waiting, coalesce(f.ok, 0)::int as ok,
          coalesce(f.not_found, 0)::int as "notFound", coalesce(f.invalid, 0)::int as invalid,
          coalesce(f.generic, 0)::int as generic, coalesce(k.not_sendable, 0)::int as "notSendable",
          ${instant(sql`f.last_flow_at`)} as "lastFlowAt", ${instant(sql`f.last_outcome_at`)} as "lastOutcomeAt"
        from organisation o
        left join comune co on co.istat_code = o.comune
        left join lateral (select count(*) filter (where s.status = 'waiting') as waiting,
            count(*) filter (where s.status = 'OK') as ok,
            count(*) filter (where s.status = 'DATI_NON_TROVATI') as not_found,
            count(*) filter (where s.status = 'RICHIESTA_INVALIDA') as invalid,
            count(*) filter (where s.status = 'ERRORE_GENERICO') as generic,
            max(s.recorded_at) as last_flow_at, max(s.outcome_at) as last_outcome_at
          from sinba_flow s where s.service_organisation_id = o.id) f on true
        left join lateral (select count(*) as not_sendable from sinba_case_check c
          where c.service_organisation_id = o.id and c.state = 'not-sendable') k on true
        where o.kind = 'social-service'${onlyOrganisationId ? sql` and o.id = ${onlyOrganisationId}::uuid` : sql``}
        order by o.name, o.code`,
  );
  return rows.map((row) => ({
    organisationId: row.organisationId,
    code: row.code,
    name: row.name,
    belfiore: row.belfiore,
    counts: {
      waiting: row.waiting,
      OK: row.ok,
      DATI_NON_TROVATI: row.notFound,
      RICHIESTA_INVALIDA: row.invalid,
      ERRORE_GENERICO: row.generic,
      notSendable: row.notSendable,
    },
    lastFlowAt: row.lastFlowAt,
    lastOutcomeAt: row.lastOutcomeAt,
  }));
}

export type NotSendableRow = {
  caseId: string;
  minorPseudonym: string;
  caseStatus: "open" | "closed";
  missing: SinbaMissingField[];
  checkedAt: string;
};

/** A service's cases that cannot produce a valid record yet, as the producer last found them. */
export async function listNotSendableOfService(
  db: Executor,
  serviceOrganisationId: string,
): Promise<NotSendableRow[]> {
  return queryRows<NotSendableRow>(
    db,
    sql`select k.case_id as "caseId", m.pseudonym as "minorPseudonym", c.status as "caseStatus", k.missing,
          ${instant(sql`k.checked_at`)} as "checkedAt"
        from sinba_case_check k join social_case c on c.id = k.case_id join minor m on m.id = c.minor_id
        where k.service_organisation_id = ${serviceOrganisationId}::uuid and k.state = 'not-sendable'
        order by c.opened_on, k.case_id`,
  );
}
