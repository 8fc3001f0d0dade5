import { createHash } from "node:crypto";
import type { Database, Transaction } from "../../../db/database.ts";
import { scopeOf } from "../../../domain/access/policy.ts";
import { caseWorkingRoles } from "../../../domain/cases/case-operators.ts";
import { caseProblem } from "../../../domain/cases/case-problems.ts";
import { assignedOperatorOf } from "../../../domain/cases/case-projection.ts";
import type { CaseSender } from "../../../domain/cases/case-rules.ts";
import {
  type CaseBatchState,
  type CaseEventDecision,
  type CaseEventResult,
  decideCaseEvents,
  decideCaseEventsInAnyOrder,
  type PreparedCaseEvent,
} from "../../../domain/cases/decide-case-events.ts";
import { type CaseDialect, parseCaseEvent } from "../../../domain/cases/parse-case-event.ts";
import type { Actor, AuditSubject } from "../../core/actor.ts";
import { type AuditRecord, appendAuditEntries } from "../../core/audit.queries.ts";
import { blindIndex } from "../../core/vault-crypto.ts";
import type { Keyring } from "../../core/vault-keys.ts";
import { findTextProblem, textProblemMessage } from "../../http/storable-text.ts";
import { BatchMinorResolver } from "../registry/index.ts";
import {
  findAcceptedCaseEvents,
  findCaseEventsByIds,
  findCaseOpeners,
  findCaseOperatorsOfService,
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
 * Same id and same content is a duplicate. An event that carries personal data — an opening by
 * identity from the services' software, foster carers — has a digest keyed with the blind
 * index's key, so that it cannot be used to guess a name or a fiscal code; any other, a plain
 * digest.
 */
function digestOf(raw: unknown, keyring: Keyring, keyed: boolean): string {
  if (keyed) return blindIndex(keyring, "case-event", canonical(raw));
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

type Preparing = { today: string; pathCaseId: string | null; dialect: CaseDialect; keyring: Keyring };

function prepare(raw: unknown, preparing: Preparing, aside: CarersAside): PreparedCaseEvent {
  const prepared = prepareEvent(raw, preparing);
  return prepared.parsed.ok
    ? { ...prepared, parsed: { ...prepared.parsed, event: setCarersAside(prepared.parsed.event, aside) } }
    : prepared;
}

function prepareEvent(raw: unknown, { today, pathCaseId, dialect, keyring }: Preparing): PreparedCaseEvent {
  const rawId = raw && typeof raw === "object" ? (raw as { id?: unknown }).id : undefined;
  const wellFormedId = typeof rawId === "string" && uuidPattern.test(rawId) ? rawId : null;
  const unstorable = findTextProblem(raw);
  if (unstorable) {
    const problem = caseProblem("invalid-json-shape", unstorable.pointer, textProblemMessage(unstorable));
    return { parsed: { ok: false, id: null, type: null, errors: [problem] }, id: wellFormedId, digest: null };
  }
  const parsed = parseCaseEvent(raw, today, dialect);
  const id = parsed.ok ? parsed.event.id : parsed.id;
  const valid = !!id && uuidPattern.test(id);
  const keyed = dialect === "interchange" || hasCarersIn(raw);
  if (parsed.ok && pathCaseId && parsed.event.caseId !== pathCaseId) {
    return {
      parsed: { ok: false, id, type: parsed.event.type, errors: [caseProblem("case-mismatch", "/caseId")] },
      id,
      digest: valid ? digestOf(raw, keyring, keyed) : null,
    };
  }
  return { parsed, id, digest: valid ? digestOf(raw, keyring, keyed) : null };
}

function hasCarersIn(raw: unknown): boolean {
  const fosterCare =
    raw && typeof raw === "object" ? (raw as { fosterCare?: unknown }).fosterCare : undefined;
  return !!fosterCare && typeof fosterCare === "object" && "carers" in fosterCare;
}

/** Who writes: the service, who the audit log names, and the person (none for software). */
type CaseWriter = { sender: CaseSender; subject: AuditSubject; operatorId: string | null };

/**
 * The one write path of the case file, as the stay events' shell: events prepared without the
 * database; in one transaction every lock and read, every event decided in memory by the pure
 * core (src/domain/cases/decide-case-events.ts), then every write and the audit entries,
 * committed once. A deadlock or a concurrent opening retries the batch. The web app's events
 * are decided in request order.
 */
/** What a batch of case events takes from the request besides the actor. */
export type CaseEventsContext = { today: string; now: Date; keyring: Keyring };

export async function recordCaseEvents(
  db: Database,
  context: CaseEventsContext,
  actor: Actor,
  raws: unknown[],
  pathCaseId: string | null,
): Promise<CaseEventResult[]> {
  const writer: CaseWriter = {
    sender: {
      kind: "user",
      id: actor.userId,
      serviceId: actor.organisationId,
      serviceCode: actor.organisationCode,
      canAssign: scopeOf("case.assign", actor.role) !== undefined,
    },
    subject: actor,
    operatorId: actor.userId,
  };
  const preparing: Preparing = { today: context.today, pathCaseId, dialect: "web", keyring: context.keyring };
  // The carers leave the event here: the core, the projection and the case_event row never see them.
  const aside: CarersAside = new Map();
  const prepared = raws.map((raw) => prepare(raw, preparing, aside));
  return recordPrepared(db, context, writer, prepared, aside);
}

/**
 * The same write path for a social service's own software (the case interchange standard,
 * docs/case-interchange.md): events of any of the service's cases, openings naming the minor by
 * identity (resolved by the registry in the same transaction), decided in their dependency order
 * so that the request's order does not matter.
 */
export async function recordClientCaseEvents(
  db: Database,
  context: CaseEventsContext,
  client: { id: string; serviceId: string; serviceCode: string },
  raws: unknown[],
): Promise<CaseEventResult[]> {
  const writer: CaseWriter = {
    sender: {
      kind: "client",
      id: client.id,
      serviceId: client.serviceId,
      serviceCode: client.serviceCode,
      canAssign: false,
    },
    subject: { system: true, label: `client:${client.id}` },
    operatorId: null,
  };
  const preparing: Preparing = {
    today: context.today,
    pathCaseId: null,
    dialect: "interchange",
    keyring: context.keyring,
  };
  const aside: CarersAside = new Map();
  const prepared = raws.map((raw) => prepare(raw, preparing, aside));
  return recordPrepared(db, context, writer, prepared, aside);
}

async function recordPrepared(
  db: Database,
  context: CaseEventsContext,
  writer: CaseWriter,
  prepared: PreparedCaseEvent[],
  aside: CarersAside,
): Promise<CaseEventResult[]> {
  const { keyring } = context;
  const identities = prepared.flatMap((item) =>
    item.parsed.ok && item.parsed.identity ? [item.parsed.identity] : [],
  );
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(async (tx) => {
        const resolver =
          identities.length > 0 ? BatchMinorResolver.digest(keyring, context.today, identities) : null;
        const state = await readCaseBatchState(tx, context, writer.sender, prepared, resolver);
        const decisions =
          writer.sender.kind === "client"
            ? decideCaseEventsInAnyOrder(state, prepared)
            : decideCaseEvents(state, prepared);
        await resolver?.flush(tx);
        await writeCaseBatchState(tx, state, writer, decisions);
        await storeCarers(tx, keyring, decisions, aside);
        await confirmPlacedStays(tx, writer.subject, writer.operatorId, decisions, context.now);
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
  sender: CaseSender,
  prepared: PreparedCaseEvent[],
  resolver: BatchMinorResolver | null,
): Promise<CaseBatchState> {
  const events = prepared.flatMap((item) => (item.parsed.ok ? [item.parsed.event] : []));
  const ids = prepared.flatMap((item) => (item.id && uuidPattern.test(item.id) ? [item.id] : []));
  const earlier = await findCaseEventsByIds(tx, ids);
  const caseRows = await lockCasesByIds(tx, [...new Set(events.map((event) => event.caseId))]);
  const visible = caseRows.filter(
    (row) =>
      row.serviceOrganisationId === sender.serviceId || row.transferToServiceCode === sender.serviceCode,
  );
  const references = events.flatMap((event) =>
    event.type === "case-opened"
      ? [event.opening.minorRef]
      : event.type === "correction" && event.opening
        ? [event.opening.minorRef]
        : [],
  );
  // An opening by identity has no reference yet: the registry resolves it (locks, index, vault).
  const lookedUp = await findMinorsLookedUpBy(tx, sender.serviceId, [
    ...new Set(references.filter((ref) => ref !== "")),
  ]);
  await resolver?.read(tx);
  const minorIds = [
    ...lookedUp.values(),
    ...visible.map((row) => row.minorId),
    ...(resolver?.knownMinorIds ?? []),
  ];
  await lockMinors(tx, minorIds);
  const openCases = await findOpenCasesOfMinors(tx, minorIds);
  const stays = await findMinorsOfStays(
    tx,
    events.flatMap((event) => (event.type === "placement" ? [event.placement.stayId] : [])),
  );
  const openers = await findCaseOpeners(
    tx,
    visible.map((row) => row.id),
  );
  // The people an assignment may name: read only when the batch carries one (or its correction).
  const operators = events.some((event) => "assignment" in event && event.assignment)
    ? await findCaseOperatorsOfService(tx, sender.serviceId, caseWorkingRoles)
    : new Set<string>();
  const state: CaseBatchState = {
    sender,
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
      isCaseOperator: (userId) => operators.has(userId),
      ...(resolver ? { resolveMinor: (identity) => resolver.resolve(identity) } : {}),
    },
    earlier,
    cases: new Map(
      visible.map((row) => [
        row.id,
        {
          id: row.id,
          minorId: row.minorId,
          serviceId: row.serviceOrganisationId,
          openedBy: openers.get(row.id) ?? null,
          ...(row.serviceOrganisationId === sender.serviceId ? {} : { onlyTransferAcceptance: true }),
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
  writer: CaseWriter,
  decisions: CaseEventDecision[],
) {
  await saveCases(
    tx,
    [...state.touched.values()].map(({ summary, projection }) => ({
      id: summary.id,
      minorId: summary.minorId as string,
      serviceOrganisationId: summary.serviceId,
      // The row follows the projection: the last assignment, else who opened the case.
      assignedOperatorId: assignedOperatorOf(projection, summary.openedBy),
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
    writer.subject,
    accepted.map(
      (decision): AuditRecord => ({
        action: auditActionOf(decision.record.type),
        resourceType: "case",
        resourceId: decision.summary.id,
        minorPseudonym: pseudonyms.get(decision.summary.minorId as string) ?? null,
        purpose: "care",
        outcome: "success",
        details: {
          eventId: decision.record.id,
          type: decision.record.type,
          ...(decision.record.payload?.assignment
            ? { operatorId: decision.record.payload.assignment.operatorId }
            : {}),
        },
      }),
    ),
  );
}

function auditActionOf(type: string | null) {
  if (type === "case-opened") return "case.open";
  return type === "assignment" ? "case.assign" : "case.record";
}

function isRetryable(error: unknown): boolean {
  const code = (error as { code?: string })?.code ?? (error as { cause?: { code?: string } })?.cause?.code;
  return code === "40P01" || code === "23505" || code === "40001";
}
