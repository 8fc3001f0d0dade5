import { effectiveFacts } from "../pipeline/recorded-history.ts";
import type { MinorIdentity } from "../registry/minor-identity.ts";
import { ageOn, birthDateOfFiscalCode } from "./age.ts";
import { type EventProblem, eventProblem } from "./parse-stay-event.ts";
import { daysOf, isPresentOn, staysOverlap } from "./presence.ts";
import type { PendingMinorResolution, PlacesVersion, StaySummary } from "./stay-batch.types.ts";
import type { StayEvent } from "./stay-event.schema.ts";
import { isWithinStay, projectStay, type RecordedEvent, type StayProjection } from "./stay-projection.ts";

/** What the rules read of the other stays: the prepared state, as the earlier events left it. */
export interface StayView {
  /** The other stays of the same minor (every one of them). */
  otherStaysOf(minorId: string, stayId: string): StaySummary[];
  placesOn(structureId: string, day: string): PlacesVersion | undefined;
  /** Minors present in a structure on a day, but for one stay. */
  countPresent(structureId: string, day: string, excludingStayId: string): number;
}

/** An event the rules refuse, with the standard's codes. */
export class RuleRejection extends Error {
  constructor(readonly errors: EventProblem[]) {
    super("event rejected");
  }
}

type StayRuleInput = { event: StayEvent; structureId: string; stayId: string; events: RecordedEvent[] };

function reject(code: string, path: string, message?: string): never {
  throw new RuleRejection([eventProblem(code, path, message)]);
}

/** The other stays of a minor; none for a minor this very event creates. */
const othersOf =
  (view: StayView, resolution: PendingMinorResolution | undefined) => (minorId: string, stayId: string) =>
    resolution && resolution.outcome !== "linked" && resolution.minorId === minorId
      ? []
      : view.otherStaysOf(minorId, stayId);

/**
 * The stay rules of the standard, checked against the stay as it stands: one admission per stay,
 * one discharge, no discharge before the admission, corrections and voids of this stay's own events,
 * no return from an absence before it started; absences and activities outside the stay's days
 * are kept with a warning. The admission names its minor through the registry.
 */
export function checkEventAgainstStay(
  resolve: (identity: MinorIdentity) => PendingMinorResolution,
  context: { today: string },
  { event, events }: StayRuleInput,
): {
  minorId: string | null;
  pseudonym: string | null;
  warnings: EventProblem[];
  resolution?: PendingMinorResolution;
} {
  const current = projectStay(events);
  const warnings: EventProblem[] = [];
  const minorId = current.minorId;
  switch (event.type) {
    case "admission": {
      if (current.admission) reject("stay-exists", "/stayRef");
      if (current.discharge && current.discharge.date < event.occurredOn)
        reject("discharge-before-admission", "/occurredOn");
      const resolution = resolve(event.minor);
      if (resolution.outcome === "possible-duplicate")
        warnings.push(eventProblem("possible-duplicate-minor", "/minor"));
      // Version 1.1: an admission on days the minor is hosted elsewhere is accepted and both stays
      // are flagged (warningsAfterProjection), so that a transfer reported in any order works.
      const birthDate = event.minor.birthDate ?? birthDateOfFiscalCode(event.minor.fiscalCode, context.today);
      if (birthDate && ageOn(birthDate, event.occurredOn) >= 21)
        warnings.push(eventProblem("age-over-21", "/minor/birthDate"));
      return { minorId: resolution.minorId, pseudonym: resolution.pseudonym, warnings, resolution };
    }
    case "discharge": {
      if (current.discharge) reject("discharge-exists", "/type");
      if (current.admission && event.occurredOn < current.admission.date)
        reject("discharge-before-admission", "/occurredOn");
      if (!current.admission) warnings.push(eventProblem("waiting-for-admission", "/stayRef"));
      return { minorId, pseudonym: null, warnings };
    }
    case "correction": {
      const target = events.find((recorded) => recorded.id === event.corrects);
      const kind = event.admission ? "admission" : "discharge";
      if (!target || target.type !== kind) reject("unknown-stay", "/corrects");
      const admissionDate = kind === "admission" ? event.occurredOn : current.admission?.date;
      const dischargeDate = kind === "discharge" ? event.occurredOn : current.discharge?.date;
      if (admissionDate && dischargeDate && dischargeDate < admissionDate)
        reject("discharge-before-admission", "/occurredOn");
      return { minorId, pseudonym: null, warnings };
    }
    case "void": {
      if (!events.some((recorded) => recorded.id === event.voids)) reject("unknown-stay", "/voids");
      return { minorId, pseudonym: null, warnings };
    }
    default: {
      if (event.type === "absence-end") {
        const starts = effectiveFacts(events)
          .filter((recorded) => recorded.type === "absence-start")
          .map((recorded) => recorded.occurredOn);
        // It closes the latest absence started on or before its day: there must be one.
        if (starts.length > 0 && starts.every((day) => day > event.occurredOn))
          reject("absence-end-before-start", "/occurredOn");
      }
      if (!current.admission) warnings.push(eventProblem("waiting-for-admission", "/stayRef"));
      else if (!isWithinStay(current, event.occurredOn))
        warnings.push(eventProblem("outside-stay", "/occurredOn"));
      return { minorId, pseudonym: null, warnings };
    }
  }
}

/**
 * After the stay is recomputed: a stay that now overlaps another of the same minor (events that
 * arrived out of order) is accepted but flagged for correction, and places are counted.
 */
export function warningsAfterProjection(
  view: StayView,
  input: {
    structureId: string;
    stayId: string;
    projection: StayProjection;
    event: StayEvent;
    resolution?: PendingMinorResolution;
  },
): { warnings: EventProblem[]; hasOverlap: boolean } {
  const warnings: EventProblem[] = [];
  const { projection } = input;
  let hasOverlap = false;
  if (projection.minorId && projection.admission) {
    const days = daysOf(projection);
    const others = othersOf(view, input.resolution)(projection.minorId, input.stayId).filter((other) =>
      staysOverlap(days, other),
    );
    if (others.length > 0) {
      hasOverlap = true;
      warnings.push(eventProblem("overlapping-stay", "/occurredOn"));
    }
  }
  if (
    input.event.type === "admission" &&
    projection.admission &&
    isPresentOn(daysOf(projection), input.event.occurredOn)
  ) {
    const places = view.placesOn(input.structureId, input.event.occurredOn);
    // The stay being admitted is not saved yet: the others, plus this one.
    const present = view.countPresent(input.structureId, input.event.occurredOn, input.stayId) + 1;
    if (places && present > places.authorisedPlaces + places.emergencyExtraPlaces) {
      warnings.push(eventProblem("capacity-exceeded", "/structureCode"));
    }
  }
  return { warnings, hasOverlap };
}
