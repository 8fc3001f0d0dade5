import { randomUUID } from "node:crypto";
import type { Transaction } from "../../../db/database.ts";
import { isAppError } from "../../../domain/errors/app-error.ts";
import { type EventProblem, eventProblem, type ParsedEvent } from "../../../domain/stays/parse-stay-event.ts";
import type { StayEvent } from "../../../domain/stays/stay-event.schema.ts";
import { projectStay, type RecordedEvent } from "../../../domain/stays/stay-projection.ts";
import { addDays } from "../../../domain/time/calendar.ts";
import type { AuditRecord } from "../../core/audit.queries.ts";
import { BatchMinorResolver } from "../registry/index.ts";
import { BatchState } from "./ingest-batch.state.ts";
import type { EventResult, EventSource, IngestContext } from "./ingest-event.ts";
import { checkEventAgainstStay, RuleRejection, warningsAfterProjection } from "./stay-rules.ts";
import {
  type EarlierEvent,
  type EventRow,
  findRecordedEventsOfStays,
  findStaysByRefs,
  findStaysOfMinors,
  findStaysPresentBetween,
  findStructuresByCodes,
  findStructureVersions,
  insertEventRows,
  lockKeys,
  type StayRow,
  saveProjections,
  updateOverlapFlags,
} from "./stays.queries.ts";

/** An event of the batch once parsed, its id checked and its digest computed. */
export type Prepared = { raw: unknown; parsed: ParsedEvent; id: string | null; digest: string | null };

type Structure = Awaited<ReturnType<typeof findStructuresByCodes>> extends Map<string, infer S> ? S : never;

let lateReport = { today: "", before: "" };

/** Events that happened before this day are reported late: one date computation per day, not per event. */
function lateReportBefore(today: string) {
  if (lateReport.today !== today) lateReport = { today, before: addDays(today, -7) };
  return lateReport.before;
}

function keyOf(structureId: string, stayRef: string) {
  return `${structureId}|${stayRef}`;
}

/**
 * A batch set-based: reads what its events need in a few statements (structures, stays and their
 * events, the registry's index entries, the stays of the minors met, the presence in the
 * structures), decides every event in memory in request order, then writes with multi-row
 * statements. The outcome is the one of the events taken one by one in request order: each event
 * sees the stays, minors and flags as the earlier accepted ones of the batch left them.
 */
