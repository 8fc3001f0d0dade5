import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "../time/calendar.ts";
import { daysOf, isPresentDuring, isPresentOn, type StayDays, staysOverlap } from "./presence.ts";

const stay = (admissionDate: string | null, dischargeDate: string | null): StayDays => ({
  admissionDate,
  dischargeDate,
});

describe("presence on a day: admission ≤ D < discharge", () => {
  it("counts the admission day and not the discharge day", () => {
    const closed = stay("2025-03-10", "2025-09-30");
    expect(isPresentOn(closed, "2025-03-09")).toBe(false);
    expect(isPresentOn(closed, "2025-03-10")).toBe(true);
    expect(isPresentOn(closed, "2025-09-29")).toBe(true);
    expect(isPresentOn(closed, "2025-09-30")).toBe(false);
  });

  it("an open stay has no end; a stay without admission is never present", () => {
    expect(isPresentOn(stay("2025-03-10", null), "2040-01-01")).toBe(true);
    expect(isPresentOn(stay(null, "2025-09-30"), "2025-09-01")).toBe(false);
  });

  it("a stay discharged on its admission day is present on no day", () => {
    const sameDay = stay("2025-03-10", "2025-03-10");
    expect(isPresentOn(sameDay, "2025-03-10")).toBe(false);
    expect(isPresentDuring(sameDay, "2025-03-01", "2025-03-31")).toBe(false);
  });

  it("present during a period is present on some day of it", () => {
    const day = fc.integer({ min: 0, max: 60 }).map((offset) => addDays("2025-01-01", offset));
    fc.assert(
      fc.property(
        day,
        fc.option(day, { nil: null }),
        day,
        fc.integer({ min: 0, max: 20 }),
        (a, d, from, length) => {
          const days = stay(a, d);
          const to = addDays(from, length);
          const someDay = Array.from({ length: length + 1 }, (_, index) => addDays(from, index)).some(
            (onDay) => isPresentOn(days, onDay),
          );
          expect(isPresentDuring(days, from, to)).toBe(someDay);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("two stays of a minor overlap", () => {
  it("when one starts before the other ends; a transfer on the same day does not", () => {
    expect(staysOverlap(stay("2025-01-01", "2025-03-01"), stay("2025-02-01", null))).toBe(true);
    expect(staysOverlap(stay("2025-01-01", "2025-03-01"), stay("2025-03-01", null))).toBe(false);
    expect(staysOverlap(stay("2025-03-01", null), stay("2025-01-01", "2025-03-01"))).toBe(false);
    expect(staysOverlap(stay("2025-01-01", null), stay("2025-06-01", null))).toBe(true);
    expect(staysOverlap(stay(null, "2025-03-01"), stay("2025-01-01", null))).toBe(false);
  });

  it("is symmetric", () => {
    const day = fc.integer({ min: 0, max: 40 }).map((offset) => addDays("2025-01-01", offset));
    const days = fc
      .tuple(fc.option(day, { nil: null }), fc.option(day, { nil: null }))
      .filter(([a, d]) => !a || !d || d >= a)
      .map(([a, d]) => stay(a, d));
    fc.assert(
      fc.property(days, days, (a, b) => {
        expect(staysOverlap(a, b)).toBe(staysOverlap(b, a));
      }),
    );
  });
});

describe("the days of a projected stay", () => {
  it("are its admission and discharge dates, null where the event is missing", () => {
    expect(daysOf({ admission: { date: "2025-03-01" }, discharge: { date: "2025-04-01" } })).toEqual({
      admissionDate: "2025-03-01",
      dischargeDate: "2025-04-01",
    });
    expect(daysOf({ admission: null, discharge: null })).toEqual({
      admissionDate: null,
      dischargeDate: null,
    });
  });

  it("a stay without admission is present during no period", () => {
    expect(isPresentDuring({ admissionDate: null, dischargeDate: null }, "2025-03-01", "2025-03-31")).toBe(
      false,
    );
    expect(
      isPresentDuring({ admissionDate: null, dischargeDate: "2025-03-15" }, "2025-03-01", "2025-03-31"),
    ).toBe(false);
  });

  it("a stay admitted after the period is not present during it, open or not", () => {
    expect(
      isPresentDuring({ admissionDate: "2025-04-01", dischargeDate: null }, "2025-03-01", "2025-03-31"),
    ).toBe(false);
    expect(
      isPresentDuring({ admissionDate: "2025-03-31", dischargeDate: null }, "2025-03-01", "2025-03-31"),
    ).toBe(true);
    expect(
      isPresentDuring(
        { admissionDate: "2025-01-01", dischargeDate: "2025-03-01" },
        "2025-03-01",
        "2025-03-31",
      ),
    ).toBe(false);
    expect(
      isPresentDuring(
        { admissionDate: "2025-01-01", dischargeDate: "2025-03-02" },
        "2025-03-01",
        "2025-03-31",
      ),
    ).toBe(true);
  });
});
