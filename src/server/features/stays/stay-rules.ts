import type { MinorIdentity } from "../../../domain/registry/minor-identity.ts";
import { ageOn, birthDateOfFiscalCode } from "../../../domain/stays/age.ts";
import { type EventProblem, eventProblem } from "../../../domain/stays/parse-stay-event.ts";
import { daysOf, isPresentOn } from "../../../domain/stays/presence.ts";
import type { StayEvent } from "../../../domain/stays/stay-event.schema.ts";
import {
  projectStay,
  type RecordedEvent,
  type StayProjection,
} from "../../../domain/stays/stay-projection.ts";
import { addDays } from "../../../domain/time/calendar.ts";
import type { Resolution } from "../registry/candidate-comparison.ts";

/**
 * What the rules read of the other stays: the database as the earlier events of the batch left
 * it. Asking for a minor's stays takes the minor's lock first (one writer per minor at a time).
 */
export interface StayView {
  /** Other stays of the same minor whose presence period meets [from, to). */
  overlapping(
    minorId: string,
    stayId: string,
    from: string,
    to: string | null,
  ): Promise<
    { id: string; structureId: string; admissionDate: string | null; dischargeDate: string | null }[]
  >;
  placesOn(
    structureId: string,
    day: string,
  ): Promise<{ authorisedPlaces: number; emergencyExtraPlaces: number } | undefined>;
  /** Minors present in a structure on a day, but for one stay. */
  countPresent(structureId: string, day: string, excludingStayId: string): Promise<number>;
}

class RuleRejection extends Error {
  constructor(readonly errors: EventProblem[]) {
    super("event rejected");
  }
}

export { RuleRejection };

type Input = { event: StayEvent; structureId: string; stayId: string; events: RecordedEvent[] };

function reject(code: string, path: string, message?: string): never {
  throw new RuleRejection([eventProblem(code, path, message)]);
}

/**
 * The stay rules of the standard, checked against the stay as it stands: one admission per stay,
 * no discharge before the admission, corrections and voids of this stay's own events, one open
 * stay per minor at a time. The admission names its minor through the registry.
 */
export async function checkEventAgainstStay(
  view: StayView,
  resolve: (identity: MinorIdentity) => Resolution,
  context: { today: string },
  { event, stayId, events }: Input,
): Promise<{ minorId: string | null; pseudonym: string | null; warnings: EventProblem[] }> {
  const current = projectStay(events);
  const warnings: EventProblem[] = [];
  let minorId = current.minorId;
  let pseudonym: string | null = null;
  switch (event.type) {
    case "admission": {
      if (current.admission) reject("stay-exists", "/stayRef");
      if (current.discharge && current.discharge.date < event.occurredOn)
        reject("discharge-before-admission", "/occurredOn");
      const resolved = resolve(event.minor);
      minorId = resolved.minorId;
      pseudonym = resolved.pseudonym;
      if (resolved.outcome === "possible-duplicate")
        warnings.push(eventProblem("possible-duplicate-minor", "/minor", undefined));
      const elsewhere = await view.overlapping(
        minorId,
        stayId,
        event.occurredOn,
        addDays(event.occurredOn, 1),
      );
      if (elsewhere.length > 0) reject("overlapping-stay", "/occurredOn");
      const birthDate = event.minor.birthDate ?? birthDateOfFiscalCode(event.minor.fiscalCode, context.today);
      if (birthDate && ageOn(birthDate, event.occurredOn) >= 21)
        warnings.push(eventProblem("age-over-21", "/minor/birthDate", undefined));
      return { minorId, pseudonym, warnings };
    }
    case "discharge": {
      if (current.discharge) {
        reject(
          "stay-exists",
          "/type",
          "La dimissione di questa accoglienza è già registrata: inviare una rettifica.",
        );
      }
      if (current.admission && event.occurredOn < current.admission.date)
        reject("discharge-before-admission", "/occurredOn");
      if (!current.admission) warnings.push(eventProblem("waiting-for-admission", "/stayRef", undefined));
      return { minorId, pseudonym, warnings };
    }
    case "correction": {
      const target = events.find((recorded) => recorded.id === event.corrects);
      const kind = event.admission ? "admission" : "discharge";
      if (!target || target.type !== kind) reject("unknown-stay", "/corrects");
      const admissionDate = kind === "admission" ? event.occurredOn : current.admission?.date;
      const dischargeDate = kind === "discharge" ? event.occurredOn : current.discharge?.date;
      if (admissionDate && dischargeDate && dischargeDate < admissionDate)
        reject("discharge-before-admission", "/occurredOn");
      return { minorId, pseudonym, warnings };
    }
    case "void": {
      if (!events.some((recorded) => recorded.id === event.voids)) reject("unknown-stay", "/voids");
      return { minorId, pseudonym, warnings };
    }
    default: {
      if (!current.admission) warnings.push(eventProblem("waiting-for-admission", "/stayRef", undefined));
      return { minorId, pseudonym, warnings };
    }
  }
}

/**
 * After the stay is recomputed: a stay that now overlaps another of the same minor (events that
 * arrived out of order) is accepted but flagged for correction, and places are counted.
 */
export async function warningsAfterProjection(
  view: StayView,
  input: { structureId: string; stayId: string; projection: StayProjection; event: StayEvent; today: string },
): Promise<{ warnings: EventProblem[]; hasOverlap: boolean }> {
  const warnings: EventProblem[] = [];
  const { projection } = input;
  let hasOverlap = false;
  if (projection.minorId && projection.admission) {
    const others = await view.overlapping(
      projection.minorId,
      input.stayId,
      projection.admission.date,
      projection.discharge?.date ?? null,
    );
    if (others.length > 0) {
      hasOverlap = true;
      warnings.push(
        eventProblem(
          "overlapping-stay",
          "/occurredOn",
          "L'accoglienza si sovrappone a un'altra dello stesso minore: va rettificata.",
        ),
      );
    }
  }
  if (
    input.event.type === "admission" &&
    projection.admission &&
    isPresentOn(daysOf(projection), input.event.occurredOn)
  ) {
    const places = await view.placesOn(input.structureId, input.event.occurredOn);
    // The stay being admitted is not saved yet: the others, plus this one.
    const present = (await view.countPresent(input.structureId, input.event.occurredOn, input.stayId)) + 1;
    if (places && present > places.authorisedPlaces + places.emergencyExtraPlaces) {
      warnings.push(eventProblem("capacity-exceeded", "/structureCode", undefined));
    }
  }
  return { warnings, hasOverlap };
}
