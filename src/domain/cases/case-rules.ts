import type { MinorIdentity } from "../registry/minor-identity.ts";
import { type CaseEvent, contentKeysOf, correctableContent } from "./case-event.schema.ts";
import { rejectCaseEvent } from "./case-problems.ts";
import {
  assignedOperatorOf,
  type CaseProjection,
  projectCase,
  type RecordedCaseEvent,
} from "./case-projection.ts";

/** A registry resolution decided in memory: it takes effect only once committed (the event accepted). */
export type MinorResolution = {
  minorId: string;
  pseudonym: string;
  outcome: "linked" | "created" | "possible-duplicate";
  commit(): void;
};

/** What the rules read beyond the case itself: the prepared state, as the earlier events left it. */
export interface CaseView {
  /**
   * The minor an identity names (the services' software opens cases by identity), resolved as
   * the admissions are; absent where no event carries an identity (the web app).
   */
  resolveMinor?(identity: MinorIdentity): MinorResolution;
  /** The minor a pseudonym names (the registry's exact search returned it), once merges are followed. */
  minorOfReference(minorRef: string): string | undefined;
  /** How many open cases the minor has at this service, but this one. */
  countOpenCases(minorId: string, serviceId: string, exceptCaseId: string): number;
  /** The minor of an ASMI stay; undefined when there is no such stay. */
  minorOfStay(stayId: string): string | null | undefined;
  /** Whether a user is an active person of the writing service with a role that works on cases. */
  isCaseOperator(userId: string): boolean;
}

/**
 * The service writing: its organisation and code, and whether the writer may assign the
 * service's cases to its operators (the service manager).
 */
export type CaseSender = {
  kind: "user" | "client";
  id: string;
  serviceId: string;
  serviceCode: string;
  canAssign: boolean;
};

type CaseRuleInput = {
  event: CaseEvent;
  caseId: string;
  caseMinorId: string | null;
  serviceId: string;
  events: RecordedCaseEvent[];
  /** Who opened the case (its operator until the first assignment); null for the service's software. */
  openedBy: string | null;
};

const mayFollowClosure = new Set<CaseEvent["type"]>(["correction", "void"]);

/**
 * The case file's rules, checked against the case as it stands: one opening, one open case per
 * minor per service, nothing before the opening, nothing after the closure but corrections and
 * voids, a closure with its reason and situation, ends after their starts, corrections of the
 * same kind of content, placements of the case's own minor, transfers to another service.
 * Returns the case's minor; throws a CaseRuleRejection with a stable code.
 */
export function checkCaseEvent(
  view: CaseView,
  sender: CaseSender,
  input: CaseRuleInput,
): { minorId: string } {
  const { event, events } = input;
  const current = projectCase(events);
  if (event.type === "case-opened") {
    if (current.opening) rejectCaseEvent("case-exists", "/type");
    const minorId = view.minorOfReference(event.opening.minorRef);
    if (!minorId) rejectCaseEvent("unknown-minor", "/opening/minorRef");
    if (view.countOpenCases(minorId, input.serviceId, input.caseId) > 0)
      rejectCaseEvent("open-case-exists", "/opening/minorRef");
    return { minorId };
  }
  if (!current.opening || !input.caseMinorId) rejectCaseEvent("case-not-opened", "/caseId");
  const minorId = input.caseMinorId;
  if (event.occurredOn < current.opening.date) rejectCaseEvent("before-opening", "/occurredOn");
  if (touchesAssignment(event, events)) checkAssignment(view, sender, current, event, input.openedBy);
  if (current.closure && event.occurredOn > current.closure.date && !mayFollowClosure.has(event.type))
    rejectCaseEvent("case-closed", "/occurredOn");
  switch (event.type) {
    case "closure":
      if (current.closure) rejectCaseEvent("case-already-closed", "/type");
      if (!event.closure.reason || !event.closure.situation)
        rejectCaseEvent("closure-incomplete", "/closure");
      break;
    case "intervention-end": {
      const start = current.interventions.find((item) => item.eventId === event.interventionStart);
      if (!start) rejectCaseEvent("unknown-event", "/interventionStart");
      if (start.to !== null) rejectCaseEvent("already-ended", "/interventionStart");
      if (event.occurredOn < start.from) rejectCaseEvent("end-before-start", "/occurredOn");
      break;
    }
    case "foster-care-start":
      if (current.fosterCare.some((episode) => episode.to === null))
        rejectCaseEvent("foster-care-open", "/type");
      break;
    case "foster-care-end": {
      const start = current.fosterCare.find((episode) => episode.eventId === event.fosterCareStart);
      if (!start) rejectCaseEvent("unknown-event", "/fosterCareStart");
      if (start.to !== null) rejectCaseEvent("already-ended", "/fosterCareStart");
      if (event.occurredOn < start.date) rejectCaseEvent("end-before-start", "/occurredOn");
      break;
    }
    case "placement":
      if (view.minorOfStay(event.placement.stayId) !== minorId)
        rejectCaseEvent("unknown-stay", "/placement/stayId");
      break;
    case "transfer-requested":
      if (current.transfer && current.transfer.acceptedOn === null)
        rejectCaseEvent("transfer-pending", "/type");
      if (event.transfer.toServiceCode === sender.serviceCode)
        rejectCaseEvent("transfer-to-self", "/transfer/toServiceCode");
      break;
    case "transfer-accepted":
      if (!current.transfer || current.transfer.acceptedOn !== null)
        rejectCaseEvent("transfer-not-requested", "/type");
      if (current.transfer.toServiceCode !== sender.serviceCode)
        rejectCaseEvent("transfer-not-addressed", "/type");
      break;
    case "correction":
      checkCorrection(current, event, events);
      break;
    case "void": {
      const target = events.find((recorded) => recorded.id === event.voids);
      if (!target) rejectCaseEvent("unknown-event", "/voids");
      if (target.type === "case-opened") rejectCaseEvent("opening-not-voidable", "/voids");
      break;
    }
    default:
      break;
  }
  return { minorId };
}

