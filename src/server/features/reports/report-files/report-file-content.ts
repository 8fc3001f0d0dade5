import {
  internalViewNotice,
  isSuppressed,
  provisionalNotice,
  type ReportParameters,
  type ReportResult,
  type ReportRow,
  type ReportTable,
} from "../../../../domain/reports/report.ts";
import { referencePeriodEnd } from "../../../../domain/reports/report-parameters.ts";
import { parameterLabels } from "../../../../domain/reports/report-titles.ts";
import {
  type FileLabels,
  labelOfDimension,
  labelOfMeasure,
  labelOfParameter,
  labelOfValue,
  noFileLabels,
} from "./report-labels.ts";

/**
 * What every file of a report says, whatever its format: the same header lines, the same columns,
 * the same cells. Each renderer only lays these out.
 */

export const suppressedMark = "c";

/** A table cell: a number, a suppressed value ("c"), a text (dimension label) or nothing. */
export type FileCell =
  | { kind: "number"; value: number }
  | { kind: "suppressed" }
  | { kind: "text"; value: string }
  | { kind: "empty" };

export type FileTable = {
  title: string;
  notes: string[];
  headers: string[];
  /** How many leading columns are dimensions (text); the rest are measures (numbers). */
  dimensionCount: number;
  rows: FileCell[][];
  totalRow: FileCell[] | null;
};

const romeInstant = new Intl.DateTimeFormat("it-IT", {
  timeZone: "Europe/Rome",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hour12: false,
});

/** "15/01/2026 11:00:00 ora italiana (2026-01-15T10:00:00Z)" */
export function describeAsOf(asOf: string): string {
  return `${romeInstant.format(new Date(asOf)).replace(",", "")} ora italiana (${asOf})`;
}

export function parameterLines(
  parameters: ReportParameters,
  labels: FileLabels = noFileLabels,
): [string, string][] {
  const order = Object.keys(parameterLabels) as (keyof ReportParameters)[];
  return order
    .filter((name) => parameters[name] !== undefined && parameters[name] !== null && parameters[name] !== "")
    .map((name) => [
      parameterLabels[name],
      labelOfParameter(name, parameters[name] as string | number, labels),
    ]);
}

export function suppressionStatement(result: ReportResult): string {
  return result.suppression.applied
    ? `Dati pubblicati con tutela statistica: le celle con valore da 1 a ${result.suppression.threshold - 1} (soglia ${result.suppression.threshold}) e quelle che permetterebbero di ricostruirle dai totali sono oscurate.`
    : internalViewNotice;
}

export function legendLines(result: ReportResult): string[] {
  const lines = ["Cella vuota: dato non applicabile."];
  if (result.suppression.applied || hasSuppressedCells(result))
    lines.unshift(
      `${suppressedMark}: dato oscurato per tutela statistica (valore inferiore alla soglia ${result.suppression.threshold}, o ricostruibile dai totali).`,
    );
  return lines;
}

/** What a file says about a period not yet over, or nothing when the report is final. */
export function provisionalStatement(result: ReportResult): string | undefined {
  if (!result.provisional) return undefined;
  const end = referencePeriodEnd(result.report, result.parameters);
  return end ? provisionalNotice(end) : undefined;
}

/** The header block shared by every format, as label/value pairs. */
export function headerLines(result: ReportResult, labels: FileLabels = noFileLabels): [string, string][] {
  const provisional = provisionalStatement(result);
  return [
    ["Report", result.title],
    ...parameterLines(result.parameters, labels),
    ["Dati come noti al", describeAsOf(result.asOf)],
    ...(provisional === undefined ? [] : [["Stato dei dati", provisional] as [string, string]]),
    ["Tutela statistica", suppressionStatement(result)],
    ["Fonte", result.source],
  ];
}

export function fileTableOf(table: ReportTable, labels: FileLabels = noFileLabels): FileTable {
  const descriptive = [...table.dimensions, ...(table.labels ?? [])];
  const headers = [...descriptive.map(labelOfDimension), ...table.measures.map(labelOfMeasure)];
  const rows = table.rows.map((row) => [
    ...descriptive.map((dimension) => text(labelOfValue(dimension, row[dimension], labels))),
    ...table.measures.map((measure) => measureCell(row, measure)),
  ]);
  const totals: Record<string, number | null | undefined> =
    table.totals ?? (table.measures.includes("count") ? { count: table.total } : {});
  const hasTotals = table.measures.some((measure) => typeof totals[measure] === "number");
  const totalRow: FileCell[] | null = hasTotals
    ? [
        ...descriptive.map((_, index): FileCell => (index === 0 ? text("Totale") : { kind: "empty" })),
        ...table.measures.map((measure): FileCell => {
          const value = totals[measure];
          return typeof value === "number" ? { kind: "number", value } : { kind: "empty" };
        }),
      ]
    : null;
  const notes: string[] = [];
  if (table.msnaIncluded !== undefined)
    notes.push(
      table.msnaIncluded
        ? "Comprende i minori stranieri non accompagnati (MSNA)."
        : "Esclude i minori stranieri non accompagnati (MSNA), riportati a parte.",
    );
  if (table.note) notes.push(table.note);
  if (!hasTotals && typeof table.total === "number") notes.push(`Totale: ${table.total}.`);
  return { title: table.title, notes, headers, dimensionCount: descriptive.length, rows, totalRow };
}

function measureCell(row: ReportRow, measure: string): FileCell {
  if (isSuppressed(row, measure)) return { kind: "suppressed" };
  const value = row[measure];
  if (typeof value === "number") return { kind: "number", value };
  if (value === null || value === undefined) return { kind: "empty" };
  return text(String(value));
}

function text(value: string): FileCell {
  return { kind: "text", value };
}

function hasSuppressedCells(result: ReportResult): boolean {
  return result.tables.some((table) =>
    table.rows.some((row) => row.flag === "c" || Object.keys(row.flags ?? {}).length > 0),
  );
}

/** A safe, stable file name: report, parameters and the instant of knowledge. */
export function fileNameOf(result: ReportResult, extension: string): string {
  const parts = Object.values(result.parameters)
    .filter((value) => value !== undefined && value !== null && value !== "")
    .map((value) => String(value).replace(/[^A-Za-z0-9-]/g, ""));
  const asOf = result.asOf.replace(/[-:]/g, "").replace(/\.\d+/, "");
  return ["sirmi", result.report, ...parts, asOf].filter(Boolean).join("_").concat(`.${extension}`);
}
