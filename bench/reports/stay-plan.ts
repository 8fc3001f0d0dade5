/**
 * Ten years of placements, as a stationary process: admissions arrive every day at a steady rate
 * from six years before the ten (so the stock on the first day is already there), each child's
 * stays follow one another by transfer, stays last from weeks (emergency reception) to years, end
 * at 18 for most and run on to 21 for some ("prosieguo"). The rate is then thinned to the wanted
 * number of children present on an ordinary day. Only the stays that meet the ten years are kept.
 *
 * Pure: no database, no minor ids (children are drawn from the registry afterwards).
 */

import { firstDayOfMonth, isoOf, monthOf, sampler, seededRandom } from "./bulk.ts";
import type { SyntheticStructure } from "./synthetic-structures.ts";

export type PlannedStay = {
  structure: SyntheticStructure;
  admission: number;
  /** Day of discharge; null while the stay is open at `today`. */
  discharge: number | null;
  dischargeReason: string | null;
  dischargeDestination: string | null;
  origin: string;
  legalBasis: string;
  admissionKind: "planned" | "emergency";
  reasons: string[];
  /** Set on both stays when a child's next stay starts before the previous one ends (bad data). */
  overlaps: boolean;
};

export type PlannedChild = {
  /** Month number of birth (year × 12 + month − 1): the birthday is the first of the month. */
  birthMonth: number;
  msna: boolean;
  stays: PlannedStay[];
};

const ordinaryAges = [8, 4, 4, 3, 3, 3, 4, 4, 4, 4, 5, 6, 7, 8, 9, 10, 9, 6].map(
  (weight, age) => [age, weight] as const,
);
const msnaAges = [
  [17, 40],
  [16, 30],
  [15, 17],
  [14, 8],
  [13, 3],
  [12, 2],
] as const;
const ordinaryReasons = [
  ["project-completed", 50],
  ["transferred", 17],
  ["court-order", 15],
  ["ran-away", 5],
  ["other", 8],
] as const;
const msnaReasons = [
  ["project-completed", 45],
  ["transferred", 20],
  ["ran-away", 22],
  ["repatriated", 3],
  ["other", 10],
] as const;
const destinations: Record<string, readonly (readonly [string, number])[]> = {
  "project-completed": [
    ["family-of-origin", 50],
    ["foster-family", 25],
    ["pre-adoptive-family", 10],
    ["independent-living", 10],
    ["other", 5],
  ],
  "came-of-age": [
    ["independent-living", 60],
    ["family-of-origin", 25],
    ["other-residential", 10],
    ["unknown", 5],
  ],
  "court-order": [
    ["family-of-origin", 40],
    ["foster-family", 40],
    ["pre-adoptive-family", 20],
  ],
  transferred: [["other-residential", 1]],
  "ran-away": [["unknown", 1]],
  repatriated: [["repatriated", 1]],
  other: [
    ["health-facility", 40],
    ["other", 60],
  ],
};
const origins = [
  ["family-of-origin", 55],
  ["relatives", 8],
  ["foster-family", 10],
  ["health-facility", 6],
  ["juvenile-justice", 5],
  ["no-fixed-abode", 2],
  ["other", 6],
] as const;

export type StayPlanOptions = {
  structures: SyntheticStructure[];
  /** Day number of today: stays are open or closed as known today. */
  today: number;
  /** Children present on an ordinary day of the ten years. */
  present: number;
  /** Share of children admitted as unaccompanied foreign minors. */
  msnaShare?: number;
  seed?: number;
};