/** An assignment, or a correction or void of one: the service manager's alone. */
function touchesAssignment(event: CaseEvent, events: RecordedCaseEvent[]): boolean {
  if (event.type === "assignment") return true;
  const target = event.type === "void" ? event.voids : event.type === "correction" ? event.corrects : null;
  return (
    target !== null && events.some((recorded) => recorded.id === target && recorded.type === "assignment")
  );
}

function checkAssignment(
  view: CaseView,
  sender: CaseSender,
  current: CaseProjection,
  event: CaseEvent,
  openedBy: string | null,
) {
  if (sender.kind === "client") rejectCaseEvent("assignment-not-for-clients", "/type");
  if (!sender.canAssign) rejectCaseEvent("assignment-manager-only", "/type");
  if (current.closure) rejectCaseEvent("closed-case-not-assignable", "/type");
  const operatorId = "assignment" in event ? event.assignment?.operatorId : undefined;
  if (operatorId === undefined) return;
  if (!view.isCaseOperator(operatorId)) rejectCaseEvent("unknown-operator", "/assignment/operatorId");
  if (event.type === "assignment" && operatorId === assignedOperatorOf(current, openedBy))
    rejectCaseEvent("already-assigned", "/assignment/operatorId");
}

function checkCorrection(
  current: CaseProjection,
  event: Extract<CaseEvent, { type: "correction" }>,
  events: RecordedCaseEvent[],
) {
  const target = events.find((recorded) => recorded.id === event.corrects);
  if (!target || !Object.hasOwn(correctableContent, target.type))
    rejectCaseEvent("unknown-event", "/corrects");
  const expected = correctableContent[target.type as keyof typeof correctableContent];
  const keys = contentKeysOf(event);
  if (keys.length !== 1 || keys[0] !== expected) rejectCaseEvent("correction-mismatch", "/corrects");
  if (event.opening && current.opening && event.opening.minorRef !== current.opening.content.minorRef)
    rejectCaseEvent("minor-not-changeable", "/opening/minorRef");
  if (event.closure && (!event.closure.reason || !event.closure.situation))
    rejectCaseEvent("closure-incomplete", "/closure");
  if (target.type !== "case-opened" && current.opening && event.occurredOn < current.opening.date)
    rejectCaseEvent("before-opening", "/occurredOn");
  if (target.type === "foster-care-start") {
    const episode = current.fosterCare.find((item) => item.eventId === target.id);
    if (episode?.to && episode.to < event.occurredOn) rejectCaseEvent("end-before-start", "/occurredOn");
  }
  if (target.type === "intervention-start") {
    const intervention = current.interventions.find((item) => item.eventId === target.id);
    if (intervention?.to && intervention.to < event.occurredOn)
      rejectCaseEvent("end-before-start", "/occurredOn");
  }
}
