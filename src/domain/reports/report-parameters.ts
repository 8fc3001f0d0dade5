import type { FieldProblem } from "../errors/app-error.ts";
import type { ReportId, ReportParameters } from "./report.ts";
import { lastDayOfMonth, semesterBounds } from "./report-classes.ts";

/**
 * The parameters each report needs, checked before any query: a bad or missing value is a field
 * problem with a stable code and an Italian message, never a query error.
 */
export const reportParameterNames: Record<ReportId, (keyof ReportParameters)[]> = {
  "out-of-family-stock": ["date"],
  admissions: ["year"],
  discharges: ["year"],
  "ministry-survey": ["year"],
  "istat-presidi": ["year"],
  occupancy: ["date"],
  trend: ["from", "to"],
  "procura-list": ["structure", "semester"],
  timeliness: ["from", "to"],
};

export type CheckedParameters =
  | { ok: true; parameters: ReportParameters }
  | { ok: false; problems: FieldProblem[] };

const firstYear = 2000;
const longestTrendMonths = 240;

export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function isMonth(value: string): boolean {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(value);
}

/** Checks and normalises the parameters of one report; `today` is the Italian calendar day. */
export function checkReportParameters(id: ReportId, raw: ReportParameters, today: string): CheckedParameters {
  const problems: FieldProblem[] = [];
  const problem = (name: string, code: string, message: string) =>
    problems.push({ path: `/parameters/${name}`, code, message });
  const parameters: ReportParameters = {};
  const text = (name: keyof ReportParameters): string | undefined => {
    const value = raw[name];
    if (value === undefined || value === null || value === "") {
      problem(name, "required", "Parametro obbligatorio per questo prospetto.");
      return undefined;
    }
    return String(value).trim();
  };
  const day = (name: "date" | "from" | "to") => {
    const value = text(name);
    if (value === undefined) return;
    if (!isCalendarDate(value))
      problem(name, "invalid-date", "Indicare una data valida nel formato AAAA-MM-GG.");
    else if (value > today) problem(name, "date-in-future", "La data non può essere futura.");
    else parameters[name] = value;
  };
  const month = (name: "from" | "to") => {
    const value = text(name);
    if (value === undefined) return;
    const candidate = isCalendarDate(value) ? value.slice(0, 7) : value;
    if (!isMonth(candidate)) problem(name, "invalid-month", "Indicare un mese valido nel formato AAAA-MM.");
    else if (candidate > today.slice(0, 7)) problem(name, "date-in-future", "Il mese non può essere futuro.");
    else parameters[name] = candidate;
  };
  for (const name of reportParameterNames[id]) {
    switch (name) {
      case "date":
        day("date");
        break;
      case "year": {
        const value = text("year");
        if (value === undefined) break;
        const year = /^\d{4}$/.test(value) ? Number(value) : Number.NaN;
        if (Number.isNaN(year) || year < firstYear || year > Number(today.slice(0, 4)))
          problem("year", "invalid-year", `Indicare un anno tra ${firstYear} e l'anno in corso.`);
        else parameters.year = year;
        break;
      }
      case "semester": {
        const value = text("semester");
        if (value === undefined) break;
        if (!/^\d{4}-[12]$/.test(value) || Number(value.slice(0, 4)) < firstYear)
          problem("semester", "invalid-semester", "Indicare il semestre nel formato AAAA-1 o AAAA-2.");
        else if (`${value.slice(0, 4)}-${value.endsWith("1") ? "01" : "07"}-01` > today)
          problem("semester", "date-in-future", "Il semestre non è ancora iniziato.");
        else parameters.semester = value;
        break;
      }
      case "structure": {
        const value = text("structure");
        if (value !== undefined) parameters.structure = value;
        break;
      }
      case "from":
      case "to":
        if (id === "trend") month(name);
        else day(name);
        break;
      default:
        break;
    }
  }
  if (parameters.from && parameters.to && parameters.from > parameters.to)
    problem("to", "invalid-range", "La fine del periodo precede l'inizio.");
  if (id === "trend" && parameters.from && parameters.to) {
    const span =
      (Number(parameters.to.slice(0, 4)) - Number(parameters.from.slice(0, 4))) * 12 +
      Number(parameters.to.slice(5, 7)) -
      Number(parameters.from.slice(5, 7));
    if (span >= longestTrendMonths)
      problem("to", "invalid-range", `Il periodo non può superare ${longestTrendMonths} mesi.`);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, parameters };
}

/** The last day a report's figures are about: its day, the end of its year, period or semester. */
export function referencePeriodEnd(id: ReportId, parameters: ReportParameters): string | undefined {
  if (parameters.date) return parameters.date;
  if (parameters.year !== undefined) return `${parameters.year}-12-31`;
  if (parameters.semester) return semesterBounds(parameters.semester).to;
  if (parameters.to) return id === "trend" ? lastDayOfMonth(parameters.to) : parameters.to;
  return undefined;
}

/**
 * Whether a report is provisional: its period is not over yet (the day is today, the year or the
 * semester is still running), so later registrations will still change its figures.
 */
export function isProvisionalPeriod(end: string | undefined, today: string): boolean {
  return end !== undefined && end >= today;
}