export function planStays(options: StayPlanOptions): { children: PlannedChild[]; meanPresent: number } {
  const random = seededRandom(options.seed ?? 11);
  const { pick, weighted, between, normal } = sampler(random);
  const { structures, today } = options;
  const windowStart = today - 3653;
  const start = windowStart - 6 * 365;
  const msnaShare = options.msnaShare ?? 0.16;
  // A slightly generous first rate (a child stays some 400 days in all), thinned below to the wanted stock.
  const rate = options.present / 380;

  const structureFor = (day: number, age: number, msna: boolean, avoid?: SyntheticStructure) => {
    for (let attempt = 0; attempt < 50; attempt++) {
      const candidate = pick(structures);
      if (candidate.opensOn > day || candidate === avoid) continue;
      if (random() * 14 > candidate.places) continue;
      const type = candidate.nationalType;
      if (type === "bambino-genitore" && age > 5) continue;
      if (type === "alloggio-alta-autonomia" && age < 16) continue;
      if (type === "pronta-accoglienza" && age < 6 && !msna) continue;
      return candidate;
    }
    return structures[0];
  };

  const children: PlannedChild[] = [];
  let carry = 0;
  for (let day = start; day <= today; day++) {
    carry += rate;
    for (; carry >= 1; carry--) {
      const msna = random() < msnaShare;
      const age = msna ? weighted(msnaAges) : weighted(ordinaryAges);
      const birthMonth = monthOf(isoOf(day)) - age * 12 - between(0, 11);
      const eighteen = firstDayOfMonth(birthMonth + 216);
      const twentyOne = firstDayOfMonth(birthMonth + 252) - 1;
      const prosieguo = random() < (msna ? 0.25 : 0.3);
      const child: PlannedChild = { birthMonth, msna, stays: [] };
      let admission = day;
      let previous: SyntheticStructure | undefined;
      let origin = msna ? "arrived-from-abroad" : weighted(origins);
      for (let position = 0; position < 5; position++) {
        const ageNow = Math.floor((admission - firstDayOfMonth(birthMonth)) / 365.25);
        const structure = structureFor(admission, ageNow, msna, previous);
        const short = structure.nationalType === "pronta-accoglienza";
        const length = short
          ? between(5, 120)
          : Math.max(7, Math.round(Math.exp(Math.log(420) + 0.85 * normal())));
        let discharge = admission + length;
        let reason: string = weighted(msna ? msnaReasons : ordinaryReasons);
        if (discharge > eighteen && (!prosieguo || admission >= eighteen - 30)) {
          discharge = Math.max(admission + 7, eighteen + between(0, 20));
          reason = "came-of-age";
        }
        if (discharge > twentyOne) {
          discharge = Math.max(admission + 1, twentyOne);
          reason = "came-of-age";
        }
        const legalBasis = msna
          ? "emergency-403"
          : weighted([
              ["judicial", 60],
              ["consensual", 25],
              ["emergency-403", 15],
            ] as const);
        const stay: PlannedStay = {
          structure,
          admission,
          discharge: discharge > today ? null : discharge,
          dischargeReason: discharge > today ? null : reason,
          dischargeDestination: discharge > today ? null : weighted(destinations[reason]),
          origin,
          legalBasis,
          admissionKind: short || legalBasis === "emergency-403" ? "emergency" : "planned",
          reasons: Array.from(new Set([String(between(1, 13)), String(between(1, 13))])),
          overlaps: false,
        };
        child.stays.push(stay);
        if (stay.discharge === null || reason !== "transferred") break;
        previous = structure;
        origin = "other-residential";
        admission = stay.discharge;
        // A few transfers are sent with the new admission before the old discharge: an overlap.
        if (random() < 0.02 && stay.discharge - stay.admission > 40) {
          admission = stay.discharge - between(1, 30);
          stay.overlaps = true;
        }
      }
      for (const [index, stay] of child.stays.entries()) {
        if (index > 0 && child.stays[index - 1].overlaps) stay.overlaps = true;
      }
      children.push(child);
    }
  }

  // Children present on forty days spread over the ten years (a child counts once a day).
  const sampleDays = Array.from(
    { length: 40 },
    (_, sample) => windowStart + Math.floor(((sample + 0.5) * (today - windowStart)) / 40),
  );
  const meanStock = (list: PlannedChild[]) => {
    let total = 0;
    const covered = new Set<number>();
    for (const child of list) {
      covered.clear();
      for (const stay of child.stays) {
        const end = stay.discharge ?? Number.POSITIVE_INFINITY;
        if (end <= sampleDays[0] || stay.admission > sampleDays[sampleDays.length - 1]) continue;
        for (const [sample, day] of sampleDays.entries())
          if (stay.admission <= day && end > day) covered.add(sample);
      }
      total += covered.size;
    }
    return total / sampleDays.length;
  };
  const keep = Math.min(1, options.present / meanStock(children));
  const kept = children
    .filter(() => random() < keep)
    .map((child) => ({
      ...child,
      stays: child.stays.filter((s) => s.discharge === null || s.discharge > windowStart),
    }))
    .filter((child) => child.stays.length > 0);
  return { children: kept, meanPresent: meanStock(kept) };
}
