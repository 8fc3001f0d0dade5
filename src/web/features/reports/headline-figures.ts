import type { ReportResultResponse, ReportTableResponse } from "./reports-api.ts";

/** The same day one year earlier; 29 February falls back to 28 February. */
export function sameDayYearBefore(date: string): string {
  const [year, month, day] = date.split("-").map(Number);
  const lastDay = new Date(Date.UTC(year - 1, month, 0)).getUTCDate();
  return `${String(year - 1).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(Math.min(day, lastDay)).padStart(2, "0")}`;
}

/** A figure that may be withheld: `null` when the release does not publish it. */
export type Figure = number | null;

export type HeadlineFigures = {
  /** Minors out of their family on the day. */
  total: Figure;
  /** The same a year before, and the change. */
  totalYearBefore: Figure;
  change: Figure;
  /** Change as a share of the year before's figure; null when it is 0 or unknown. */
  changeShare: Figure;
  /** Unaccompanied foreign minors among them. */
  msna: Figure;
  /** Young adults of 18–21 still in care, not among the minors. */
  youngAdults: Figure;
  /** Share of the minors out of family who are in foster care. */
  fosterShare: Figure;
};

const tableOf = (result: ReportResultResponse | undefined, id: string): ReportTableResponse | undefined =>
  result?.tables.find((table) => table.id === id);

/** The sum of a table's counts over the rows where a dimension has a value; null if any is withheld. */
function countWhere(table: ReportTableResponse | undefined, dimension: string, value: string): Figure {
  if (!table) return null;
  let sum = 0;
  for (const row of table.rows) {
    if (row[dimension] !== value) continue;
    const count = row.count;
    if (typeof count !== "number") return null;
    sum += count;
  }
  return sum;
}

function tableTotal(result: ReportResultResponse | undefined, id: string): Figure {
  const total = tableOf(result, id)?.total;
  return typeof total === "number" ? total : null;
}

/**
 * The headline of *Monitoraggio*, read from the stock report of the day and of the same day a
 * year before. Nothing is recomputed: every figure is a published total or a sum of published
 * cells, so the headline never reveals what the tables withhold.
 */
export function headlineFigures(
  current: ReportResultResponse | undefined,
  yearBefore: ReportResultResponse | undefined,
): HeadlineFigures {
  // Out of family: residential services and foster care together.
  const total = tableTotal(current, "by-setting");
  const totalYearBefore = tableTotal(yearBefore, "by-setting");
  const change = total !== null && totalYearBefore !== null ? total - totalYearBefore : null;
  const changeShare = change !== null && totalYearBefore ? change / totalYearBefore : null;
  const setting = tableOf(current, "by-setting");
  const foster = countWhere(setting, "setting", "foster-care");
  const together = typeof setting?.total === "number" ? setting.total : null;
  return {
    total,
    totalYearBefore,
    change,
    changeShare,
    msna: countWhere(tableOf(current, "by-setting-citizenship-group"), "citizenshipGroup", "msna"),
    youngAdults: tableTotal(current, "young-adults-by-setting-sex"),
    fosterShare: foster !== null && together ? foster / together : null,
  };
}
