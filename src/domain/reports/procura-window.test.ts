import { describe, expect, it } from "vitest";
import { isProcuraSemesterOpen, previousSemester, procuraSemesters, semesterOf } from "./procura-window.ts";

describe("the semesters of the list for the Procura", () => {
  it("names the semester of a day", () => {
    expect(semesterOf("2026-06-30")).toBe("2026-1");
    expect(semesterOf("2026-07-01")).toBe("2026-2");
    expect(semesterOf("2027-01-01")).toBe("2027-1");
  });

  it("goes back one semester across the year", () => {
    expect(previousSemester("2026-2")).toBe("2026-1");
    expect(previousSemester("2026-1")).toBe("2025-2");
  });

  it("opens the current and the previous semester only", () => {
    expect(procuraSemesters("2026-11-21")).toEqual(["2026-2", "2026-1"]);
    expect(procuraSemesters("2027-01-01")).toEqual(["2027-1", "2026-2"]);
    expect(isProcuraSemesterOpen("2026-1", "2026-11-21")).toBe(true);
    expect(isProcuraSemesterOpen("2025-2", "2026-11-21")).toBe(false);
    expect(isProcuraSemesterOpen("2025-2", "2026-06-30")).toBe(true);
    expect(isProcuraSemesterOpen("2027-1", "2026-11-21")).toBe(false);
  });
});
