import { createHmac } from "node:crypto";
import type { Database } from "../../../db/database.ts";
import type { AuditAction } from "../../../domain/access/audit-codes.ts";
import { decideStayEvents } from "../../../domain/stays/decide-stay-events.ts";
import { eventProblem, parseStayEvent } from "../../../domain/stays/parse-stay-event.ts";
import type { EventResult, EventSender, PreparedEvent } from "../../../domain/stays/stay-batch.types.ts";
import type { AuditSubject } from "../../core/actor.ts";
import { type AuditRecord, appendAuditEntries } from "../../core/audit.queries.ts";
import type { Keyring } from "../../core/vault-keys.ts";
import { findTextProblem, textProblemMessage } from "../../http/storable-text.ts";
import { readBatchState } from "./ingest-batch.reads.ts";
import { writeBatchState } from "./ingest-batch.writes.ts";
import { findEventsByIds } from "./stays.queries.ts";

export type { EventResult } from "../../../domain/stays/stay-batch.types.ts";

/** A sender of events, and who the audit log names for it. */
export type EventSource = EventSender & { subject: AuditSubject };

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

function idsOf(raws: unknown[]): string[] {
  return raws.flatMap((raw) => {
    const id = raw && typeof raw === "object" ? (raw as { id?: unknown }).id : undefined;
    return typeof id === "string" && uuidPattern.test(id) ? [id] : [];
  });
}

/** The id echoed in the result of an event that is not stored: only a well-formed one. */
function idOf(raw: unknown): string | null {
  const id = raw && typeof raw === "object" ? (raw as { id?: unknown }).id : undefined;
  return typeof id === "string" && uuidPattern.test(id) ? id : null;
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
 * A batch in one transaction, as the pipeline's shell: events prepared without the database, then
 * every lock and read (ingest-batch.reads.ts), every event decided in memory in request order by
 * the pure core (src/domain/stays/decide-stay-events.ts: each as if it came alone after the
 * earlier ones; a rejected event changes nothing but leaves its rejection record), every write
 * (ingest-batch.writes.ts) and the audit entries; the whole batch is durable at a single commit
 * before anyone is told "accepted". A deadlock with a concurrent batch retries the batch.
 */
export async function ingestEvents(
  db: Database,
  context: IngestContext,
  source: EventSource,
  raws: unknown[],
): Promise<EventResult[]> {
  // Validation and digests need no database: done once, outside the retried transaction.
  const prepared: PreparedEvent[] = raws.map((raw) => {
    // An event that cannot be stored as it is (U+0000, a lone surrogate, absurd nesting) is
    // rejected alone and leaves no record: there is nothing of it that could be kept.
    const unstorable = findTextProblem(raw);
    if (unstorable) {
      const problem = eventProblem("invalid-json-shape", unstorable.pointer, textProblemMessage(unstorable));
      return {
        raw,
        parsed: { ok: false, id: null, type: null, errors: [problem] },
        id: idOf(raw),
        digest: null,
      };
    }
    const parsed = parseStayEvent(raw, context.today);
    const id = parsed.ok ? parsed.event.id : parsed.id;
    const valid = !!id && uuidPattern.test(id);
    return { raw, parsed, id, digest: valid ? digestOf(context.keyring, raw) : null };
  });
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(async (tx) => {
        const earlier = await findEventsByIds(tx, idsOf(raws));
        const { state, resolver } = await readBatchState(tx, context, source, prepared, earlier);
        const decisions = decideStayEvents(state, prepared);
        await writeBatchState(tx, state, resolver);
        // The batch's access records, written once, in the same transaction as the events.
        await appendAuditEntries(
          tx,
          source.subject,
          decisions.flatMap((decision): AuditRecord[] =>
            decision.kind === "accepted"
              ? [
                  {
                    action: `stay.${decision.record.type}` as AuditAction,
                    resourceType: "stay",
                    resourceId: decision.record.stayId as string,
                    minorPseudonym: decision.pseudonym,
                    purpose: decision.record.type === "admission" ? "admission" : "care",
                    outcome: "success",
                    details: { eventId: decision.record.id },
                  },
                ]
              : [],
          ),
        );
        return decisions.map((decision) => decision.result);
      });
    } catch (error) {
      if (attempt < 5 && isRetryable(error)) continue;
      throw error;
    }
  }
}

function isRetryable(error: unknown): boolean {
  const code = (error as { code?: string })?.code ?? (error as { cause?: { code?: string } })?.cause?.code;
  // Deadlock with a concurrent batch, or the same new id stored by a concurrent request.
  return code === "40P01" || code === "23505" || code === "40001";
}
