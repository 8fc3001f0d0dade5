import { AppError } from "../errors/app-error.ts";
import { ageOn } from "../stays/age.ts";
import type { PlacementNeeds, PlacementRequestState, StructureTarget } from "./placement-request.schema.ts";

/** A structure as the fit is judged on a day: its target, its national type, its zone, its free places. */
export type PlaceCandidate = {
  target: StructureTarget;
  nationalType: string;
  zoneCode: string | null;
  free: number;
};

export type FitNeeds = Pick<
  PlacementNeeds,
  "age" | "sex" | "msna" | "motherWithChild" | "zone" | "nationalType"
>;

/**
 * Whether a structure's target takes in the child: the age within its range (an unknown age does
 * not exclude), a structure for one sex only takes that sex, an MSNA only where MSNA are taken in,
 * a child with the mother only where mothers with children are; the wished zone and national type
 * when given.
 */
export function fitsNeeds(candidate: Omit<PlaceCandidate, "free">, needs: FitNeeds): boolean {
  const { target } = candidate;
  if (needs.age !== null && (needs.age < target.minAge || needs.age > target.maxAge)) return false;
  if (target.sex !== "any" && target.sex !== needs.sex) return false;
  if (needs.msna && !target.msna) return false;
  if (needs.motherWithChild && !target.motherWithChild) return false;
  if (needs.zone !== null && candidate.zoneCode !== needs.zone) return false;
  if (needs.nationalType !== null && candidate.nationalType !== needs.nationalType) return false;
  return true;
}

/** A place fitted to the child: the target fits and there is room on the day. */
export function isFittedPlace(candidate: PlaceCandidate, needs: FitNeeds): boolean {
  return candidate.free > 0 && fitsNeeds(candidate, needs);
}

type Sortable = { zoneName: string | null; free: number; name: string };

/** By zone (structures without one last), then the most free places first, then by name. */
export function compareFittedPlaces(left: Sortable, right: Sortable): number {
  if (left.zoneName !== right.zoneName) {
    if (left.zoneName === null) return 1;
    if (right.zoneName === null) return -1;
    const byZone = left.zoneName.localeCompare(right.zoneName, "it");
    if (byZone !== 0) return byZone;
  }
  return right.free - left.free || left.name.localeCompare(right.name, "it");
}

export type PlacementDecision = "accept" | "decline" | "withdraw";

const decided: Record<PlacementDecision, PlacementRequestState> = {
  accept: "accepted",
  decline: "declined",
  withdraw: "withdrawn",
};

/**
 * sent → accepted | declined | withdrawn; a decided request is closed. The same decision again
 * is not a change either: the caller is told the request is closed.
 */
export function nextPlacementState(state: PlacementRequestState, decision: PlacementDecision) {
  if (state !== "sent")
    throw new AppError(
      "placement-request-closed",
      `La richiesta di inserimento è già ${closedLabels[state]}: non può più essere ${actionLabels[decision]}.`,
    );
  return decided[decision];
}

const closedLabels: Record<Exclude<PlacementRequestState, "sent">, string> = {
  accepted: "stata accettata",
  declined: "stata rifiutata",
  withdrawn: "stata ritirata",
};
const actionLabels: Record<PlacementDecision, string> = {
  accept: "accettata",
  decline: "rifiutata",
  withdraw: "ritirata",
};

/** Age in completed years from the month of birth only: the youngest the child may be that day. */
export function ageFromBirthMonth(birthYearMonth: string, day: string): number {
  const [birthYear, birthMonth] = birthYearMonth.split("-").map(Number);
  const [year, month] = day.split("-").map(Number);
  return year - birthYear - (month <= birthMonth ? 1 : 0);
}

/**
 * The child's age on the day for the search: in completed years from the birth date, as reports
 * count it; from the month of birth only for a record still without its birth date.
 */
export function ageForPlacement(
  child: { birthDate: string | null; birthYearMonth: string | null },
  day: string,
): number | null {
  if (child.birthDate) return ageOn(child.birthDate, day);
  return child.birthYearMonth ? ageFromBirthMonth(child.birthYearMonth, day) : null;
}
