import { eq, inArray, sql } from "drizzle-orm";
import { type Executor, queryRows } from "../../../db/database.ts";
import { stayAbsence, stayActivity, stayEvent } from "../../../db/schema/index.ts";
import { presentDuringSql } from "../../../db/stay-presence.sql.ts";
import type { EventProblem } from "../../../domain/stays/parse-stay-event.ts";
import type { RecordedEvent, StayProjection } from "../../../domain/stays/stay-projection.ts";

export async function findEventById(db: Executor, id: string) {
  const [row] = await db.select().from(stayEvent).where(eq(stayEvent.id, id)).limit(1);
  return row;
}

export type EarlierEvent = {
  contentDigest: string;
  sourceId: string;
  warnings: EventProblem[];
  errors: EventProblem[];
  stayId: string | null;
};

/** The events of a batch already stored (by any source), read in one query of one JSON parameter. */
export async function findEventsByIds(db: Executor, ids: string[]): Promise<Map<string, EarlierEvent>> {
  if (ids.length === 0) return new Map();
  const rows = await queryRows<EarlierEvent & { id: string }>(
    db,
    sql`select id, content_digest as "contentDigest", source_id as "sourceId", warnings, errors, stay_id as "stayId"
        from stay_event where id in (select e::uuid from jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb) as t(e))`,
  );
  return new Map(rows.map(({ id, ...row }) => [id, row]));
}

/** The structures a batch names, by code, in one query. */
export async function findStructuresByCodes(db: Executor, codes: string[]) {
  if (codes.length === 0) return new Map<string, StructureForEvents>();
  const rows = await queryRows<StructureForEvents>(
    db,
    sql`select id, code, status, operator_organisation_id as "operatorOrganisationId"
        from structure where code in (select jsonb_array_elements_text(${JSON.stringify(codes)}::jsonb))`,
  );
  return new Map(rows.map((row) => [row.code as string, row]));
}

export type StructureForEvents = {
  id: string;
  code: string | null;
  status: string;
  operatorOrganisationId: string;
};

/**
 * One writer at a time per stay, and per minor across structures (the overlap rule): the batch's
 * keys in one statement, in the order given (sorted by the caller, so that batches do not deadlock).
 */
