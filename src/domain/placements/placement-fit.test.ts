import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AppError } from "../errors/app-error.ts";
import { ageOn } from "../stays/age.ts";
import {
  ageForPlacement,
  ageFromBirthMonth,
  compareFittedPlaces,
  type FitNeeds,
  fitsNeeds,
  isFittedPlace,
  nextPlacementState,
  type PlaceCandidate,
} from "./placement-fit.ts";
import type { PlacementRequestState } from "./placement-request.schema.ts";

const community: PlaceCandidate = {
  target: { minAge: 6, maxAge: 17, sex: "any", motherWithChild: false, msna: false },
  nationalType: "comunita-socio-educativa",
  zoneCode: "fiorentina",
  free: 2,
};
const boy: FitNeeds = {
  age: 12,
  sex: "M",
  msna: false,
  motherWithChild: false,
  zone: null,
  nationalType: null,
};

describe("a structure's target fits the child's needs", () => {
  it("takes the ages of its range, both ends included", () => {
    expect(fitsNeeds(community, { ...boy, age: 6 })).toBe(true);
    expect(fitsNeeds(community, { ...boy, age: 17 })).toBe(true);
    expect(fitsNeeds(community, { ...boy, age: 5 })).toBe(false);
    expect(fitsNeeds(community, { ...boy, age: 18 })).toBe(false);
    expect(fitsNeeds(community, { ...boy, age: null })).toBe(true);
  });

  it("a structure for girls only does not take a boy; an MSNA or a mother with child only where taken in", () => {
    const girls = { ...community, target: { ...community.target, sex: "F" as const } };
    expect(fitsNeeds(girls, boy)).toBe(false);
    expect(fitsNeeds(girls, { ...boy, sex: "F" })).toBe(true);
    expect(fitsNeeds(community, { ...boy, msna: true })).toBe(false);
    expect(
      fitsNeeds({ ...community, target: { ...community.target, msna: true } }, { ...boy, msna: true }),
    ).toBe(true);
    expect(fitsNeeds(community, { ...boy, motherWithChild: true })).toBe(false);
  });

  it("the wished zone and national type narrow the search; no room is no fit", () => {
    expect(fitsNeeds(community, { ...boy, zone: "pratese" })).toBe(false);
    expect(fitsNeeds(community, { ...boy, zone: "fiorentina" })).toBe(true);
    expect(fitsNeeds(community, { ...boy, nationalType: "comunita-familiare" })).toBe(false);
    expect(isFittedPlace({ ...community, free: 0 }, boy)).toBe(false);
    expect(isFittedPlace(community, boy)).toBe(true);
  });

  const targets = fc
    .record({
      minAge: fc.integer({ min: 0, max: 21 }),
      span: fc.integer({ min: 0, max: 21 }),
      sex: fc.constantFrom("any" as const, "M" as const, "F" as const),
      motherWithChild: fc.boolean(),
      msna: fc.boolean(),
    })
    .map(({ span, ...target }) => ({ ...target, maxAge: Math.min(target.minAge + span, 21) }));
  const needs = fc.record({
    age: fc.option(fc.integer({ min: 0, max: 21 }), { nil: null }),
    sex: fc.constantFrom("M" as const, "F" as const),
    msna: fc.boolean(),
    motherWithChild: fc.boolean(),
    zone: fc.option(fc.constantFrom("fiorentina", "pratese"), { nil: null }),
    nationalType: fc.option(fc.constantFrom("comunita-familiare", "pronta-accoglienza"), { nil: null }),
  });
  const candidates = fc.record({
    target: targets,
    nationalType: fc.constantFrom("comunita-familiare", "pronta-accoglienza"),
    zoneCode: fc.option(fc.constantFrom("fiorentina", "pratese"), { nil: null }),
    free: fc.integer({ min: 0, max: 5 }),
  });

  it("dropping a wish never excludes a structure that fitted with it", () => {
    fc.assert(
      fc.property(candidates, needs, (candidate, wanted) => {
        if (!fitsNeeds(candidate, wanted)) return;
        expect(fitsNeeds(candidate, { ...wanted, zone: null, nationalType: null })).toBe(true);
        expect(fitsNeeds(candidate, { ...wanted, msna: false, motherWithChild: false })).toBe(true);
        expect(fitsNeeds(candidate, { ...wanted, age: null })).toBe(true);
      }),
    );
  });

  it("a fitted place always has room and takes the child's age and sex", () => {
    fc.assert(
      fc.property(candidates, needs, (candidate, wanted) => {
        if (!isFittedPlace(candidate, wanted)) return;
        expect(candidate.free).toBeGreaterThan(0);
        if (wanted.age !== null) {
          expect(wanted.age).toBeGreaterThanOrEqual(candidate.target.minAge);
          expect(wanted.age).toBeLessThanOrEqual(candidate.target.maxAge);
        }
        expect(["any", wanted.sex]).toContain(candidate.target.sex);
      }),
    );
  });
});

describe("the order of fitted places", () => {
  it("by zone, structures without a zone last, then the most free places first", () => {
    const rows = [
      { name: "C", zoneName: null, free: 9 },
      { name: "B", zoneName: "Pratese", free: 1 },
      { name: "A", zoneName: "Fiorentina", free: 1 },
      { name: "D", zoneName: "Fiorentina", free: 3 },
    ];
    expect(rows.sort(compareFittedPlaces).map((row) => row.name)).toEqual(["D", "A", "B", "C"]);
  });
});

describe("the states of a placement request", () => {
  it("a sent request is accepted, declined or withdrawn; a decided one is closed", () => {
    expect(nextPlacementState("sent", "accept")).toBe("accepted");
    expect(nextPlacementState("sent", "decline")).toBe("declined");
    expect(nextPlacementState("sent", "withdraw")).toBe("withdrawn");
    fc.assert(
      fc.property(
        fc.constantFrom<PlacementRequestState>("accepted", "declined", "withdrawn"),
        fc.constantFrom("accept" as const, "decline" as const, "withdraw" as const),
        (state, decision) => {
          try {
            nextPlacementState(state, decision);
            expect.unreachable();
          } catch (error) {
            expect(error).toBeInstanceOf(AppError);
            expect((error as AppError).code).toBe("placement-request-closed");
          }
        },
      ),
    );
  });
});

describe("the age from the month of birth", () => {
  it("is never older than the age from the birth day", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("2000-01-01"), max: new Date("2030-12-31"), noInvalidDate: true }),
        fc.integer({ min: 0, max: 6000 }),
        (birth, days) => {
          const birthDate = birth.toISOString().slice(0, 10);
          const day = new Date(birth.getTime() + days * 86_400_000).toISOString().slice(0, 10);
          const fromMonth = ageFromBirthMonth(birthDate.slice(0, 7), day);
          const exact = ageOn(birthDate, day);
          expect(fromMonth).toBeLessThanOrEqual(exact);
          expect(fromMonth).toBeGreaterThanOrEqual(exact - 1);
        },
      ),
    );
  });
});

describe("the age the search fits", () => {
  it("counts completed years from the birth date, and from the month only without it", () => {
    const child = { birthDate: "2010-03-20", birthYearMonth: "2010-03" };
    expect(ageForPlacement(child, "2026-03-19")).toBe(15);
    expect(ageForPlacement(child, "2026-03-20")).toBe(16);
    expect(ageForPlacement({ ...child, birthDate: null }, "2026-03-20")).toBe(15);
    expect(ageForPlacement({ ...child, birthDate: null }, "2026-04-01")).toBe(16);
    expect(ageForPlacement({ birthDate: null, birthYearMonth: null }, "2026-04-01")).toBeNull();
  });
});
