import { createHmac, randomUUID } from "node:crypto";
import type { Database, Executor, Transaction } from "../../../db/database.ts";
import { isAppError } from "../../../domain/errors/app-error.ts";
import { type EventProblem, eventProblem, parseStayEvent } from "../../../domain/stays/parse-stay-event.ts";
import type { StayEvent } from "../../../domain/stays/stay-event.schema.ts";
import { projectStay, type RecordedEvent } from "../../../domain/stays/stay-projection.ts";
import { addDays } from "../../../domain/time/calendar.ts";
import type { AuditSubject } from "../access/actor.ts";
import { type AuditRecord, appendAuditEntries } from "../access/audit.queries.ts";
import type { Keyring } from "../registry/vault-keys.ts";
import { checkEventAgainstStay, RuleRejection as Rejection, warningsAfterProjection } from "./stay-rules.ts";
import {
  type EarlierEvent,
  findEventsByIds,
  findStay,
  findStructureForEvents,
  insertAcceptedEvent,
  insertRejectedEvent,
  listRecordedEvents,
  lockKey,
  refreshOverlaps,
  saveProjection,
} from "./stays.queries.ts";

export type EventSource = {
  kind: "user" | "client";
  id: string;
  subject: AuditSubject;
  /** The structures this source may write: a machine client's registration, a user's scope. */
  mayWrite: (structure: { id: string; operatorOrganisationId: string }) => boolean;
};

export type EventResult = {
  id: string;
  status: "accepted" | "duplicate" | "rejected";
  warnings: EventProblem[];
  errors: EventProblem[];
  stayId?: string;
};

export type IngestContext = { keyring: Keyring; today: string };

/** Same id and same content is a duplicate; the digest is keyed because events carry identity. */
function digestOf(keyring: Keyring, raw: unknown): string {
  return createHmac("sha256", keyring.indexKey).update(canonical(raw)).digest("hex");
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

/** What one batch remembers across its events: access records to write, structures, ids seen. */
type Batch = {
  audit: AuditRecord[];
  structures: Map<string, NonNullable<Awaited<ReturnType<typeof findStructureForEvents>>>>;
  earlier: Map<string, EarlierEvent>;
};

function idsOf(raws: unknown[]): string[] {
  return raws.flatMap((raw) => {
    const id = raw && typeof raw === "object" ? (raw as { id?: unknown }).id : undefined;
    return typeof id === "string" && uuidPattern.test(id) ? [id] : [];
  });
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The one write path of ASMI: validates an event, stores it durably and recomputes its stay in
 * the same transaction. Each event stands alone: its failure never affects another.
 */
export async function ingestEvent(db: Database, context: IngestContext, source: EventSource, raw: unknown) {
  const [result] = await ingestEvents(db, context, source, [raw]);
  return result;
}

/**
 * A batch in one transaction, each event in its own savepoint: a rejected event rolls back only
 * itself and leaves its rejection record, and the whole batch is durable at a single commit
 * before anyone is told "accepted". A deadlock with a concurrent batch retries the batch.
 */
export async function ingestEvents(
  db: Database,
  context: IngestContext,
  source: EventSource,
  raws: unknown[],
): Promise<EventResult[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(async (tx) => {
        const results: EventResult[] = [];
        const batch: Batch = {
          audit: [],
          structures: new Map(),
          earlier: await findEventsByIds(tx, idsOf(raws)),
        };
        for (const raw of raws) {
          const result = await ingestOne(tx, context, source, raw, batch);
          results.push(result);
        }
        const audit = batch.audit;
        // The batch's access records, written once, in the same transaction as the events.
        await appendAuditEntries(tx, source.subject, audit);
        return results;
      });
    } catch (error) {
      if (attempt < 5 && isRetryable(error)) continue;
      throw error;
    }
  }
}

