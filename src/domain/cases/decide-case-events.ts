import {
  type Acceptance,
  type EarlierFactOutcome,
  type FactDecision,
  type FactRecord,
  factDecider,
  type PreparedFact,
} from "../pipeline/decide-facts.ts";
import { decideInOrder } from "../pipeline/decide-in-order.ts";
import type { MinorIdentity } from "../registry/minor-identity.ts";
import type { CaseEventResult } from "./case-api.schema.ts";
import { decisionOrder } from "./case-batch-order.ts";
import type { CaseEvent } from "./case-event.schema.ts";
import { CaseRuleRejection, caseProblem } from "./case-problems.ts";
import {
  type CaseEventPayload,
  type CaseProjection,
  payloadOfCaseEvent,
  projectCase,
  type RecordedCaseEvent,
} from "./case-projection.ts";
import { type CaseSender, type CaseView, checkCaseEvent, type MinorResolution } from "./case-rules.ts";
import type { ParsedCaseEvent } from "./parse-case-event.ts";

/** A raw event once parsed and its digest computed (no database). */
export type PreparedCaseEvent = PreparedFact<ParsedCaseEvent>;

export type { CaseEventResult };

/** A case as the batch knows it. */
export type BatchCase = {
  id: string;
  minorId: string | null;
  serviceId: string;
  /** Who opened the case, its operator until the first assignment (null: the service's software). */
  openedBy: string | null;
  /** The service a pending transfer is addressed to may only accept it. */
  onlyTransferAcceptance?: boolean;
};

/** What an accepted event stores besides what every fact carries. */
type StoredCaseEvent = { caseId: string; occurredOn: string; minorId: string; payload: CaseEventPayload };

/** An event as it is stored: an accepted one with its content, a rejected one with its errors only. */
export type CaseEventRecord = FactRecord & Partial<StoredCaseEvent>;

export type EarlierCaseOutcome = EarlierFactOutcome<"caseId">;

/** Everything a batch can need, read by the shell before the first decision. */
export type CaseBatchState = {
  sender: CaseSender;
  recordedAt: string;
  view: CaseView;
  earlier: Map<string, EarlierCaseOutcome>;
  /** The cases the sender may write, with their accepted events. */
  cases: Map<string, BatchCase>;
  events: Map<string, RecordedCaseEvent[]>;
  /** Case ids that exist but that the sender may not see: they answer like unknown ones. */
  hiddenCaseIds: Set<string>;
  /** Open cases opened by this batch, for the one-open-case rule of the next events. */
  openedInBatch: { caseId: string; minorId: string; serviceId: string }[];
  lastArrival: number;
  records: CaseEventRecord[];
  /** Cases whose projection the batch changed. */
  touched: Map<string, { summary: BatchCase; projection: CaseProjection }>;
};

/** What an accepted event changes in the state, and what the shell audits. */
type CaseAcceptedEffects = {
  summary: BatchCase;
  recorded: RecordedCaseEvent;
  projection: CaseProjection;
  /** The registry's resolution of an opening by identity, committed with the event. */
  resolution?: MinorResolution;
};

export type CaseEventDecision = FactDecision<"caseId", StoredCaseEvent, CaseAcceptedEffects>;

/**
 * The case file's core: each event of a batch decided in request order against the prepared
 * state (idempotency, visibility, the case rules, the projection). Pure: the shell reads before
 * and writes after, as for the ASMI stay events.
 */
export const caseEventDecider = factDecider({
  target: "caseId",
  sender: (state: CaseBatchState) => state.sender,
  problem: (code, path) => caseProblem(code, path),
  accept: decideAccepted,
  refusal: (error) => (error instanceof CaseRuleRejection ? error.errors : undefined),
  applyAccepted(state, { summary, recorded, projection, resolution }) {
    resolution?.commit();
    state.lastArrival = recorded.arrival;
    state.cases.set(summary.id, summary);
    state.events.set(summary.id, [...(state.events.get(summary.id) ?? []), recorded]);
    state.touched.set(summary.id, { summary, projection });
    if (recorded.type === "case-opened" && summary.minorId)
      state.openedInBatch.push({
        caseId: summary.id,
        minorId: summary.minorId,
        serviceId: summary.serviceId,
      });
  },
});

export function decideCaseEvents(state: CaseBatchState, prepared: readonly PreparedCaseEvent[]) {
  return decideInOrder(caseEventDecider, state, prepared);
}

/**
 * The events of a request of the case interchange standard, decided in their dependency order
 * (case-batch-order.ts) so that the request's order does not matter; the decisions are
 * returned in the request's order.
 */
