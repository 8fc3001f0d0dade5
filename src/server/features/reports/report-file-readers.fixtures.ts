import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import type { ReportResult, ReportTable } from "../../../domain/reports/report.ts";

/**
 * Readers of the report files that know only their published layout, not the code that writes
 * them: each gives back, table by table, the measure cells as a reader finds them ("c" for a
 * suppressed cell, "" for an empty one, numbers as numbers), so that every format can be compared
 * with the JSON figure by figure.
 */

export type FigureCell = number | "c" | "";
export type TableFigures = FigureCell[][];

/** The figures of the JSON: each row's measures, then the total row when the table has one. */
export function figuresOfJson(result: ReportResult): TableFigures[] {
  return result.tables.map((table) => {
    const rows = table.rows.map((row) =>
      table.measures.map((measure): FigureCell => {
        if (row.flags?.[measure] === "c" || (measure === "count" && row.flag === "c")) return "c";
        const value = row[measure];
        return typeof value === "number" ? value : "";
      }),
    );
    const totals = totalsOf(table);
    if (table.measures.some((measure) => typeof totals[measure] === "number"))
      rows.push(table.measures.map((measure) => totals[measure] ?? ""));
    return rows;
  });
}

function totalsOf(table: ReportTable): Record<string, number | undefined> {
  const totals = table.totals ?? (table.measures.includes("count") ? { count: table.total } : {});
  return Object.fromEntries(
    Object.entries(totals).map(([measure, value]) => [
      measure,
      typeof value === "number" ? value : undefined,
    ]),
  );
}

const italianNumber = (text: string): FigureCell => {
  if (text === "c" || text === "") return text;
  const value = Number(text.replaceAll(".", "").replace(",", "."));
  if (Number.isNaN(value)) throw new Error(`not a figure: ${text}`);
  return value;
};

/** CSV: after each "Tabella" line and its notes, the headings, then one line per row. */
export function figuresOfCsv(csv: string, result: ReportResult): TableFigures[] {
  const records = parse(csv, { bom: true, delimiter: ";", relax_column_count: true }) as string[][];
  const starts = records.flatMap((record, index) => (record[0] === "Tabella" ? [index] : []));
  return result.tables.map((table, tableIndex) => {
    let index = starts[tableIndex] + 1;
    while (records[index][0] === "Nota") index++;
    const headers = records[index];
    const lines = records.slice(index + 1, index + 1 + expectedLines(table));
    return lines.map((line) =>
      line.slice(headers.length - table.measures.length, headers.length).map(italianNumber),
    );
  });
}

/** XLSX: one sheet per table after the information sheet; rows follow the bold headings. */
export async function figuresOfXlsx(bytes: Buffer, result: ReportResult): Promise<TableFigures[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return result.tables.map((table, tableIndex) => {
    const sheet = workbook.worksheets[tableIndex + 1];
    const columns = table.dimensions.length + (table.labels?.length ?? 0) + table.measures.length;
    let headerRow = 0;
    sheet.eachRow((row, number) => {
      if (headerRow === 0 && row.font?.bold && row.cellCount === columns && number > 1) headerRow = number;
    });
    const figures: TableFigures = [];
    for (let number = headerRow + 1; number <= headerRow + expectedLines(table); number++) {
      const row = sheet.getRow(number);
      figures.push(
        table.measures.map((_, index) => {
          const value = row.getCell(columns - table.measures.length + index + 1).value;
          if (typeof value === "number") return value;
          return value === null || value === undefined ? "" : italianNumber(String(value));
        }),
      );
    }
    return figures;
  });
}

function expectedLines(table: ReportTable): number {
  const totals = totalsOf(table);
  return table.rows.length + (table.measures.some((measure) => typeof totals[measure] === "number") ? 1 : 0);
}

/** The text items of every page of a PDF, in reading order, as a viewer extracts them. */
export async function pdfItems(bytes: Buffer): Promise<string[]> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const document = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false }).promise;
  const items: string[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const content = await (await document.getPage(number)).getTextContent();
    for (const item of content.items) if ("str" in item) items.push(item.str);
  }
  await document.destroy();
  return items;
}

const figureText = /^(c|-?\d{1,3}(\.\d{3})*(,\d+)?|-?\d+(,\d+)?)$/;

/**
 * PDF: the figures printed between the statement on disclosure control and the definitions, in
 * order (every cell is a text item of its own); dimension values that are numbers print too.
 */
export function figuresOfPdf(items: string[]): FigureCell[] {
  const start = items.findIndex((item) =>
    /^(Dati pubblicati con tutela statistica|Dati ad uso interno)/.test(item),
  );
  const end = items.lastIndexOf("Definizioni");
  return items
    .slice(start + 1, end)
    .filter((item) => figureText.test(item))
    .map(italianNumber);
}

/** What the PDF should print for the JSON: numeric dimension values and non-empty figures, rounded as printed. */
export function expectedPdfFigures(result: ReportResult): FigureCell[] {
  const json = figuresOfJson(result);
  return result.tables.flatMap((table, tableIndex) =>
    json[tableIndex].flatMap((figures, rowIndex) => {
      const row = table.rows[rowIndex];
      const descriptive = row
        ? [...table.dimensions, ...(table.labels ?? [])].flatMap((name) => {
            const value = row[name];
            return typeof value === "number" ? [value] : [];
          })
        : [];
      return [...descriptive, ...figures]
        .filter((figure) => figure !== "")
        .map((figure) => (typeof figure === "number" ? Number(figure.toFixed(3)) : figure));
    }),
  );
}

/**
 * The PDF's figures with what a narrow column adds: a descriptive text wrapped over two lines
 * ("Comunità di prova" / "1") prints a word that looks like a figure. Each such word is taken out
 * when it belongs to a descriptive text of the table; what remains must be the JSON's figures.
 */
export function pdfFiguresWithoutWrappedWords(printed: FigureCell[], result: ReportResult): FigureCell[] {
  const expected = expectedPdfFigures(result);
  const words = new Set(
    result.tables.flatMap((table) =>
      table.rows.flatMap((row) =>
        [...table.dimensions, ...(table.labels ?? [])].flatMap((name) =>
          typeof row[name] === "string" ? String(row[name]).split(/\s+/) : [],
        ),
      ),
    ),
  );
  const kept: FigureCell[] = [];
  for (const figure of printed) {
    const isWrappedWord =
      words.has(String(figure)) && kept.length < expected.length && expected[kept.length] !== figure;
    if (!isWrappedWord) kept.push(figure);
  }
  return kept;
}