async function ingestOne(
  tx: Transaction,
  context: IngestContext,
  source: EventSource,
  raw: unknown,
  batch: Batch,
): Promise<EventResult> {
  const parsed = parseStayEvent(raw, context.today);
  const id = parsed.ok ? parsed.event.id : parsed.id;
  if (!id || !uuidPattern.test(id)) {
    const errors = parsed.ok
      ? []
      : parsed.errors.length
        ? parsed.errors
        : [eventProblem("invalid-json-shape", "/id")];
    return { id: id ?? "", status: "rejected", warnings: [], errors };
  }
  const digest = digestOf(context.keyring, raw);
  const earlier = batch.earlier.get(id);
  if (earlier) {
    if (earlier.contentDigest === digest && earlier.sourceId === source.id) {
      return {
        id,
        status: "duplicate",
        warnings: earlier.warnings,
        errors: earlier.errors,
        stayId: earlier.stayId ?? undefined,
      };
    }
    return { id, status: "rejected", warnings: [], errors: [eventProblem("id-reused", "/id")] };
  }
  const reject = async (errors: EventProblem[]): Promise<EventResult> => {
    const type = parsed.ok ? parsed.event.type : parsed.type;
    await insertRejectedEvent(tx, {
      id,
      sourceKind: source.kind,
      sourceId: source.id,
      contentDigest: digest,
      type,
      errors,
    });
    batch.earlier.set(id, { contentDigest: digest, sourceId: source.id, warnings: [], errors, stayId: null });
    return { id, status: "rejected", warnings: [], errors };
  };
  if (!parsed.ok) return reject(parsed.errors);
  try {
    const accepted = await tx.transaction((savepoint) =>
      acceptEvent(savepoint, context, source, parsed.event, digest, batch.structures),
    );
    batch.audit.push(accepted.audit);
    batch.earlier.set(id, {
      contentDigest: digest,
      sourceId: source.id,
      warnings: accepted.result.warnings,
      errors: [],
      stayId: accepted.result.stayId ?? null,
    });
    return accepted.result;
  } catch (error) {
    if (error instanceof Rejection) return reject(error.errors);
    if (isAppError(error) && error.problems.length > 0) {
      return reject(error.problems.map((problem) => ({ ...problem, path: `/minor${problem.path}` })));
    }
    throw error;
  }
}

function isRetryable(error: unknown): boolean {
  const code = (error as { code?: string })?.code ?? (error as { cause?: { code?: string } })?.cause?.code;
  // Deadlock with a concurrent batch, or the same new id stored by a concurrent request.
  return code === "40P01" || code === "23505" || code === "40001";
}

async function acceptEvent(
  tx: Executor,
  context: IngestContext,
  source: EventSource,
  event: StayEvent,
  digest: string,
  structures: Batch["structures"],
) {
  const structure =
    structures.get(event.structureCode) ?? (await findStructureForEvents(tx, event.structureCode));
  if (structure) structures.set(event.structureCode, structure);
  if (!structure) throw new Rejection([eventProblem("unknown-structure", "/structureCode")]);
  if (!source.mayWrite(structure))
    throw new Rejection([eventProblem("structure-not-allowed", "/structureCode")]);
  await lockKey(tx, `stay|${structure.id}|${event.stayRef}`);
  const existing = await findStay(tx, structure.id, event.stayRef);
  const stayId = existing?.id ?? randomUUID();
  const events = existing ? await listRecordedEvents(tx, stayId) : [];
  const checked = await checkEventAgainstStay(tx, context, source, {
    event,
    structureId: structure.id,
    stayId,
    events,
  });
  const warnings = [...checked.warnings];
  if (event.occurredOn < addDays(context.today, -7))
    warnings.push(eventProblem("late-report", "/occurredOn", undefined));
  // The new event arrives after every stored one: project first, then store it with all its warnings.
  const recorded: RecordedEvent = {
    ...payloadOf(event),
    id: event.id,
    type: event.type,
    occurredOn: event.occurredOn,
    sequence: event.sequence ?? null,
    arrival: Number.MAX_SAFE_INTEGER,
    recordedAt: new Date().toISOString(),
    minorId: checked.minorId,
  };
  const projection = projectStay([...events, recorded]);
  // Only these events move a stay's dates: the others cannot create or clear an overlap.
  const movesDates =
    event.type === "admission" ||
    event.type === "discharge" ||
    event.type === "correction" ||
    event.type === "void";
  const after = movesDates
    ? await warningsAfterProjection(tx, {
        structureId: structure.id,
        stayId,
        projection,
        event,
        today: context.today,
      })
    : { warnings: [], hasOverlap: existing?.hasOverlap ?? false };
  const allWarnings = [...warnings, ...after.warnings];
  await saveProjection(
    tx,
    { stayId, structureId: structure.id, stayRef: event.stayRef },
    projection,
    after.hasOverlap,
    {
      absences: event.type === "absence-start" || event.type === "absence-end" || event.type === "void",
      activities: event.type === "activity" || event.type === "void",
    },
  );
  if (movesDates) {
    for (const minorId of new Set(
      [projection.minorId, existing?.minorId].filter((id): id is string => !!id),
    )) {
      await refreshOverlaps(tx, minorId);
    }
  }
  await insertAcceptedEvent(tx, {
    id: event.id,
    sourceKind: source.kind,
    sourceId: source.id,
    contentDigest: digest,
    type: event.type,
    structureId: structure.id,
    stayId,
    occurredOn: event.occurredOn,
    sequence: event.sequence ?? null,
    minorId: checked.minorId,
    payload: payloadOf(event),
    warnings: allWarnings,
  });
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
    audit,
    result: { id: event.id, status: "accepted" as const, warnings: allWarnings, errors: [], stayId },
  };
}

/** What is kept of an event: everything but the identity, which went to the vault. */
function payloadOf(
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
