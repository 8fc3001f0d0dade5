import type { CodeList } from "../code-lists/code-list.ts";

/**
 * The classes the report definitions group units into (spec: reports, "Common definitions"), in
 * the order every table lists them. Pure: the same boundaries are applied in SQL by the report
 * definitions and tested here.
 */

/** Ministry age classes; `18-21` is only ever used in the tables of young adults. */
export const ageClasses = [
  { code: "0-2", label: "0-2 anni" },
  { code: "3-5", label: "3-5 anni" },
  { code: "6-10", label: "6-10 anni" },
  { code: "11-14", label: "11-14 anni" },
  { code: "15-17", label: "15-17 anni" },
  { code: "18-21", label: "18-21 anni" },
  { code: "unknown", label: "Età non nota" },
] as const satisfies CodeList;

/** The age classes of minors' tables: a minor of unknown age stays among minors. */
export const minorAgeClasses = ageClasses.filter((entry) => entry.code !== "18-21");

/** Upper bound (exclusive) of each class in completed months of age. */
export const ageClassMonthBounds = [
  { code: "0-2", below: 36 },
  { code: "3-5", below: 72 },
  { code: "6-10", below: 132 },
  { code: "11-14", below: 180 },
  { code: "15-17", below: 216 },
] as const;

/** Months of age from which a person is counted among young adults (18 years). */
export const adulthoodMonths = 216;

export const citizenshipGroups = [
  { code: "italian", label: "Italiana" },
  { code: "foreign", label: "Straniera (non MSNA)" },
  { code: "msna", label: "Minori stranieri non accompagnati" },
  { code: "unknown", label: "Cittadinanza non nota" },
] as const satisfies CodeList;

export const lengthOfStayClasses = [
  { code: "<1y", label: "Meno di 1 anno" },
  { code: "1-2y", label: "Da 1 a meno di 2 anni" },
  { code: "2-4y", label: "Da 2 a meno di 4 anni" },
  { code: ">4y", label: "4 anni e oltre" },
] as const satisfies CodeList;

export const provenances = [
  { code: "in-region", label: "Servizio inviante della Regione" },
  { code: "out-of-region", label: "Servizio inviante di altra Regione" },
  { code: "unknown", label: "Provenienza non nota" },
] as const satisfies CodeList;

/** Where a minor out of family lives: out of family = residential + foster care. */
export const outOfFamilySettings = [
  { code: "residential", label: "Servizi residenziali" },
  { code: "foster-care", label: "Affidamento familiare" },
] as const satisfies CodeList;

/** Foster care by the carers' relation to the child (SINBA TipoInterventoAffido). */
export const fosterKinds = [
  { code: "intra-familial", label: "Affido intrafamiliare" },
  { code: "hetero-familial", label: "Affido eterofamiliare" },
  { code: "unknown", label: "Tipo di affido non noto" },
] as const satisfies CodeList;

/** Foster care by its legal form (SINBA FormaInterventoAffido). */
export const fosterForms = [
  { code: "consensual", label: "Consensuale" },
  { code: "judicial", label: "Giudiziale" },
  { code: "unknown", label: "Forma non nota" },
] as const satisfies CodeList;

/** The value of any dimension whose source is missing or not in its code list. */
export const unknownCode = "unknown";

/**
 * Completed months of age on a day (reports.md, "Age at D"). From a birth date (YYYY-MM-DD),
 * exact: a month is completed on the day of the month of the birth (the last day of a shorter
 * month counts only once that day has passed: a child born on 31 January is one month old on
 * 1 March, not on 28 February); from a birth year and month only (YYYY-MM, a minor whose birth
 * date is not in the pseudonymous record), the birthday taken as the first of the month.
 * Undefined when unknown or when the day precedes the birth.
 */
export function ageInMonthsOn(birth: string | null | undefined, day: string): number | undefined {
  const born = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(birth ?? "");
  const on = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!born || !on) return undefined;
  const whole = Number(on[1]) * 12 + Number(on[2]) - (Number(born[1]) * 12 + Number(born[2]));
  const months = born[3] !== undefined && Number(on[3]) < Number(born[3]) ? whole - 1 : whole;
  return months < 0 ? undefined : months;
}

export function ageClassOfMonths(months: number | undefined): (typeof ageClasses)[number]["code"] {
  if (months === undefined) return "unknown";
  return ageClassMonthBounds.find((bound) => months < bound.below)?.code ?? "18-21";
}

export function lengthOfStayClassOfYears(years: number): (typeof lengthOfStayClasses)[number]["code"] {
  if (years < 1) return "<1y";
  if (years < 2) return "1-2y";
  if (years < 4) return "2-4y";
  return ">4y";
}

export function codesOfList(list: readonly { code: string }[]): string[] {
  return list.map((entry) => entry.code);
}

/** First and last day of a semester written `2026-1` (January–June) or `2026-2` (July–December). */
export function semesterBounds(semester: string): { from: string; to: string } {
  const [year, half] = semester.split("-");
  return half === "1"
    ? { from: `${year}-01-01`, to: `${year}-06-30` }
    : { from: `${year}-07-01`, to: `${year}-12-31` };
}

/** The last day of a month written `YYYY-MM`. */
export function lastDayOfMonth(month: string): string {
  const [year, monthNumber] = month.split("-").map(Number);
  return new Date(Date.UTC(year, monthNumber, 0)).toISOString().slice(0, 10);
}

/** Every month from one `YYYY-MM` to another, both included. */
export function monthsBetween(from: string, to: string): string[] {
  const [fromYear, fromMonth] = from.split("-").map(Number);
  const [toYear, toMonth] = to.split("-").map(Number);
  const months: string[] = [];
  for (let index = fromYear * 12 + fromMonth - 1; index <= toYear * 12 + toMonth - 1; index++) {
    months.push(`${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`);
  }
  return months;
}