export async function ingestPreparedBatch(
  tx: Transaction,
  context: IngestContext,
  source: EventSource,
  prepared: Prepared[],
  earlier: Map<string, EarlierEvent>,
): Promise<{ results: EventResult[]; audit: AuditRecord[] }> {
  const candidates = prepared.flatMap((entry) =>
    entry.parsed.ok && !earlier.has(entry.parsed.event.id) ? [entry.parsed.event] : [],
  );
  const structures = await findStructuresByCodes(tx, [
    ...new Set(candidates.map((event) => event.structureCode)),
  ]);
  const writable = candidates.filter((event) => {
    const structure = structures.get(event.structureCode);
    return structure && source.mayWrite(structure);
  });
  const structureOf = (event: StayEvent) => structures.get(event.structureCode) as Structure;

  // One writer at a time per stay, then per identifier, then per minor: as one by one, for the whole batch.
  const stayKeys = [...new Set(writable.map((event) => `stay|${structureOf(event).id}|${event.stayRef}`))];
  await lockKeys(tx, stayKeys.sort());
  const refs = [
    ...new Map(writable.map((event) => [keyOf(structureOf(event).id, event.stayRef), event])).values(),
  ].map((event) => ({ structureId: structureOf(event).id, stayRef: event.stayRef }));
  const storedStaysRead = findStaysByRefs(tx, refs);
  storedStaysRead.catch(() => {}); // awaited below: a failure is raised there
  // The identities' keyed digests are computed while the database reads the stays.
  await new Promise((resolve) => setImmediate(resolve));
  const admissions = writable.flatMap((event) => (event.type === "admission" ? [event.minor] : []));
  const resolver = BatchMinorResolver.digest(context.keyring, context.today, admissions);
  const storedStays = await storedStaysRead;
  await resolver.read(tx);
  const minorsToLock = new Set<string>([
    ...storedStays.flatMap((row) => (row.minorId ? [row.minorId] : [])),
    ...resolver.knownMinorIds,
  ]);
  await lockKeys(tx, [...minorsToLock].map((id) => `minor|${id}`).sort());
  const state = new BatchState(tx, minorsToLock);
  for (const row of storedStays) state.load(row);
  for (const row of await findStaysOfMinors(tx, [...minorsToLock])) state.load(row);
  for (const minorId of minorsToLock) state.loadedMinors.add(minorId);
  for (const [stayId, events] of await findRecordedEventsOfStays(
    tx,
    storedStays.map((row) => row.id),
  ))
    state.events.set(stayId, events);
  // Presence in each structure over the days its admissions fall on, for the capacity warning.
  const ranges = new Map<string, { from: string; to: string }>();
  for (const event of writable) {
    if (event.type !== "admission") continue;
    const id = structureOf(event).id;
    const range = ranges.get(id);
    ranges.set(id, {
      from: range && range.from < event.occurredOn ? range.from : event.occurredOn,
      to: range && range.to > event.occurredOn ? range.to : event.occurredOn,
    });
  }
  for (const row of await findStaysPresentBetween(tx, ranges)) state.load(row);
  state.versions = await findStructureVersions(tx, [...ranges.keys()]);

  const results: EventResult[] = [];
  const audit: AuditRecord[] = [];
  const rows: EventRow[] = [];
  let arrival = Number.MAX_SAFE_INTEGER - 2_000_000;
  for (const entry of prepared) {
    const { parsed, id, digest } = entry;
    if (!id || digest === null) {
      const errors = parsed.ok
        ? []
        : parsed.errors.length
          ? parsed.errors
          : [eventProblem("invalid-json-shape", "/id")];
      results.push({ id: id ?? "", status: "rejected", warnings: [], errors });
      continue;
    }
    const known = earlier.get(id);
    if (known) {
      if (known.contentDigest === digest && known.sourceId === source.id) {
        results.push({
          id,
          status: "duplicate",
          warnings: known.warnings,
          errors: known.errors,
          stayId: known.stayId ?? undefined,
        });
      } else {
        results.push({ id, status: "rejected", warnings: [], errors: [eventProblem("id-reused", "/id")] });
      }
      continue;
    }
    const reject = (errors: EventProblem[]) => {
      rows.push({
        id,
        sourceKind: source.kind,
        sourceId: source.id,
        contentDigest: digest,
        status: "rejected",
        type: parsed.ok ? parsed.event.type : parsed.type,
        errors,
        warnings: [],
      });
      earlier.set(id, { contentDigest: digest, sourceId: source.id, warnings: [], errors, stayId: null });
      results.push({ id, status: "rejected", warnings: [], errors });
    };
    if (!parsed.ok) {
      reject(parsed.errors);
      continue;
    }
    arrival += 1;
    try {
      const accepted = await acceptEvent(
        state,
        resolver,
        context,
        source,
        parsed.event,
        digest,
        structures,
        arrival,
      );
      rows.push(accepted.row);
      audit.push(accepted.audit);
      earlier.set(id, {
        contentDigest: digest,
        sourceId: source.id,
        warnings: accepted.result.warnings,
        errors: [],
        stayId: accepted.result.stayId ?? null,
      });
      results.push(accepted.result);
    } catch (error) {
      if (error instanceof RuleRejection) reject(error.errors);
      else if (isAppError(error) && error.problems.length > 0)
        reject(error.problems.map((problem) => ({ ...problem, path: `/minor${problem.path}` })));
      else throw error;
    }
  }

  // The writes, in dependency order: minors, stays, their children and flags, then the events.
  await resolver.flush(tx);
  await saveProjections(
    tx,
    [...state.touched.values()].map((touched) => ({
      ...touched,
      hasOverlap: (state.stays.get(touched.stayId) as StayRow).hasOverlap,
    })),
  );
  await updateOverlapFlags(
    tx,
    [...state.flagsBefore]
      .filter(
        ([stayId, before]) =>
          !state.touched.has(stayId) && (state.stays.get(stayId) as StayRow).hasOverlap !== before,
      )
      .map(([stayId]) => ({ id: stayId, hasOverlap: (state.stays.get(stayId) as StayRow).hasOverlap })),
  );
  await insertEventRows(tx, rows);
  return { results, audit };
}

