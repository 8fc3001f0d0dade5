import type { SinbaEsitoAffido } from "../code-lists/sinba-codes.ts";
import { effectiveFacts, knownAt, type RecordedFact } from "../pipeline/recorded-history.ts";
import type {
  CaseContent,
  CaseEvent,
  CaseEventType,
  ContentKey,
  correctableContent,
} from "./case-event.schema.ts";

/** What is kept of a case event besides its envelope. */
export type CaseEventPayload = Partial<CaseContent> & {
  interventionStart?: string;
  fosterCareStart?: string;
  outcome?: SinbaEsitoAffido;
  placement?: { stayId: string };
  transfer?: { toServiceCode: string };
  reason?: string;
};

/** An accepted case event as stored. */
export type RecordedCaseEvent = RecordedFact & {
  type: CaseEventType;
  occurredOn: string;
} & CaseEventPayload;

type Dated<Content> = { eventId: string; date: string; content: Content };

export type CaseProjection = {
  status: "empty" | "open" | "closed";
  opening: Dated<NonNullable<CaseContent["opening"]>> | null;
  situation: Dated<NonNullable<CaseContent["situation"]>> | null;
  family: Dated<NonNullable<CaseContent["family"]>> | null;
  /** Every assessment, oldest first: the last one is the current one. */
  assessments: Dated<NonNullable<CaseContent["assessment"]>>[];
  measures: Dated<NonNullable<CaseContent["measure"]>>[];
  interventions: { eventId: string; code: string; from: string; to: string | null }[];
  fosterCare: (Dated<NonNullable<CaseContent["fosterCare"]>> & {
    to: string | null;
    outcome: SinbaEsitoAffido | null;
  })[];
  placements: { eventId: string; stayId: string; from: string }[];
  transfer: { eventId: string; requestedOn: string; toServiceCode: string; acceptedOn: string | null } | null;
  closure: Dated<NonNullable<CaseContent["closure"]>> | null;
  /** The service manager's assignments, by day then arrival: the last one names the case's operator. */
  assignments: { eventId: string; operatorId: string; from: string }[];
};

/**
 * The operator a case is assigned to: the last assignment's, or, before any, the person who
 * opened it (none for a case opened by the service's software).
 */
export function assignedOperatorOf(
  projection: Pick<CaseProjection, "assignments">,
  openedBy: string | null,
): string | null {
  return projection.assignments?.at(-1)?.operatorId ?? openedBy;
}

/** The day of the fact, then arrival: the order of facts within a case. */
export function compareCaseEvents(a: RecordedCaseEvent, b: RecordedCaseEvent): number {
  if (a.occurredOn !== b.occurredOn) return a.occurredOn < b.occurredOn ? -1 : 1;
  return a.arrival - b.arrival;
}

/** What an event keeps of itself once recorded: its content, without the envelope. */
export function payloadOfCaseEvent(event: CaseEvent): CaseEventPayload {
  const { id: _id, type: _type, caseId: _caseId, occurredOn: _occurredOn, ...payload } = event;
  return payload as CaseEventPayload;
}

/**
 * A case is a pure function of its accepted events: the order they arrived in does not matter
 * (beyond the tie-break of same-day facts), corrections replace content and date, voids remove.
 * With `asOf`, only what was recorded by then counts ("as known at").
 */
export function projectCase(all: RecordedCaseEvent[], asOf?: string): CaseProjection {
  const events = effectiveFacts(knownAt(all, asOf)).sort(compareCaseEvents);
  const corrections = events.filter((event) => event.type === "correction");
  function dated<Key extends ContentKey>(event: RecordedCaseEvent, key: Key) {
    const correction = corrections.filter((c) => c.corrects === event.id && c[key] !== undefined).at(-1);
    const source = correction ?? event;
    return {
      eventId: event.id,
      date: source.occurredOn,
      content: source[key] as NonNullable<CaseContent[Key]>,
    };
  }
  const first = (type: keyof typeof correctableContent) => events.find((event) => event.type === type);
  const all_ = (type: CaseEventType) => events.filter((event) => event.type === type);
  const byDate = <Item extends { date: string }>(items: Item[]) =>
    items.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const latest = <Key extends ContentKey>(type: keyof typeof correctableContent, key: Key) =>
    byDate(all_(type).map((event) => dated(event, key))).at(-1) ?? null;

  const openingEvent = first("case-opened");
  const closureEvent = first("closure");
  const interventionEnds = all_("intervention-end");
  const fosterEnds = all_("foster-care-end");
  const transferRequest = all_("transfer-requested").at(-1);
  const acceptance = transferRequest
    ? all_("transfer-accepted").find((event) => compareCaseEvents(event, transferRequest) > 0)
    : undefined;

  const opening = openingEvent ? dated(openingEvent, "opening") : null;
  return {
    status: opening ? (closureEvent ? "closed" : "open") : "empty",
    opening,
    situation: latest("situation", "situation"),
    family: latest("family", "family"),
    assessments: byDate(all_("assessment").map((event) => dated(event, "assessment"))),
    measures: byDate(all_("judicial-measure").map((event) => dated(event, "measure"))),
    interventions: all_("intervention-start").map((event) => {
      const start = dated(event, "intervention");
      const end = interventionEnds.find((candidate) => candidate.interventionStart === event.id);
      return { eventId: event.id, code: start.content.code, from: start.date, to: end?.occurredOn ?? null };
    }),
    fosterCare: all_("foster-care-start").map((event) => {
      const end = fosterEnds.find((candidate) => candidate.fosterCareStart === event.id);
      return { ...dated(event, "fosterCare"), to: end?.occurredOn ?? null, outcome: end?.outcome ?? null };
    }),
    placements: all_("placement").map((event) => ({
      eventId: event.id,
      stayId: event.placement?.stayId ?? "",
      from: event.occurredOn,
    })),
    transfer: transferRequest
      ? {
          eventId: transferRequest.id,
          requestedOn: transferRequest.occurredOn,
          toServiceCode: transferRequest.transfer?.toServiceCode ?? "",
          acceptedOn: acceptance?.occurredOn ?? null,
        }
      : null,
    closure: closureEvent ? dated(closureEvent, "closure") : null,
    assignments: byDate(all_("assignment").map((event) => dated(event, "assignment"))).map((item) => ({
      eventId: item.eventId,
      operatorId: item.content.operatorId,
      from: item.date,
    })),
  };
}
