import { createHash } from "node:crypto";
import type { Database, Transaction } from "../../../db/database.ts";
import { caseProblem } from "../../../domain/cases/case-problems.ts";
import {
  type CaseBatchState,
  type CaseEventDecision,
  type CaseEventResult,
  decideCaseEvents,
  type PreparedCaseEvent,
} from "../../../domain/cases/decide-case-events.ts";
import { parseCaseEvent } from "../../../domain/cases/parse-case-event.ts";
import type { Actor } from "../../core/actor.ts";
import { type AuditRecord, appendAuditEntries } from "../../core/audit.queries.ts";
import { blindIndex } from "../../core/vault-crypto.ts";
import type { Keyring } from "../../core/vault-keys.ts";
import { findTextProblem, textProblemMessage } from "../../http/storable-text.ts";
import {
  findAcceptedCaseEvents,
  findCaseEventsByIds,
  findMinorsLookedUpBy,
  findMinorsOfStays,
  findOpenCasesOfMinors,
  findPseudonyms,
  insertCaseEventRows,
  lastCaseArrival,
  lockCasesByIds,
  lockMinors,
  saveCases,
} from "./cases.queries.ts";
import { type CarersAside, confirmPlacedStays, setCarersAside, storeCarers } from "./foster-carers.store.ts";

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Same id and same content is a duplicate. A case event carries no identity but its foster
 * carers: with them, the digest is keyed (the blind index's key), so that it cannot be used to
 * guess a carer's name or fiscal code; without them, a plain digest as ever.
 */
function digestOf(raw: unknown, keyring: Keyring, hasCarers: boolean): string {
  if (hasCarers) return blindIndex(keyring, "case-event", canonical(raw));
  return createHash("sha256").update(canonical(raw)).digest("hex");
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

type Context = { today: string; now: Date; keyring: Keyring };

function prepare(
  raw: unknown,
  context: Context,
  pathCaseId: string | null,
  aside: CarersAside,
): PreparedCaseEvent {
  const prepared = prepareEvent(raw, context, pathCaseId);
  return prepared.parsed.ok
    ? { ...prepared, parsed: { ok: true, event: setCarersAside(prepared.parsed.event, aside) } }
    : prepared;
}

function prepareEvent(raw: unknown, context: Context, pathCaseId: string | null): PreparedCaseEvent {
  const { today, keyring } = context;
  const rawId = raw && typeof raw === "object" ? (raw as { id?: unknown }).id : undefined;
  const wellFormedId = typeof rawId === "string" && uuidPattern.test(rawId) ? rawId : null;
  const unstorable = findTextProblem(raw);
  if (unstorable) {
    const problem = caseProblem("invalid-json-shape", unstorable.pointer, textProblemMessage(unstorable));
    return { parsed: { ok: false, id: null, type: null, errors: [problem] }, id: wellFormedId, digest: null };
  }
  const parsed = parseCaseEvent(raw, today);
  const id = parsed.ok ? parsed.event.id : parsed.id;
  const valid = !!id && uuidPattern.test(id);
  const hasCarers = hasCarersIn(raw);
  if (parsed.ok && pathCaseId && parsed.event.caseId !== pathCaseId) {
    return {
      parsed: { ok: false, id, type: parsed.event.type, errors: [caseProblem("case-mismatch", "/caseId")] },
      id,
      digest: valid ? digestOf(raw, keyring, hasCarers) : null,
    };
  }
  return { parsed, id, digest: valid ? digestOf(raw, keyring, hasCarers) : null };
}

function hasCarersIn(raw: unknown): boolean {
  const fosterCare =
    raw && typeof raw === "object" ? (raw as { fosterCare?: unknown }).fosterCare : undefined;
  return !!fosterCare && typeof fosterCare === "object" && "carers" in fosterCare;
}

/**
 * The one write path of the case file, as the stay events' shell: events prepared without the
 * database; in one transaction every lock and read, every event decided in memory in request
 * order by the pure core (src/domain/cases/decide-case-events.ts), then every write and the audit
 * entries, committed once. A deadlock or a concurrent opening retries the batch.
 */
export async function recordCaseEvents(
  db: Database,
  context: Context,
  actor: Actor,
  raws: unknown[],
  pathCaseId: string | null,
): Promise<CaseEventResult[]> {
  // The carers leave the event here: the core, the projection and the case_event row never see them.
  const aside: CarersAside = new Map();
  const prepared = raws.map((raw) => prepare(raw, context, pathCaseId, aside));
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(async (tx) => {
        const state = await readCaseBatchState(tx, context, actor, prepared);
        const decisions = decideCaseEvents(state, prepared);
        await writeCaseBatchState(tx, state, actor, decisions);
        await storeCarers(tx, context.keyring, decisions, aside);
        await confirmPlacedStays(tx, actor, decisions);
        return decisions.map((decision) => decision.result);
      });
    } catch (error) {
      if (attempt < 5 && isRetryable(error)) continue;
      throw error;
    }
  }
}