async function acceptEvent(
  state: BatchState,
  resolver: BatchMinorResolver,
  context: IngestContext,
  source: EventSource,
  event: StayEvent,
  digest: string,
  structures: Map<string, Structure>,
  arrival: number,
) {
  const structure = structures.get(event.structureCode);
  if (!structure) throw new RuleRejection([eventProblem("unknown-structure", "/structureCode")]);
  if (!source.mayWrite(structure))
    throw new RuleRejection([eventProblem("structure-not-allowed", "/structureCode")]);
  const existingId = state.stayByRef.get(keyOf(structure.id, event.stayRef));
  const existing = existingId ? state.stays.get(existingId) : undefined;
  const stayId = existing?.id ?? randomUUID();
  const events = state.events.get(stayId) ?? [];
  const pending: { commit(): void }[] = [];
  const checked = await checkEventAgainstStay(
    state,
    (identity) => {
      const resolution = resolver.resolve(identity);
      // A minor created now has no stay yet, and no one else can know its id.
      if (resolution.outcome !== "linked") state.loadedMinors.add(resolution.minorId);
      pending.push(resolution);
      return resolution;
    },
    context,
    { event, structureId: structure.id, stayId, events },
  );
  const warnings = [...checked.warnings];
  if (event.occurredOn < lateReportBefore(context.today))
    warnings.push(eventProblem("late-report", "/occurredOn", undefined));
  const recorded: RecordedEvent = {
    ...payloadOf(event),
    id: event.id,
    type: event.type,
    occurredOn: event.occurredOn,
    sequence: event.sequence ?? null,
    arrival,
    recordedAt: new Date().toISOString(),
    minorId: checked.minorId,
  };
  const projection = projectStay([...events, recorded]);
  const movesDates =
    event.type === "admission" ||
    event.type === "discharge" ||
    event.type === "correction" ||
    event.type === "void";
  const after = movesDates
    ? await warningsAfterProjection(state, {
        structureId: structure.id,
        stayId,
        projection,
        event,
        today: context.today,
      })
    : { warnings: [], hasOverlap: existing?.hasOverlap ?? false };
  const allWarnings = [...warnings, ...after.warnings];

  // Accepted: the batch's view changes as the tables would have.
  for (const resolution of pending) resolution.commit();
  state.events.set(stayId, [...events, recorded]);
  const row: StayRow = {
    id: stayId,
    structureId: structure.id,
    stayRef: event.stayRef,
    minorId: projection.minorId,
    admissionDate: projection.admission?.date ?? null,
    dischargeDate: projection.discharge?.date ?? null,
    hasOverlap: existing?.hasOverlap ?? false,
  };
  state.put(row);
  state.setFlag(row, after.hasOverlap);
  const touched = state.touched.get(stayId);
  state.touched.set(stayId, {
    stayId,
    structureId: structure.id,
    stayRef: event.stayRef,
    projection,
    absences:
      (touched?.absences ?? false) ||
      event.type === "absence-start" ||
      event.type === "absence-end" ||
      event.type === "void",
    activities: (touched?.activities ?? false) || event.type === "activity" || event.type === "void",
  });
  if (movesDates) {
    for (const minorId of new Set(
      [projection.minorId, existing?.minorId].filter((id): id is string => !!id),
    )) {
      await state.lockMinor(minorId);
      state.refreshOverlaps(minorId);
    }
  }
  const eventRow: EventRow = {
    id: event.id,
    sourceKind: source.kind,
    sourceId: source.id,
    contentDigest: digest,
    status: "accepted",
    type: event.type,
    structureId: structure.id,
    stayId,
    occurredOn: event.occurredOn,
    sequence: event.sequence ?? null,
    minorId: checked.minorId,
    payload: payloadOf(event),
    warnings: allWarnings,
    errors: [],
  };
  const audit: AuditRecord = {
    action: `stay.${event.type}`,
    resourceType: "stay",
    resourceId: stayId,
    minorPseudonym: checked.pseudonym,
    purpose: event.type === "admission" ? "admission" : "care",
    outcome: "success",
    details: { eventId: event.id },
  };
  return {
    row: eventRow,
    audit,
    result: { id: event.id, status: "accepted" as const, warnings: allWarnings, errors: [], stayId },
  };
}

/** What is kept of an event: everything but the identity, which went to the vault. */
export function payloadOf(
  event: StayEvent,
): Omit<RecordedEvent, "arrival" | "recordedAt" | "id" | "type" | "occurredOn" | "sequence"> {
  switch (event.type) {
    case "admission":
      return { admission: event.admission, msna: event.minor.unaccompaniedForeignMinor ?? false };
    case "discharge":
      return { discharge: event.discharge };
    case "absence-start":
      return { absence: event.absence };
    case "activity":
      return { activity: event.activity };
    case "correction":
      return {
        corrects: event.corrects,
        admission: event.admission,
        discharge: event.discharge,
        reason: event.reason,
      };
    case "void":
      return { voids: event.voids, reason: event.reason };
    default:
      return {};
  }
}
