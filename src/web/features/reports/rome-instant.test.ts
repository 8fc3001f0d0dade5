import { describe, expect, it } from "vitest";
import { instantOfRomeWallClock, romeWallClockOf } from "./rome-instant.ts";

describe("the as-known-at field in Rome's time", () => {
  it("turns Rome's wall clock into UTC, in winter and in summer", () => {
    expect(instantOfRomeWallClock("2026-01-15T07:36")).toBe("2026-01-15T06:36:00.000Z");
    expect(instantOfRomeWallClock("2026-07-15T07:36")).toBe("2026-07-15T05:36:00.000Z");
    expect(instantOfRomeWallClock("2026-07-15T00:10")).toBe("2026-07-14T22:10:00.000Z");
  });

  it("handles the nights the clocks change", () => {
    // 29 March 2026: from 02:00 to 03:00. 25 October 2026: 02:00–02:59 happens twice.
    expect(instantOfRomeWallClock("2026-03-29T01:59")).toBe("2026-03-29T00:59:00.000Z");
    expect(instantOfRomeWallClock("2026-03-29T03:00")).toBe("2026-03-29T01:00:00.000Z");
    expect(instantOfRomeWallClock("2026-03-29T02:30")).toBe("2026-03-29T01:30:00.000Z");
    expect(instantOfRomeWallClock("2026-10-25T02:30")).toBe("2026-10-25T00:30:00.000Z");
    expect(instantOfRomeWallClock("2026-10-25T03:30")).toBe("2026-10-25T02:30:00.000Z");
  });

  it("refuses what is no date and time", () => {
    expect(instantOfRomeWallClock("")).toBeNull();
    expect(instantOfRomeWallClock("2026-02-30T10:00")).toBeNull();
    expect(instantOfRomeWallClock("2026-01-15T24:10")).toBeNull();
    expect(instantOfRomeWallClock("15/01/2026 10:00")).toBeNull();
  });

  it("reads an instant back as Rome's wall clock", () => {
    expect(romeWallClockOf(new Date("2026-01-15T06:36:00Z"))).toBe("2026-01-15T07:36");
    expect(romeWallClockOf(new Date("2026-07-14T22:10:00Z"))).toBe("2026-07-15T00:10");
    for (const text of ["2026-01-01T00:00", "2026-06-30T23:59", "2026-10-25T01:15"]) {
      expect(romeWallClockOf(new Date(instantOfRomeWallClock(text) as string))).toBe(text);
    }
  });
});
