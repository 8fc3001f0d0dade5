import { stringify } from "csv-stringify/sync";
import type { ReportResult } from "../../../../domain/reports/report.ts";
import {
  type FileCell,
  fileTableOf,
  headerLines,
  legendLines,
  suppressedMark,
} from "./report-file-content.ts";
import { type FileLabels, noFileLabels } from "./report-labels.ts";

/**
 * One CSV for the whole report, laid out for a spreadsheet in Italian: UTF-8 with BOM, `;` between
 * fields, decimal comma, CRLF line ends. A header block (report, parameters, instant of knowledge,
 * statistical protection, source), then one section per table: its title, its column headings,
 * its rows and a "Totale" row, separated by an empty line; definitions and legend at the end.
 */
export function toCsv(result: ReportResult, labels: FileLabels = noFileLabels): string {
  const records: string[][] = [];
  for (const [label, value] of headerLines(result, labels)) records.push([label, value]);
  for (const table of result.tables.map((table) => fileTableOf(table, labels))) {
    records.push([]);
    records.push(["Tabella", table.title]);
    for (const note of table.notes) records.push(["Nota", note]);
    records.push(table.headers);
    for (const row of table.rows) records.push(row.map(csvCell));
    if (table.totalRow) records.push(table.totalRow.map(csvCell));
  }
  records.push([]);
  for (const definition of result.definitions) records.push(["Definizione", definition]);
  for (const line of legendLines(result)) records.push(["Legenda", line]);
  return stringify(records, { bom: true, delimiter: ";", record_delimiter: "windows" });
}

/** Numbers with a decimal comma and no grouping, as Italian spreadsheets read them. */
export function csvNumber(value: number): string {
  return String(value).replace(".", ",");
}

function csvCell(cell: FileCell): string {
  switch (cell.kind) {
    case "number":
      return csvNumber(cell.value);
    case "suppressed":
      return suppressedMark;
    case "text":
      return neutraliseFormula(cell.value);
    case "empty":
      return "";
  }
}

/** A text that a spreadsheet would run as a formula gets a leading apostrophe. */
function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