export async function lockKeys(db: Executor, keys: string[]) {
  if (keys.length === 0) return;
  await db.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(k, 7305))
        from jsonb_array_elements_text(${JSON.stringify(keys)}::jsonb) with ordinality as t(k, n) order by n`,
  );
}

/** What the batch keeps of a stored stay: what the overlap and capacity rules read. */
export type StayRow = {
  id: string;
  structureId: string;
  stayRef: string;
  minorId: string | null;
  admissionDate: string | null;
  dischargeDate: string | null;
  hasOverlap: boolean;
};

const stayRowColumns = sql`id, structure_id as "structureId", stay_ref as "stayRef", minor_id as "minorId",
  admission_date::text as "admissionDate", discharge_date::text as "dischargeDate", has_overlap as "hasOverlap"`;

export async function findStaysByRefs(db: Executor, refs: { structureId: string; stayRef: string }[]) {
  if (refs.length === 0) return [];
  return queryRows<StayRow>(
    db,
    sql`select ${stayRowColumns} from stay where (structure_id, stay_ref) in (
      select "structureId", "stayRef" from jsonb_to_recordset(${JSON.stringify(refs)}::jsonb) as x("structureId" uuid, "stayRef" text))`,
  );
}

export async function findStaysOfMinors(db: Executor, minorIds: string[]) {
  if (minorIds.length === 0) return [];
  return queryRows<StayRow>(
    db,
    sql`select ${stayRowColumns} from stay where minor_id in (
      select m::uuid from jsonb_array_elements_text(${JSON.stringify(minorIds)}::jsonb) as t(m))`,
  );
}

/** Stays of each structure present on some day of its range (absent minors count: an absence does not end a stay). */
export async function findStaysPresentBetween(
  db: Executor,
  ranges: Map<string, { from: string; to: string }>,
) {
  if (ranges.size === 0) return [];
  return queryRows<StayRow>(
    db,
    sql`select ${stayRowColumns} from stay where ${sql.join(
      [...ranges].map(
        ([structureId, range]) =>
          sql`(stay.structure_id = ${structureId} and ${presentDuringSql(sql`stay`, range.from, range.to)})`,
      ),
      sql` or `,
    )}`,
  );
}

/** Every version of the structures, newest first: the one valid on a day is the first from before it. */
export async function findStructureVersions(db: Executor, structureIds: string[]) {
  const versions = new Map<
    string,
    { validFrom: string; version: number; authorisedPlaces: number; emergencyExtraPlaces: number }[]
  >();
  if (structureIds.length === 0) return versions;
  const rows = await queryRows<{
    structureId: string;
    validFrom: string;
    version: number;
    authorisedPlaces: number;
    emergencyExtraPlaces: number;
  }>(
    db,
    sql`select structure_id as "structureId", valid_from::text as "validFrom", version,
          authorised_places as "authorisedPlaces", emergency_extra_places as "emergencyExtraPlaces"
        from structure_version where structure_id in (${sql.join(
          structureIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})
        order by valid_from desc, version desc`,
  );
  for (const { structureId, ...version } of rows) {
    const list = versions.get(structureId) ?? [];
    list.push(version);
    versions.set(structureId, list);
  }
  return versions;
}

/** The accepted events of several stays, each list in arrival order. */
export async function findRecordedEventsOfStays(db: Executor, stayIds: string[]) {
  const events = new Map<string, RecordedEvent[]>();
  if (stayIds.length === 0) return events;
  const rows = await queryRows<{
    id: string;
    type: string;
    occurredOn: string;
    sequence: number | null;
    arrival: number | string;
    recordedAt: string;
    minorId: string | null;
    stayId: string;
    payload: typeof stayEvent.$inferSelect.payload;
  }>(
    db,
    sql`select id, type, occurred_on as "occurredOn", sequence, arrival, recorded_at as "recordedAt",
          minor_id as "minorId", stay_id as "stayId", payload
        from stay_event
        where stay_id in (select s::uuid from jsonb_array_elements_text(${JSON.stringify(stayIds)}::jsonb) as t(s))
          and status = 'accepted'
        order by arrival`,
  );
  for (const row of rows) {
    const list = events.get(row.stayId) ?? [];
    list.push({
      ...(row.payload ?? {}),
      id: row.id,
      type: row.type as RecordedEvent["type"],
      occurredOn: row.occurredOn,
      sequence: row.sequence,
      // bigint: a string from node-postgres, a number from PGlite.
      arrival: Number(row.arrival),
      recordedAt: new Date(row.recordedAt).toISOString(),
      minorId: row.minorId,
    });
    events.set(row.stayId, list);
  }
  return events;
}

export function recordedEventOf(row: typeof stayEvent.$inferSelect): RecordedEvent {
  return {
    ...(row.payload ?? {}),
    id: row.id,
    type: row.type as RecordedEvent["type"],
    occurredOn: row.occurredOn as string,
    sequence: row.sequence,
    arrival: row.arrival,
    recordedAt: new Date(row.recordedAt).toISOString(),
    minorId: row.minorId,
  };
}

/** An event row as stored: an accepted one with its content, a rejected one with its errors only. */
export type EventRow = {
  id: string;
  sourceKind: string;
  sourceId: string;
  contentDigest: string;
  status: "accepted" | "rejected";
  type: string | null;
  structureId?: string;
  stayId?: string;
  occurredOn?: string;
  sequence?: number | null;
  minorId?: string | null;
  payload?: NonNullable<typeof stayEvent.$inferInsert.payload>;
  warnings: EventProblem[];
  errors: EventProblem[];
};

/** The batch's events in request order (their arrival order), in one statement of one JSON parameter. */
export async function insertEventRows(db: Executor, rows: EventRow[]) {
  if (rows.length === 0) return;
  await db.execute(sql`
    insert into stay_event (id, source_kind, source_id, content_digest, status, type, structure_id, stay_id,
      occurred_on, sequence, minor_id, payload, warnings, errors)
    select id, source_kind, source_id, content_digest, status, type, structure_id, stay_id,
      occurred_on, sequence, minor_id, payload, warnings, errors
    from jsonb_to_recordset(${JSON.stringify(
      rows.map((row, n) => ({
        n,
        id: row.id,
        source_kind: row.sourceKind,
        source_id: row.sourceId,
        content_digest: row.contentDigest,
        status: row.status,
        type: row.type,
        structure_id: row.structureId ?? null,
        stay_id: row.stayId ?? null,
        occurred_on: row.occurredOn ?? null,
        sequence: row.sequence ?? null,
        minor_id: row.minorId ?? null,
        payload: row.payload ?? null,
        warnings: row.warnings,
        errors: row.errors,
      })),
    )}::jsonb) as x(id uuid, source_kind text, source_id uuid, content_digest text, status text,
      type text, structure_id uuid, stay_id uuid, occurred_on date, sequence integer, minor_id uuid, payload jsonb,
      warnings jsonb, errors jsonb, n integer)
    order by n`);
}

/** Writes the projections of stays: their rows in one upsert, their absences and activities where asked. */
export async function saveProjections(
  db: Executor,
  stays: {
    stayId: string;
    structureId: string;
    stayRef: string;
    projection: StayProjection;
    hasOverlap: boolean;
    /** Which child rows the batch's events can have changed; the others are left as they are. */
    absences: boolean;
    activities: boolean;
  }[],
) {
  if (stays.length > 0) {
    const rows = stays.map(({ stayId, structureId, stayRef, projection, hasOverlap }) => {
      const admission = projection.admission?.content;
      return {
        id: stayId,
        structure_id: structureId,
        stay_ref: stayRef,
        minor_id: projection.minorId,
        status: projection.status,
        admission_date: projection.admission?.date ?? null,
        admission_kind: admission?.kind ?? null,
        legal_basis: admission?.legalBasis ?? null,
        referring_service_code: admission?.referringService.code ?? null,
        referring_comune: admission?.referringService.comune ?? null,
        with_parent: admission?.withParent ?? null,
        origin: admission?.origin ?? null,
        reasons: admission?.reasons ?? null,
        msna: projection.msna,
        discharge_date: projection.discharge?.date ?? null,
        discharge_reason: projection.discharge?.content.reason ?? null,
        discharge_destination: projection.discharge?.content.destination ?? null,
        has_overlap: hasOverlap,
      };
    });
    const columns = sql.raw(stayColumns.join(", "));
    await db.execute(sql`
      insert into stay (${columns}, updated_at)
      select ${columns}, now() from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(id uuid, structure_id uuid,
        stay_ref text, minor_id uuid, status text, admission_date date, admission_kind text, legal_basis text,
        referring_service_code text, referring_comune text, with_parent boolean, origin text, reasons jsonb,
        msna boolean, discharge_date date, discharge_reason text, discharge_destination text, has_overlap boolean)
      on conflict (id) do update set ${sql.raw(
        [...stayColumns.slice(1), "updated_at"].map((column) => `${column} = excluded.${column}`).join(", "),
      )}`);
  }
  const absences = stays.filter((entry) => entry.absences);
  if (absences.length > 0) {
    await db.delete(stayAbsence).where(
      inArray(
        stayAbsence.stayId,
        absences.map((entry) => entry.stayId),
      ),
    );
    const rows = absences.flatMap((entry) =>
      entry.projection.absences.map((absence) => ({
        eventId: absence.eventId,
        stayId: entry.stayId,
        kind: absence.kind,
        fromDate: absence.from,
        toDate: absence.to,
      })),
    );
    if (rows.length > 0)
      await db.execute(sql`insert into stay_absence (event_id, stay_id, kind, from_date, to_date)
        select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
          as x("eventId" uuid, "stayId" uuid, kind text, "fromDate" date, "toDate" date)`);
  }
  const activities = stays.filter((entry) => entry.activities);
  if (activities.length > 0) {
    await db.delete(stayActivity).where(
      inArray(
        stayActivity.stayId,
        activities.map((entry) => entry.stayId),
      ),
    );
    const rows = activities.flatMap((entry) =>
      entry.projection.activities.map((activity) => ({
        eventId: activity.eventId,
        stayId: entry.stayId,
        code: activity.code,
        fromDate: activity.from,
        untilDate: activity.until,
        hours: activity.hours,
      })),
    );
    if (rows.length > 0)
      await db.execute(sql`insert into stay_activity (event_id, stay_id, code, from_date, until_date, hours)
        select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
          as x("eventId" uuid, "stayId" uuid, code text, "fromDate" date, "untilDate" date, hours real)`);
  }
}

const stayColumns = [
  "id",
  "structure_id",
  "stay_ref",
  "minor_id",
  "status",
  "admission_date",
  "admission_kind",
  "legal_basis",
  "referring_service_code",
  "referring_comune",
  "with_parent",
  "origin",
  "reasons",
  "msna",
  "discharge_date",
  "discharge_reason",
  "discharge_destination",
  "has_overlap",
];

/** The overlap flags the batch changed on stays it did not otherwise rewrite. */
export async function updateOverlapFlags(db: Executor, flags: { id: string; hasOverlap: boolean }[]) {
  if (flags.length === 0) return;
  await db.execute(sql`
    update stay s set has_overlap = v.flag
    from (values ${sql.join(
      flags.map((flag) => sql`(${flag.id}::uuid, ${flag.hasOverlap}::boolean)`),
      sql`, `,
    )}) as v(id, flag)
    where s.id = v.id`);
}
