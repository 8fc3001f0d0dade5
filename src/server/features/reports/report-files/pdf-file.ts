import { createRequire } from "node:module";
import type { ReportResult } from "../../../../domain/reports/report.ts";
import {
  describeAsOf,
  type FileCell,
  type FileTable,
  fileTableOf,
  legendLines,
  parameterLines,
  provisionalStatement,
  suppressedMark,
  suppressionStatement,
} from "./report-file-content.ts";
import { type FileLabels, noFileLabels } from "./report-labels.ts";

/** The part of pdfmake 0.3's server API used here (the package ships no type declarations). */
type PdfMake = {
  setFonts(fonts: Record<string, Record<string, string>>): void;
  setUrlAccessPolicy(policy: (url: string) => boolean): void;
  setLocalAccessPolicy(policy: (path: string) => boolean): void;
  createPdf(definition: Record<string, unknown>): { getBuffer(): Promise<Buffer> };
};

const require = createRequire(import.meta.url);
const pdfmake = require("pdfmake") as PdfMake;
// Roboto ships with pdfmake and covers every Italian letter and symbol; its files are the only
// local files the renderer may open, and nothing is fetched from the network.
const roboto = (require("pdfmake/fonts/Roboto.js") as { Roboto: Record<string, string> }).Roboto;
const fontFiles = new Set(Object.values(roboto));

const numberFormat = new Intl.NumberFormat("it-IT", { maximumFractionDigits: 3 });
/** Tables wider than this many columns are printed on landscape pages. */
const portraitColumns = 7;

/**
 * An A4 document: title, parameters, instant of knowledge, statistical protection, then one block
 * per table with Italian headings, then definitions, source and legend. The creation date is
 * `asOf`, so the same report always gives the same bytes.
 */
export async function toPdf(result: ReportResult, labels: FileLabels = noFileLabels): Promise<Buffer> {
  pdfmake.setFonts({ Roboto: roboto });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => fontFiles.has(path));
  const tables = result.tables.map((table) => fileTableOf(table, labels));
  const isWide = tables.some((table) => table.headers.length > portraitColumns);
  const notice = suppressionStatement(result);
  const provisional = provisionalStatement(result);
  const definition = {
    info: {
      title: result.title,
      author: "S.I.R.MI",
      subject: notice,
      creator: "S.I.R.MI",
      producer: "S.I.R.MI",
      creationDate: new Date(result.asOf),
    },
    pageSize: "A4",
    pageOrientation: isWide ? "landscape" : "portrait",
    pageMargins: [36, 40, 36, 48],
    defaultStyle: { font: "Roboto", fontSize: 9 },
    styles: {
      title: { fontSize: 16, bold: true, margin: [0, 0, 0, 8] },
      tableTitle: { fontSize: 11, bold: true, margin: [0, 14, 0, 4] },
      heading: { bold: true, fillColor: "#dde6f0" },
      notice: { bold: true, color: "#7a1f00", margin: [0, 6, 0, 6] },
      small: { fontSize: 8, color: "#333333" },
    },
    footer: (page: number, pages: number) => ({
      columns: [
        {
          text: `${result.title} – ${result.suppression.applied ? "dati pubblicati" : "uso interno"}${result.provisional ? " – dati provvisori" : ""}`,
          style: "small",
        },
        { text: `Pagina ${page} di ${pages}`, alignment: "right", style: "small" },
      ],
      margin: [36, 16, 36, 0],
    }),
    content: [
      { text: result.title, style: "title" },
      {
        table: {
          widths: [130, "*"],
          body: [
            ...parameterLines(result.parameters, labels).map(([label, value]) => [
              { text: label, bold: true },
              value,
            ]),
            [{ text: "Dati come noti al", bold: true }, describeAsOf(result.asOf)],
            ...(provisional === undefined ? [] : [[{ text: "Stato dei dati", bold: true }, provisional]]),
            [{ text: "Fonte", bold: true }, result.source],
          ],
        },
        layout: "noBorders",
      },
      { text: notice, style: "notice" },
      ...tables.flatMap((table) => tableBlock(table)),
      { text: "Definizioni", style: "tableTitle" },
      // pdfmake writes its layout into the nodes it is given: a copy keeps the result intact.
      { ul: [...result.definitions] },
      { text: "Legenda", style: "tableTitle" },
      { ul: legendLines(result) },
    ],
  };
  return pdfmake.createPdf(definition).getBuffer();
}

function tableBlock(table: FileTable) {
  const measureCount = table.headers.length - table.dimensionCount;
  const widths = table.headers.map((_, index) => (index < table.dimensionCount ? "*" : "auto"));
  const body = [
    table.headers.map((header, index) => ({
      text: header,
      style: "heading",
      alignment: index < table.dimensionCount ? "left" : "right",
    })),
    ...table.rows.map((row) => row.map(pdfCell)),
    ...(table.totalRow ? [table.totalRow.map((cell) => ({ ...pdfCell(cell), bold: true }))] : []),
  ];
  return [
    { text: table.title, style: "tableTitle" },
    ...table.notes.map((note) => ({ text: note, style: "small", margin: [0, 0, 0, 3] })),
    table.rows.length === 0
      ? { text: "Nessun dato.", italics: true }
      : {
          table: {
            headerRows: 1,
            dontBreakRows: true,
            widths: measureCount === 0 ? undefined : widths,
            body,
          },
          layout: "lightHorizontalLines",
        },
  ];
}

function pdfCell(cell: FileCell) {
  switch (cell.kind) {
    case "number":
      return { text: numberFormat.format(cell.value), alignment: "right" };
    case "suppressed":
      return { text: suppressedMark, alignment: "right", italics: true };
    case "text":
      return { text: cell.value };
    case "empty":
      return { text: "" };
  }
}
