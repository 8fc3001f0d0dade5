import { describe, expect, it } from "vitest";
import { ageOn, birthDateOfFiscalCode } from "./age.ts";

describe("ageOn: completed years on a day", () => {
  it("is one year more on the birthday itself, not the day before", () => {
    expect(ageOn("2012-03-14", "2025-03-13")).toBe(12);
    expect(ageOn("2012-03-14", "2025-03-14")).toBe(13);
    expect(ageOn("2012-03-14", "2025-03-15")).toBe(13);
  });

  it("counts months and days, not only years", () => {
    expect(ageOn("2012-03-14", "2025-02-28")).toBe(12);
    expect(ageOn("2012-03-14", "2025-04-01")).toBe(13);
    expect(ageOn("2012-12-31", "2025-01-01")).toBe(12);
    expect(ageOn("2012-03-14", "2012-03-14")).toBe(0);
  });

  it("born on 29 February: one year more on 1 March in a common year, on 29 February in a leap year", () => {
    expect(ageOn("2008-02-29", "2025-02-28")).toBe(16);
    expect(ageOn("2008-02-29", "2025-03-01")).toBe(17);
    expect(ageOn("2008-02-29", "2024-02-28")).toBe(15);
    expect(ageOn("2008-02-29", "2024-02-29")).toBe(16);
  });

  it("comes of age on the 18th birthday and turns 21 on the 21st", () => {
    expect(ageOn("2007-06-10", "2025-06-09")).toBe(17);
    expect(ageOn("2007-06-10", "2025-06-10")).toBe(18);
    expect(ageOn("2004-06-10", "2025-06-09")).toBe(20);
    expect(ageOn("2004-06-10", "2025-06-10")).toBe(21);
  });
});

describe("birthDateOfFiscalCode", () => {
  it("reads the birth date of a valid personal code, nothing from an invalid or missing one", () => {
    expect(birthDateOfFiscalCode("RSSMRA12C14D612V", "2026-01-01")).toBe("2012-03-14");
    expect(birthDateOfFiscalCode("RSSMRA12C14D612X", "2026-01-01")).toBeUndefined();
    expect(birthDateOfFiscalCode(undefined, "2026-01-01")).toBeUndefined();
  });
});
