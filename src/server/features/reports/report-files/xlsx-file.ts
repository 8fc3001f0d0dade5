import ExcelJS from "exceljs";
import type { ReportResult } from "../../../../domain/reports/report.ts";
import {
  type FileCell,
  type FileTable,
  fileTableOf,
  headerLines,
  legendLines,
  provisionalStatement,
  suppressedMark,
} from "./report-file-content.ts";
import { type FileLabels, noFileLabels } from "./report-labels.ts";
import { withFixedZipDates } from "./zip-dates.ts";

const infoSheetName = "Informazioni";
const integerFormat = "#,##0";
const decimalFormat = "#,##0.0##";

/**
 * A workbook with a first sheet describing the report (title, parameters, instant of knowledge,
 * statistical protection, source, definitions, legend) and one sheet per table. Numbers are
 * numbers; a suppressed cell is the text "c". Dates inside the file come from `asOf`, so the same
 * report always gives the same bytes.
 */
export async function toXlsx(result: ReportResult, labels: FileLabels = noFileLabels): Promise<Buffer> {
  const asOf = new Date(result.asOf);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "S.I.R.MI";
  workbook.lastModifiedBy = "S.I.R.MI";
  workbook.created = asOf;
  workbook.modified = asOf;
  workbook.title = result.title;
  workbook.subject = result.title;

  const tables = result.tables.map((table) => fileTableOf(table, labels));
  const sheetNames = uniqueSheetNames(tables.map((table) => table.title));
  writeInfoSheet(workbook.addWorksheet(infoSheetName), result, tables, sheetNames, labels);
  tables.forEach((table, index) => {
    writeTableSheet(workbook.addWorksheet(sheetNames[index]), table, result, labels);
  });

  const written = await workbook.xlsx.writeBuffer();
  return withFixedZipDates(Buffer.from(written as ArrayBuffer), asOf);
}

function writeInfoSheet(
  sheet: ExcelJS.Worksheet,
  result: ReportResult,
  tables: FileTable[],
  sheetNames: string[],
  labels: FileLabels,
) {
  sheet.columns = [{ width: 26 }, { width: 110 }];
  const titleRow = sheet.addRow([result.title]);
  titleRow.font = { bold: true, size: 14 };
  sheet.addRow([]);
  for (const [label, value] of headerLines(result, labels)) {
    const row = sheet.addRow([label, value]);
    row.getCell(1).font = { bold: true };
    row.getCell(2).alignment = { wrapText: true, vertical: "top" };
  }
  sheet.addRow([]);
  sheet.addRow(["Tabelle"]).font = { bold: true };
  tables.forEach((table, index) => {
    sheet.addRow([sheetNames[index], table.title]);
  });
  sheet.addRow([]);
  sheet.addRow(["Definizioni"]).font = { bold: true };
  for (const definition of result.definitions) {
    sheet.addRow(["", definition]).getCell(2).alignment = { wrapText: true, vertical: "top" };
  }
  sheet.addRow([]);
  sheet.addRow(["Legenda"]).font = { bold: true };
  for (const line of legendLines(result)) sheet.addRow(["", line]);
}

function writeTableSheet(
  sheet: ExcelJS.Worksheet,
  table: FileTable,
  result: ReportResult,
  labels: FileLabels,
) {
  sheet.addRow([table.title]).font = { bold: true, size: 12 };
  sheet.addRow([headerLines(result, labels).find(([label]) => label === "Tutela statistica")?.[1] ?? ""]);
  const provisional = provisionalStatement(result);
  if (provisional) sheet.addRow([provisional]);
  for (const note of table.notes) sheet.addRow([note]);
  sheet.addRow([]);
  const headerRow = sheet.addRow(table.headers);
  headerRow.font = { bold: true };
  headerRow.eachCell((cell) => {
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDE6F0" } };
    cell.alignment = { wrapText: true, vertical: "top" };
  });
  sheet.views = [{ state: "frozen", ySplit: headerRow.number }];
  for (const cells of table.rows) writeCells(sheet.addRow([]), cells);
  if (table.totalRow) {
    const totalRow = sheet.addRow([]);
    writeCells(totalRow, table.totalRow);
    totalRow.font = { bold: true };
  }
  sheet.addRow([]);
  for (const line of legendLines(result)) sheet.addRow([line]).font = { italic: true };
  table.headers.forEach((header, index) => {
    sheet.getColumn(index + 1).width = Math.min(
      Math.max(header.length + 2, index < table.dimensionCount ? 24 : 12),
      48,
    );
  });
}

function writeCells(row: ExcelJS.Row, cells: FileCell[]) {
  cells.forEach((cell, index) => {
    const target = row.getCell(index + 1);
    switch (cell.kind) {
      case "number":
        target.value = cell.value;
        target.numFmt = Number.isInteger(cell.value) ? integerFormat : decimalFormat;
        break;
      case "suppressed":
        target.value = suppressedMark;
        target.alignment = { horizontal: "right" };
        break;
      case "text":
        target.value = cell.value;
        break;
      case "empty":
        break;
    }
  });
}

/** Sheet names: at most 31 characters, none of []:*?/\ and all different. */
export function uniqueSheetNames(titles: string[]): string[] {
  const taken = new Set([infoSheetName.toLowerCase()]);
  return titles.map((title, index) => {
    const clean = title.replace(/[[\]:*?/\\]/g, " ").trim() || `Tabella ${index + 1}`;
    let name = clean.slice(0, 31).trim();
    for (let attempt = 2; taken.has(name.toLowerCase()); attempt++) {
      const suffix = ` (${attempt})`;
      name = `${clean.slice(0, 31 - suffix.length).trim()}${suffix}`;
    }
    taken.add(name.toLowerCase());
    return name;
  });
}
