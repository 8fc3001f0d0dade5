import {
  isMonthDimension,
  reportColumnLabel,
  reportValueLabel,
} from "../../../domain/reports/report-labels.ts";

/** Column headings of report tables: the same words as in the files. */
export const columnLabel = reportColumnLabel;

export { isMonthDimension };

export type ValueLabeller = (dimension: string, value: string | number | null) => string;

/**
 * The Italian label of a dimension value, as in the files. Zones come from the reference API, so
 * their names are passed in.
 */
export function valueLabellerOf(zoneNames: ReadonlyMap<string, string> = new Map()): ValueLabeller {
  return (dimension, value) => (value === null ? "—" : reportValueLabel(dimension, value, zoneNames));
}

const integer = new Intl.NumberFormat("it-IT", { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat("it-IT", { maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat("it-IT", { style: "percent", maximumFractionDigits: 1 });

/** A measure as Italian readers expect it: thousands separated, shares as percentages. */
export function formatMeasure(measure: string, value: number): string {
  if (/share|ratio|rate/i.test(measure))
    return value <= 1 ? percent.format(value) : `${decimal.format(value)} %`;
  return Number.isInteger(value) ? integer.format(value) : decimal.format(value);
}
