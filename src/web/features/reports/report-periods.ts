import type { Option } from "../../components/form-fields.tsx";
import type { ReportResultResponse } from "./reports-api.ts";

/** The first day of the month eleven months before the day's: twelve month ends, its own included. */
export function yearBefore(date: string): string {
  const [year, month] = date.split("-").map(Number);
  return new Date(Date.UTC(year, month - 1 - 11, 1)).toISOString().slice(0, 10);
}

/** The semester a day falls in, as the API names it: "2026-1" (January–June) or "2026-2". */
export function semesterOf(date: string): string {
  const [year, month] = date.split("-").map(Number);
  return `${year}-${month <= 6 ? 1 : 2}`;
}

/** The current semester and the five before it, most recent first. */
export function recentSemesters(today: string, count = 6): { value: string; year: number; half: 1 | 2 }[] {
  let [year, half] = semesterOf(today).split("-").map(Number) as [number, 1 | 2];
  const semesters: { value: string; year: number; half: 1 | 2 }[] = [];
  for (let index = 0; index < count; index += 1) {
    semesters.push({ value: `${year}-${half}`, year, half });
    if (half === 2) half = 1;
    else {
      half = 2;
      year -= 1;
    }
  }
  return semesters;
}

/**
 * The provinces a report knows: every combination of values appears in its tables, zeros
 * included, so the province table lists all of the Region's provinces.
 */
export function provinceOptions(result: ReportResultResponse | undefined): Option[] {
  const table = result?.tables.find((candidate) => candidate.dimensions.includes("province"));
  if (!table) return [];
  const values = new Set(
    table.rows.map((row) => row.province).filter((value): value is string => typeof value === "string"),
  );
  values.delete("unknown");
  values.delete("total");
  return [...values].sort().map((value) => ({ value, label: value }));
}
