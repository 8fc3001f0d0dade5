import type { ReportParameters } from "../../../../domain/reports/report.ts";
import { reportColumnLabel, reportValueLabel } from "../../../../domain/reports/report-labels.ts";

/**
 * Italian words of the report files: the titles of the catalogue, the names of parameters, of
 * columns and the labels of code values are the domain's (`domain/reports/report-titles.ts`,
 * `report-labels.ts`), the same on screen.
 */

/** Zone names by code: zones are the Region's own, so files read their names from the database. */
export type FileLabels = { zoneNames: ReadonlyMap<string, string> };

export const noFileLabels: FileLabels = { zoneNames: new Map() };

export function labelOfDimension(dimension: string): string {
  return reportColumnLabel(dimension);
}

export function labelOfMeasure(measure: string): string {
  return reportColumnLabel(measure);
}

/** The Italian label of a dimension's value; values without a list (codes, names) stay as they are. */
export function labelOfValue(
  dimension: string,
  value: string | number | null | undefined,
  labels: FileLabels = noFileLabels,
): string {
  return reportValueLabel(dimension, value, labels.zoneNames);
}

export function labelOfParameter(
  name: keyof ReportParameters,
  value: string | number,
  labels: FileLabels = noFileLabels,
): string {
  if (typeof value === "number") return String(value);
  if (name === "zone") return labels.zoneNames.get(value) ?? value;
  if (name === "semester") {
    const match = /^(\d{4})-([12])$/.exec(value);
    if (match) return `${match[2]}° semestre ${match[1]}`;
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return italianDate(value);
  return value;
}

function italianDate(isoDate: string): string {
  const [year, month, day] = isoDate.split("-");
  return `${day}/${month}/${year}`;
}
