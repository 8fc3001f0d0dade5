import { eq, getTableColumns, inArray, sql } from "drizzle-orm";
import { type Executor, queryRows } from "../../../db/database.ts";
import { stay, stayAbsence, stayActivity, stayEvent } from "../../../db/schema/index.ts";
import { presentDuringSql } from "../../../db/stay-presence.sql.ts";
import type {
  EarlierOutcome,
  EventRecord,
  PlacesVersion,
  StaySummary,
  StructureForEvents,
} from "../../../domain/stays/stay-batch.types.ts";
import type { RecordedEvent, StayProjection } from "../../../domain/stays/stay-projection.ts";

export async function findEventById(db: Executor, id: string) {
  const [row] = await db.select().from(stayEvent).where(eq(stayEvent.id, id)).limit(1);
  return row;
}

/** The events of a batch already stored (by any source), read in one query of one JSON parameter. */
export async function findEventsByIds(db: Executor, ids: string[]): Promise<Map<string, EarlierOutcome>> {
  if (ids.length === 0) return new Map();
  const rows = await queryRows<EarlierOutcome & { id: string }>(
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

/** The instant the transaction records its rows at (`now()`, the `recorded_at` of its events). */
export async function findTransactionInstant(db: Executor): Promise<string> {
  const [row] = await queryRows<{ now: string }>(db, sql`select to_json(now()) #>> '{}' as now`);
  return new Date(row.now).toISOString();
}

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

const stayColumnsOf = getTableColumns(stay);
const summaryKeys = [
  "id",
  "structureId",
  "stayRef",
  "minorId",
  "admissionDate",
  "dischargeDate",
  "hasOverlap",
] as const satisfies readonly (keyof StaySummary & keyof typeof stayColumnsOf)[];
/** A stay row as the rules read it (its columns taken from the drizzle table; dates as text, from both drivers). */
type StayRow = Pick<typeof stay.$inferSelect, (typeof summaryKeys)[number]>;
const stayRowColumns = sql.raw(
  summaryKeys
    .map((key) => {
      const column = stayColumnsOf[key];
      return `${column.name}${column.getSQLType() === "date" ? "::text" : ""} as "${key}"`;
    })
    .join(", "),
);

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
  const versions = new Map<string, PlacesVersion[]>();
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

/** The batch's events in request order (their arrival order), in one statement of one JSON parameter. */
export async function insertEventRows(db: Executor, rows: EventRecord[]) {
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
      const row: ProjectedStay = {
        id: stayId,
        structureId,
        stayRef,
        minorId: projection.minorId,
        status: projection.status,
        admissionDate: projection.admission?.date ?? null,
        admissionKind: admission?.kind ?? null,
        legalBasis: admission?.legalBasis ?? null,
        referringServiceCode: admission?.referringService.code ?? null,
        referringComune: admission?.referringService.comune ?? null,
        withParent: admission?.withParent ?? null,
        origin: admission?.origin ?? null,
        reasons: admission?.reasons ?? null,
        msna: projection.msna,
        dischargeDate: projection.discharge?.date ?? null,
        dischargeReason: projection.discharge?.content.reason ?? null,
        dischargeDestination: projection.discharge?.content.destination ?? null,
        hasOverlap,
        isBackdated: projection.isBackdated,
      };
      return Object.fromEntries(projectedKeys.map((key) => [stayColumnsOf[key].name, row[key]]));
    });
    const names = projectedKeys.map((key) => stayColumnsOf[key].name);
    const columns = sql.raw(names.join(", "));
    const recordset = sql.raw(
      projectedKeys.map((key) => `${stayColumnsOf[key].name} ${stayColumnsOf[key].getSQLType()}`).join(", "),
    );
    await db.execute(sql`
      insert into stay (${columns}, updated_at)
      select ${columns}, now() from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(${recordset})
      on conflict (id) do update set ${sql.raw(
        [...names.slice(1), "updated_at"].map((column) => `${column} = excluded.${column}`).join(", "),
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

/**
 * Every column of `stay` is projected from the stay's events, but the instant of the last change
 * and the steward's confirmation, which no event sets.
 */
const unprojectedKeys = new Set([
  "updatedAt",
  "confirmedAt",
  "confirmedBy",
  "confirmedVia",
  "confirmedCaseId",
]);
type ProjectedStay = Required<
  Omit<
    typeof stay.$inferInsert,
    "updatedAt" | "confirmedAt" | "confirmedBy" | "confirmedVia" | "confirmedCaseId"
  >
>;
const projectedKeys = (Object.keys(stayColumnsOf) as (keyof typeof stayColumnsOf)[]).filter(
  (key): key is keyof ProjectedStay => !unprojectedKeys.has(key),
);

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
