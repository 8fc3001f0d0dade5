import { decideInOrder, type PreparedStateDecider } from "../pipeline/decide-in-order.ts";
import type { MinorIdentity } from "../registry/minor-identity.ts";
import { decisionOrder } from "./case-batch-order.ts";
import type { CaseEvent } from "./case-event.schema.ts";
import { type CaseProblem, CaseRuleRejection, caseProblem } from "./case-problems.ts";
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
export type PreparedCaseEvent = { parsed: ParsedCaseEvent; id: string | null; digest: string | null };

/** The outcome of one event, as its sender is told. */
export type CaseEventResult = {
  id: string;
  status: "accepted" | "duplicate" | "rejected";
  warnings: CaseProblem[];
  errors: CaseProblem[];
  caseId?: string;
};

/** A case as the batch knows it. */
export type CaseSummary = {
  id: string;
  minorId: string | null;
  serviceId: string;
  /** The service a pending transfer is addressed to may only accept it. */
  onlyTransferAcceptance?: boolean;
};

/** An event as it is stored: an accepted one with its content, a rejected one with its errors only. */
export type CaseEventRecord = {
  id: string;
  sourceKind: string;
  sourceId: string;
  contentDigest: string;
  status: "accepted" | "rejected";
  type: string | null;
  caseId?: string;
  occurredOn?: string;
  minorId?: string;
  payload?: CaseEventPayload;
  warnings: CaseProblem[];
  errors: CaseProblem[];
};

export type EarlierCaseOutcome = {
  contentDigest: string;
  sourceId: string;
  warnings: CaseProblem[];
  errors: CaseProblem[];
  caseId: string | null;
};

/** Everything a batch can need, read by the shell before the first decision. */
export type CaseBatchState = {
  sender: CaseSender;
  recordedAt: string;
  view: CaseView;
  earlier: Map<string, EarlierCaseOutcome>;
  /** The cases the sender may write, with their accepted events. */
  cases: Map<string, CaseSummary>;
  events: Map<string, RecordedCaseEvent[]>;
  /** Case ids that exist but that the sender may not see: they answer like unknown ones. */
  hiddenCaseIds: Set<string>;
  /** Open cases opened by this batch, for the one-open-case rule of the next events. */
  openedInBatch: { caseId: string; minorId: string; serviceId: string }[];
  lastArrival: number;
  records: CaseEventRecord[];
  /** Cases whose projection the batch changed. */
  touched: Map<string, { summary: CaseSummary; projection: CaseProjection }>;
};

export type CaseEventDecision =
  | { kind: "answered"; result: CaseEventResult }
  | { kind: "rejected"; result: CaseEventResult; record: CaseEventRecord }
  | {
      kind: "accepted";
      result: CaseEventResult;
      record: CaseEventRecord;
      summary: CaseSummary;
      recorded: RecordedCaseEvent;
      projection: CaseProjection;
      /** The registry's resolution of an opening by identity, committed with the event. */
      resolution?: MinorResolution;
    };

/**
 * The case file's core: each event of a batch decided in request order against the prepared
 * state (idempotency, visibility, the case rules, the projection). Pure: the shell reads before
 * and writes after, as for the ASMI stay events.
 */
export const caseEventDecider: PreparedStateDecider<CaseBatchState, PreparedCaseEvent, CaseEventDecision> = {
  decide(state, { parsed, id, digest }) {
    if (!id || digest === null) {
      const errors = parsed.ok ? [] : parsed.errors;
      return { kind: "answered", result: { id: id ?? "", status: "rejected", warnings: [], errors } };
    }
    const known = state.earlier.get(id);
    if (known) {
      if (known.contentDigest === digest && known.sourceId === state.sender.id)
        return {
          kind: "answered",
          result: {
            id,
            status: "duplicate",
            warnings: known.warnings,
            errors: known.errors,
            caseId: known.caseId ?? undefined,
          },
        };
      return {
        kind: "answered",
        result: { id, status: "rejected", warnings: [], errors: [caseProblem("id-reused", "/id")] },
      };
    }
    const rejected = (errors: CaseProblem[]): CaseEventDecision => ({
      kind: "rejected",
      result: { id, status: "rejected", warnings: [], errors },
      record: {
        id,
        sourceKind: state.sender.kind,
        sourceId: state.sender.id,
        contentDigest: digest,
        status: "rejected",
        type: parsed.ok ? parsed.event.type : parsed.type,
        errors,
        warnings: [],
      },
    });
    if (!parsed.ok) return rejected(parsed.errors);
    try {
      return decideAccepted(state, parsed.event, digest, parsed.identity);
    } catch (error) {
      if (error instanceof CaseRuleRejection) return rejected(error.errors);
      throw error;
    }
  },

  apply(state, decision) {
    if (decision.kind === "answered") return;
    const { result, record } = decision;
    state.records.push(record);
    state.earlier.set(result.id, {
      contentDigest: record.contentDigest,
      sourceId: record.sourceId,
      warnings: result.warnings,
      errors: result.errors,
      caseId: result.caseId ?? null,
    });
    if (decision.kind === "rejected") return;
    const { summary, recorded, projection } = decision;
    decision.resolution?.commit();
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
};

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
  summary: CaseSummary,
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
  digest: string,
  identity?: MinorIdentity,
): CaseEventDecision {
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
  const summary: CaseSummary = existing ?? { id: event.caseId, minorId: null, serviceId: sender.serviceId };
  const events = state.events.get(summary.id) ?? [];
  const resolved = withResolvedMinor(state, event, identity, summary, events);
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
    kind: "accepted",
    result: { id: event.id, status: "accepted", warnings, errors: [], caseId: summary.id },
    record: {
      id: event.id,
      sourceKind: sender.kind,
      sourceId: sender.id,
      contentDigest: digest,
      status: "accepted",
      type: event.type,
      caseId: summary.id,
      occurredOn: event.occurredOn,
      minorId,
      payload,
      warnings,
      errors: [],
    },
    summary: { ...summary, minorId },
    recorded,
    projection,
    ...(resolved.resolution ? { resolution: resolved.resolution } : {}),
  };
}
