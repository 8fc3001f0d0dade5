import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { type Executor, queryRows } from "../../../db/database.ts";
import { stay, stayAbsence, stayActivity, stayEvent, structure } from "../../../db/schema/index.ts";
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

/** The events of a batch already stored (by any source), read in one query. */
export async function findEventsByIds(db: Executor, ids: string[]): Promise<Map<string, EarlierEvent>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({
      id: stayEvent.id,
      contentDigest: stayEvent.contentDigest,
      sourceId: stayEvent.sourceId,
      warnings: stayEvent.warnings,
      errors: stayEvent.errors,
      stayId: stayEvent.stayId,
    })
    .from(stayEvent)
    .where(inArray(stayEvent.id, ids));
  return new Map(rows.map(({ id, ...row }) => [id, row]));
}

export async function findStructureForEvents(db: Executor, code: string) {
  const [row] = await db
    .select({
      id: structure.id,
      code: structure.code,
      status: structure.status,
      operatorOrganisationId: structure.operatorOrganisationId,
    })
    .from(structure)
    .where(eq(structure.code, code))
    .limit(1);
  return row;
}

/** One writer at a time per stay, and per minor across structures (the overlap rule). */
export async function lockKey(db: Executor, key: string) {
  await db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${key}, 7305))`);
}

export async function findStay(db: Executor, structureId: string, stayRef: string) {
  const [row] = await db
    .select()
    .from(stay)
    .where(and(eq(stay.structureId, structureId), eq(stay.stayRef, stayRef)))
    .limit(1);
  return row;
}

export async function listRecordedEvents(db: Executor, stayId: string): Promise<RecordedEvent[]> {
  const rows = await db
    .select()
    .from(stayEvent)
    .where(and(eq(stayEvent.stayId, stayId), eq(stayEvent.status, "accepted")))
    .orderBy(asc(stayEvent.arrival));
  return rows.map(recordedEventOf);
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

export async function insertAcceptedEvent(
  db: Executor,
  values: {
    id: string;
    sourceKind: string;
    sourceId: string;
    contentDigest: string;
    type: string;
    structureId: string;
    stayId: string;
    occurredOn: string;
    sequence: number | null;
    minorId: string | null;
    payload: NonNullable<typeof stayEvent.$inferInsert.payload>;
    warnings: EventProblem[];
  },
) {
  const [row] = await db
    .insert(stayEvent)
    .values({ ...values, status: "accepted", errors: [] })
    .returning();
  return row;
}

/** A rejected event leaves only this: who sent which id, and why it was refused. */
export async function insertRejectedEvent(
  db: Executor,
  values: {
    id: string;
    sourceKind: string;
    sourceId: string;
    contentDigest: string;
    type: string | null;
    errors: EventProblem[];
  },
) {
  await db
    .insert(stayEvent)
    .values({ ...values, status: "rejected", warnings: [] })
    .onConflictDoNothing();
}

/** Writes the projection of a stay: its row, its absences and its activities. */
export async function saveProjection(
  db: Executor,
  ids: { stayId: string; structureId: string; stayRef: string },
  projection: StayProjection,
  hasOverlap: boolean,
  /** Which child rows the event can have changed; the others are left as they are. */
  rewrite: { absences: boolean; activities: boolean } = { absences: true, activities: true },
) {
  const admission = projection.admission?.content;
  const values = {
    structureId: ids.structureId,
    stayRef: ids.stayRef,
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
    updatedAt: sql`now()`,
  };
  await db
    .insert(stay)
    .values({ id: ids.stayId, ...values })
    .onConflictDoUpdate({ target: stay.id, set: values });
  if (rewrite.absences) await db.delete(stayAbsence).where(eq(stayAbsence.stayId, ids.stayId));
  if (rewrite.absences && projection.absences.length > 0) {
    await db.insert(stayAbsence).values(
      projection.absences.map((absence) => ({
        eventId: absence.eventId,
        stayId: ids.stayId,
        kind: absence.kind,
        fromDate: absence.from,
        toDate: absence.to,
      })),
    );
  }
  if (rewrite.activities) await db.delete(stayActivity).where(eq(stayActivity.stayId, ids.stayId));
  if (rewrite.activities && projection.activities.length > 0) {
    await db.insert(stayActivity).values(
      projection.activities.map((activity) => ({
        eventId: activity.eventId,
        stayId: ids.stayId,
        code: activity.code,
        fromDate: activity.from,
        untilDate: activity.until,
        hours: activity.hours,
      })),
    );
  }
}

/** Other stays of the same minor whose presence period meets [from, to). */
export async function findOverlappingStays(
  db: Executor,
  minorId: string,
  stayId: string,
  from: string,
  to: string | null,
) {
  return queryRows<{ id: string; structureId: string; admissionDate: string; dischargeDate: string | null }>(
    db,
    sql`select id, structure_id as "structureId", admission_date::text as "admissionDate", discharge_date::text as "dischargeDate"
        from stay
        where minor_id = ${minorId} and id <> ${stayId} and admission_date is not null
          and (discharge_date is null or discharge_date > ${from})
          and (${to}::date is null or admission_date < ${to}::date)`,
  );
}

/** Minors present in a structure on a day (absent ones included: an absence does not end a stay). */
export async function countPresent(db: Executor, structureId: string, day: string, excludingStayId?: string) {
  const [{ count }] = await queryRows<{ count: number }>(
    db,
    sql`select count(distinct minor_id)::int as count from stay
        where structure_id = ${structureId} and admission_date <= ${day} and (discharge_date is null or discharge_date > ${day})
          and id <> ${excludingStayId ?? "00000000-0000-0000-0000-000000000000"}`,
  );
  return count;
}

export async function findPlacesOn(db: Executor, structureId: string, day: string) {
  const rows = await queryRows<{ authorisedPlaces: number; emergencyExtraPlaces: number }>(
    db,
    sql`select authorised_places as "authorisedPlaces", emergency_extra_places as "emergencyExtraPlaces"
        from structure_version where structure_id = ${structureId} and valid_from <= ${day}
        order by valid_from desc, version desc limit 1`,
  );
  return rows[0];
}

/** Recomputes the overlap flag of every stay of a minor: set while two of them meet, cleared once corrected. */
export async function refreshOverlaps(db: Executor, minorId: string) {
  await db.execute(sql`
    update stay s set has_overlap = exists (
      select 1 from stay o
      where o.minor_id = s.minor_id and o.id <> s.id and o.admission_date is not null and s.admission_date is not null
        and (o.discharge_date is null or o.discharge_date > s.admission_date)
        and (s.discharge_date is null or s.discharge_date > o.admission_date))
    where s.minor_id = ${minorId}`);
}
