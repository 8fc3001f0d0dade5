import { describe, expect, it } from "vitest";
import {
  ageClassOfMonths,
  ageInMonthsOn,
  lastDayOfMonth,
  lengthOfStayClassOfYears,
  monthsBetween,
  semesterBounds,
} from "./report-classes.ts";
import { checkReportParameters } from "./report-parameters.ts";

describe("age at D", () => {
  it("takes the first day of the birth month as the birthday when only the month is known", () => {
    expect(ageInMonthsOn("2012-03", "2026-02-28")).toBe(167);
    expect(ageClassOfMonths(ageInMonthsOn("2012-03", "2026-02-28"))).toBe("11-14");
    expect(Math.floor((ageInMonthsOn("2012-03", "2026-03-01") ?? 0) / 12)).toBe(14);
    expect(ageClassOfMonths(ageInMonthsOn("2008-02", "2026-01-31"))).toBe("15-17");
    expect(ageClassOfMonths(ageInMonthsOn("2008-02", "2026-02-01"))).toBe("18-21");
  });

  it("counts completed months from a birth date exactly: 18 on the birthday itself", () => {
    expect(ageClassOfMonths(ageInMonthsOn("2008-02-10", "2026-02-09"))).toBe("15-17");
    expect(ageClassOfMonths(ageInMonthsOn("2008-02-10", "2026-02-10"))).toBe("18-21");
    expect(ageInMonthsOn("2012-03-14", "2026-03-13")).toBe(167);
    expect(ageInMonthsOn("2012-03-14", "2026-03-14")).toBe(168);
    // Born on 29 February: 18 on 1 March of a common year.
    expect(ageInMonthsOn("2008-02-29", "2026-02-28")).toBe(215);
    expect(ageInMonthsOn("2008-02-29", "2026-03-01")).toBe(216);
    expect(ageInMonthsOn("2026-05-02", "2026-05-01")).toBeUndefined();
  });

  it("gives unknown for a missing month or a day before birth", () => {
    expect(ageInMonthsOn(null, "2026-01-01")).toBeUndefined();
    expect(ageInMonthsOn("2026-05", "2026-01-01")).toBeUndefined();
    expect(ageClassOfMonths(undefined)).toBe("unknown");
  });

  it("puts the class boundaries where the Ministry does", () => {
    expect([0, 35, 36, 71, 72, 131, 132, 179, 180, 215, 216].map(ageClassOfMonths)).toEqual([
      "0-2",
      "0-2",
      "3-5",
      "3-5",
      "6-10",
      "6-10",
      "11-14",
      "11-14",
      "15-17",
      "15-17",
      "18-21",
    ]);
    expect([0, 1, 2, 3, 4, 9].map(lengthOfStayClassOfYears)).toEqual([
      "<1y",
      "1-2y",
      "2-4y",
      "2-4y",
      ">4y",
      ">4y",
    ]);
  });
});

describe("periods", () => {
  it("knows semesters and months", () => {
    expect(semesterBounds("2026-1")).toEqual({ from: "2026-01-01", to: "2026-06-30" });
    expect(semesterBounds("2025-2")).toEqual({ from: "2025-07-01", to: "2025-12-31" });
    expect(lastDayOfMonth("2024-02")).toBe("2024-02-29");
    expect(monthsBetween("2025-11", "2026-02")).toEqual(["2025-11", "2025-12", "2026-01", "2026-02"]);
  });
});

describe("report parameters", () => {
  it("normalises good values and names every bad one", () => {
    expect(checkReportParameters("trend", { from: "2025-01-15", to: "2025-03" }, "2026-01-01")).toEqual({
      ok: true,
      parameters: { from: "2025-01", to: "2025-03" },
    });
    expect(
      checkReportParameters("ministry-survey", { year: "2025" as unknown as number }, "2026-01-01"),
    ).toEqual({
      ok: true,
      parameters: { year: 2025 },
    });
    const bad = checkReportParameters("timeliness", { from: "2025-13-01" }, "2026-01-01");
    expect(bad.ok ? [] : bad.problems.map((problem) => `${problem.path} ${problem.code}`)).toEqual([
      "/parameters/from invalid-date",
      "/parameters/to required",
    ]);
  });
});
