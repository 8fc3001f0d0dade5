/**
 * The shape every report takes, on screen, in the API and in every file (spec: reports, "Shape").
 * A table's rows carry their dimension values and their measures; a suppressed measure is `null`
 * with the flag `c` (`flag` for the single measure `count`, `flags` by measure otherwise).
 */

export const reportIds = [
  "out-of-family-stock",
  "admissions",
  "discharges",
  "ministry-survey",
  "istat-presidi",
  "occupancy",
  "trend",
  "procura-list",
  "timeliness",
] as const;

export type ReportId = (typeof reportIds)[number];

/** Whether an id names a report of the catalogue; any other answers `not-found`, with this message. */
export function isReportId(id: string): id is ReportId {
  return (reportIds as readonly string[]).includes(id);
}

export const unknownReportMessage = "Il prospetto richiesto non esiste.";

export type ReportParameters = {
  date?: string;
  year?: number;
  from?: string;
  to?: string;
  structure?: string;
  semester?: string;
  zone?: string;
  province?: string;
};

/** The flags of disclosure control on a row. */
export type SuppressionFlags = { flag?: "c"; flags?: Record<string, "c"> };

export type ReportRow = Record<string, string | number | null> & SuppressionFlags;

/**
 * Whether disclosure control hid this measure of this row: `flags` by measure, or `flag` for the
 * single measure `count`. The one reading of the flags, for files, screens and the release.
 */
export function isSuppressed(row: SuppressionFlags, measure: string): boolean {
  return row.flags?.[measure] === "c" || (measure === "count" && row.flag === "c");
}

export type ReportTable = {
  id: string;
  /** Italian title, for files and screens. */
  title: string;
  dimensions: string[];
  /** Numeric columns; `["count"]` unless said otherwise. */
  measures: string[];
  rows: ReportRow[];
  /** Sum of `count` over the rows (the population of the table); null where it has no meaning. */
  total: number | null;
  /** Whether unaccompanied foreign minors are counted in this table. */
  msnaIncluded?: boolean;
  /** Tables with the same population key count the same units: their margins must agree. */
  population?: string;
  /**
   * The table counts only the units of its population with these values of dimensions it does not
   * show (e.g. `{ setting: "residential" }`): its cells, margins and total are those nodes of the
   * population, the sliced dimensions fixed. Requires `population`.
   */
  slice?: Record<string, string>;
  /**
   * The measures that count persons (or reveal such a count), subject to disclosure control;
   * absent means every measure of the table (`["count"]` for count tables).
   */
  protectedMeasures?: string[];
  /**
   * The protected measure that counts the units the table's unprotected measures describe (the
   * facts whose median delay a row gives): where disclosure control hides that count, it hides the
   * row's descriptions of them too, which would otherwise speak of one or two facts.
   */
  describedCount?: string;
  /** For tables with several measures: the sum of each measure over the rows. */
  totals?: Record<string, number | null>;
  /** Descriptive columns of a row that are neither dimensions nor measures (a structure's name). */
  labels?: string[];
  note?: string;
};

export type ReportResult = {
  report: ReportId;
  title: string;
  parameters: ReportParameters;
  /** The instant of knowledge the report was computed at (RFC 3339, UTC). */
  asOf: string;
  suppression: { applied: boolean; threshold: number };
  /**
   * Whether the period is not over yet on the day the report was made (today in Europe/Rome):
   * its figures are provisional, and every screen and file says so.
   */
  provisional: boolean;
  /** The common definitions the report applies, in Italian, printed in every file. */
  definitions: string[];
  source: string;
  tables: ReportTable[];
};

/** Printed on screen and in every file of a report whose period is not over. */
export function provisionalNotice(periodEnd: string): string {
  const [year, month, day] = periodEnd.split("-");
  return `Dati provvisori: il periodo di riferimento (fino al ${day}/${month}/${year}) non è ancora concluso; le cifre possono cambiare con le registrazioni successive.`;
}

/** Printed on screen and in every file of an internal (unsuppressed) view. */
export const internalViewNotice = "Dati ad uso interno: non soggetto a tutela statistica.";

/** Who the report is for: the whole region, or the structures a manager runs. */
export type ReportScope = { kind: "region" } | { kind: "structures"; structureIds: string[] };

export type ReportRequest = {
  id: ReportId;
  parameters: ReportParameters;
  /** RFC 3339 instant; absent means now (the latest knowledge), stated in the result. */
  asOf?: string;
  scope: ReportScope;
};