async function readCaseBatchState(
  tx: Transaction,
  context: { now: Date },
  actor: Actor,
  prepared: PreparedCaseEvent[],
): Promise<CaseBatchState> {
  const events = prepared.flatMap((item) => (item.parsed.ok ? [item.parsed.event] : []));
  const ids = prepared.flatMap((item) => (item.id && uuidPattern.test(item.id) ? [item.id] : []));
  const earlier = await findCaseEventsByIds(tx, ids);
  const caseRows = await lockCasesByIds(tx, [...new Set(events.map((event) => event.caseId))]);
  const visible = caseRows.filter(
    (row) =>
      row.serviceOrganisationId === actor.organisationId ||
      row.transferToServiceCode === actor.organisationCode,
  );
  const references = events.flatMap((event) =>
    event.type === "case-opened"
      ? [event.opening.minorRef]
      : event.type === "correction" && event.opening
        ? [event.opening.minorRef]
        : [],
  );
  const lookedUp = await findMinorsLookedUpBy(tx, actor.organisationId, [...new Set(references)]);
  const minorIds = [...lookedUp.values(), ...visible.map((row) => row.minorId)];
  await lockMinors(tx, minorIds);
  const openCases = await findOpenCasesOfMinors(tx, minorIds);
  const stays = await findMinorsOfStays(
    tx,
    events.flatMap((event) => (event.type === "placement" ? [event.placement.stayId] : [])),
  );
  const state: CaseBatchState = {
    sender: {
      kind: "user",
      id: actor.userId,
      serviceId: actor.organisationId,
      serviceCode: actor.organisationCode,
    },
    recordedAt: context.now.toISOString(),
    view: {
      minorOfReference: (ref) => lookedUp.get(ref),
      countOpenCases: (minorId, serviceId, exceptCaseId) =>
        openCases.filter(
          (open) =>
            open.minorId === minorId &&
            open.serviceId === serviceId &&
            open.id !== exceptCaseId &&
            (state.touched.get(open.id)?.projection.status ?? "open") === "open",
        ).length,
      minorOfStay: (stayId) => stays.get(stayId),
    },
    earlier,
    cases: new Map(
      visible.map((row) => [
        row.id,
        {
          id: row.id,
          minorId: row.minorId,
          serviceId: row.serviceOrganisationId,
          ...(row.serviceOrganisationId === actor.organisationId ? {} : { onlyTransferAcceptance: true }),
        },
      ]),
    ),
    events: await findAcceptedCaseEvents(
      tx,
      visible.map((row) => row.id),
    ),
    hiddenCaseIds: new Set(caseRows.filter((row) => !visible.includes(row)).map((row) => row.id)),
    openedInBatch: [],
    lastArrival: await lastCaseArrival(tx),
    records: [],
    touched: new Map(),
  };
  return state;
}

async function writeCaseBatchState(
  tx: Transaction,
  state: CaseBatchState,
  actor: Actor,
  decisions: CaseEventDecision[],
) {
  await saveCases(
    tx,
    [...state.touched.values()].map(({ summary, projection }) => ({
      id: summary.id,
      minorId: summary.minorId as string,
      serviceOrganisationId: summary.serviceId,
      assignedOperatorId: actor.userId,
      projection,
    })),
  );
  await insertCaseEventRows(tx, state.records, state.recordedAt);
  const accepted = decisions.flatMap((decision) => (decision.kind === "accepted" ? [decision] : []));
  const pseudonyms = await findPseudonyms(tx, [
    ...new Set(accepted.map((decision) => decision.summary.minorId as string)),
  ]);
  await appendAuditEntries(
    tx,
    actor,
    accepted.map(
      (decision): AuditRecord => ({
        action: decision.record.type === "case-opened" ? "case.open" : "case.record",
        resourceType: "case",
        resourceId: decision.summary.id,
        minorPseudonym: pseudonyms.get(decision.summary.minorId as string) ?? null,
        purpose: "care",
        outcome: "success",
        details: { eventId: decision.record.id, type: decision.record.type },
      }),
    ),
  );
}

function isRetryable(error: unknown): boolean {
  const code = (error as { code?: string })?.code ?? (error as { cause?: { code?: string } })?.cause?.code;
  return code === "40P01" || code === "23505" || code === "40001";
}
