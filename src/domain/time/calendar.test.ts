import { describe, expect, it } from "vitest";
import { addDays, formatItalianDate, todayInRome } from "./calendar.ts";
import { clockOnDay, systemClock } from "./clock.ts";

describe("the Italian calendar day", () => {
  it("is the day in Rome, not in UTC: after 22:00 UTC in summer, after 23:00 UTC in winter", () => {
    expect(todayInRome(new Date("2025-06-30T21:59:59Z"))).toBe("2025-06-30");
    expect(todayInRome(new Date("2025-06-30T22:00:00Z"))).toBe("2025-07-01");
    expect(todayInRome(new Date("2025-12-31T22:59:59Z"))).toBe("2025-12-31");
    expect(todayInRome(new Date("2025-12-31T23:00:00Z"))).toBe("2026-01-01");
  });

  it("adds days across months, years and 29 February", () => {
    expect(addDays("2025-01-31", 1)).toBe("2025-02-01");
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2025-02-28", 1)).toBe("2025-03-01");
    expect(addDays("2025-12-31", 1)).toBe("2026-01-01");
    expect(addDays("2026-01-01", -1)).toBe("2025-12-31");
    expect(addDays("2025-03-30", 0)).toBe("2025-03-30");
    expect(addDays("2025-01-01", 365)).toBe("2026-01-01");
  });

  it("is written day/month/year in Italian", () => {
    expect(formatItalianDate("2025-03-07")).toBe("07/03/2025");
  });
});

describe("the clock", () => {
  it("of a test keeps its day and refuses anything but a full-date", () => {
    const clock = clockOnDay("2026-11-21");
    expect(clock.today()).toBe("2026-11-21");
    expect(clock.now()).toBeInstanceOf(Date);
    expect(() => clockOnDay("21/11/2026")).toThrow("not a full-date");
    expect(() => clockOnDay("2026-11-21T00:00:00Z")).toThrow("not a full-date");
  });

  it("of the system gives today in Rome for its own now", () => {
    const before = todayInRome(new Date());
    const today = systemClock.today();
    const after = todayInRome(new Date());
    expect([before, after]).toContain(today);
    const now = systemClock.now();
    expect([before, after]).toContain(todayInRome(now));
  });
});