export function decideCaseEventsInAnyOrder(state: CaseBatchState, prepared: readonly PreparedCaseEvent[]) {
  const order = decisionOrder(prepared);
  const decisions = decideInOrder(
    caseEventDecider,
    state,
    order.map((index) => prepared[index]),
  );
  const byIndex: CaseEventDecision[] = new Array(prepared.length);
  order.forEach((index, at) => {
    byIndex[index] = decisions[at];
  });
  return byIndex;
}

/**
 * An opening by identity (the services' software): the registry resolves the minor, and the
 * event goes on naming it by its pseudonym, as an opening of the web app does; a correction of
 * the opening that names the case's own minor keeps the stored reference.
 */
function withResolvedMinor(
  state: CaseBatchState,
  event: CaseEvent,
  identity: MinorIdentity | undefined,
  summary: BatchCase,
  events: RecordedCaseEvent[],
): { event: CaseEvent; view: Pick<CaseView, "minorOfReference">; resolution?: MinorResolution } {
  const opening = "opening" in event ? event.opening : undefined;
  if (!identity || !opening || !state.view.resolveMinor) return { event, view: state.view };
  const resolution = state.view.resolveMinor(identity);
  const stored = projectCase(events).opening?.content.minorRef;
  const minorRef =
    event.type === "correction" && stored && resolution.minorId === summary.minorId
      ? stored
      : resolution.pseudonym;
  return {
    event: { ...event, opening: { ...opening, minorRef } } as CaseEvent,
    view: {
      minorOfReference: (ref) =>
        ref === resolution.pseudonym ? resolution.minorId : state.view.minorOfReference(ref),
    },
    resolution,
  };
}

function decideAccepted(
  state: CaseBatchState,
  sent: CaseEvent,
  _digest: string,
  parsed: { identity?: MinorIdentity },
): Acceptance<StoredCaseEvent, CaseAcceptedEffects> {
  const { sender } = state;
  let event = sent;
  if (state.hiddenCaseIds.has(event.caseId))
    throw new CaseRuleRejection([caseProblem("unknown-case", "/caseId")]);
  const existing = state.cases.get(event.caseId);
  if (
    (!existing && event.type !== "case-opened") ||
    (existing?.onlyTransferAcceptance && event.type !== "transfer-accepted")
  )
    throw new CaseRuleRejection([caseProblem("unknown-case", "/caseId")]);
  const summary: BatchCase = existing ?? {
    id: event.caseId,
    minorId: null,
    serviceId: sender.serviceId,
    openedBy: sender.kind === "user" ? sender.id : null,
  };
  const events = state.events.get(summary.id) ?? [];
  const resolved = withResolvedMinor(state, event, parsed.identity, summary, events);
  event = resolved.event;
  const view: CaseView = {
    ...state.view,
    minorOfReference: (ref) => resolved.view.minorOfReference(ref),
    minorOfStay: (stayId) => state.view.minorOfStay(stayId),
    countOpenCases: (minorId, serviceId, exceptCaseId) =>
      state.view.countOpenCases(minorId, serviceId, exceptCaseId) +
      state.openedInBatch.filter(
        (opened) =>
          opened.minorId === minorId &&
          opened.serviceId === serviceId &&
          opened.caseId !== exceptCaseId &&
          projectCase(state.events.get(opened.caseId) ?? []).status === "open",
      ).length,
  };
  const { minorId } = checkCaseEvent(view, sender, {
    event,
    caseId: summary.id,
    caseMinorId: summary.minorId,
    serviceId: summary.serviceId,
    events,
    openedBy: summary.openedBy,
  });
  const payload = payloadOfCaseEvent(event);
  const recorded: RecordedCaseEvent = {
    ...payload,
    id: event.id,
    type: event.type,
    occurredOn: event.occurredOn,
    arrival: state.lastArrival + 1,
    recordedAt: state.recordedAt,
  };
  const projection = projectCase([...events, recorded]);
  const warnings =
    event.type === "case-opened" && resolved.resolution?.outcome === "possible-duplicate"
      ? [caseProblem("possible-duplicate-minor", "/opening/minor")]
      : [];
  return {
    target: summary.id,
    warnings,
    stored: { caseId: summary.id, occurredOn: event.occurredOn, minorId, payload },
    effects: {
      summary: { ...summary, minorId },
      recorded,
      projection,
      ...(resolved.resolution ? { resolution: resolved.resolution } : {}),
    },
  };
}
