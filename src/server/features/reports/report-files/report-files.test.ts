import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { internalViewNotice } from "../../../../domain/reports/report.ts";
import { toCsv } from "./csv-file.ts";
import { toPdf } from "./pdf-file.ts";
import { fileNameOf } from "./report-file-content.ts";
import { sampleReport } from "./sample-report.fixtures.ts";
import { toXlsx, uniqueSheetNames } from "./xlsx-file.ts";

afterEach(() => {
  vi.useRealTimers();
});

/** Renders twice with the clock set far apart: the bytes must not depend on when. */
async function renderedAtTwoTimes<T>(render: () => Promise<T> | T): Promise<[T, T]> {
  vi.useFakeTimers({ toFake: ["Date"], now: new Date("2027-03-01T08:00:00Z") });
  const first = await render();
  vi.setSystemTime(new Date("2031-11-20T17:43:11Z"));
  const second = await render();
  vi.useRealTimers();
  return [first, second];
}

function xlsxCellText(value: ExcelJS.CellValue): string {
  return value === null || value === undefined ? "" : String(value);
}

describe("CSV", () => {
  it("is UTF-8 with BOM, semicolon separated, and parses back to the same numbers", () => {
    const csv = toCsv(sampleReport());
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const records = parse(csv, { delimiter: ";", bom: true, relax_column_count: true }) as string[][];
    const headingIndex = records.findIndex((record) => record[0] === "Classe di età");
    expect(records[headingIndex]).toEqual(["Classe di età", "Sesso", "Numero"]);
    expect(records.slice(headingIndex + 1, headingIndex + 6)).toEqual([
      ["0-2 anni", "Femmina", "12"],
      ["0-2 anni", "Maschio", "c"],
      ["3-5 anni", "Femmina", "0"],
      ["3-5 anni", "Maschio", "1475"],
      ["Totale", "", "1489"],
    ]);
    const firenze = records.find((record) => record[0] === "Firenze");
    expect(firenze?.slice(1).map((value) => Number(value.replace(",", ".")))).toEqual([120, 98, 0.817]);
  });

  it("states the threshold when published and the internal notice otherwise", () => {
    expect(toCsv(sampleReport())).toContain("soglia 3");
    expect(toCsv(sampleReport())).not.toContain(internalViewNotice);
    const internal = toCsv(sampleReport({ suppression: { applied: false, threshold: 3 } }));
    expect(internal).toContain(internalViewNotice);
  });

  it("carries parameters, instant of knowledge, definitions and source, and defuses formulas", () => {
    const csv = toCsv(sampleReport());
    expect(csv).toContain("Giorno di riferimento;31/12/2025");
    expect(csv).toContain("15/01/2026 11:00:00 ora italiana (2026-01-15T10:00:00Z)");
    expect(csv).toContain("Definizione;Età a G: anni compiuti a G.");
    expect(csv).toContain("Fonte;S.I.R.MI – Regione Toscana");
    expect(csv).toContain("Esclude i minori stranieri non accompagnati");
    expect(csv).toContain("'=Empoli");
    expect(csv).not.toMatch(/;=Empoli/);
  });
});

describe("XLSX", () => {
  it("has an information sheet, then one sheet per table with numbers as numbers", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await toXlsx(sampleReport())) as never);
    const names = workbook.worksheets.map((sheet) => sheet.name);
    expect(names).toEqual(["Informazioni", "Per classe di età e sesso", "Occupazione per zona distretto"]);

    const info = workbook.getWorksheet("Informazioni") as ExcelJS.Worksheet;
    const infoText: string[] = [];
    info.eachRow((row) => {
      infoText.push(row.values && Array.isArray(row.values) ? row.values.map(xlsxCellText).join(" ") : "");
    });
    expect(infoText.join("\n")).toContain("soglia 3");
    expect(infoText.join("\n")).toContain("2026-01-15T10:00:00Z");
    expect(infoText.join("\n")).toContain("Età a G: anni compiuti a G.");
    expect(infoText.join("\n")).toContain("c: dato oscurato per tutela statistica");

    const table = workbook.worksheets[1];
    const values: ExcelJS.CellValue[][] = [];
    table.eachRow((row) => {
      values.push((row.values as ExcelJS.CellValue[]).slice(1));
    });
    const heading = values.findIndex((row) => row[0] === "Classe di età");
    expect(values[heading + 1]).toEqual(["0-2 anni", "Femmina", 12]);
    expect(values[heading + 2]).toEqual(["0-2 anni", "Maschio", "c"]);
    expect(values[heading + 5]).toEqual(["Totale", undefined, 1489]);
    expect(typeof values[heading + 4][2]).toBe("number");
  });

  it("carries the internal notice on every sheet of an internal view", async () => {
    const workbook = new ExcelJS.Workbook();
    const internal = sampleReport({ suppression: { applied: false, threshold: 3 } });
    await workbook.xlsx.load((await toXlsx(internal)) as never);
    for (const sheet of workbook.worksheets) {
      const texts: string[] = [];
      sheet.eachRow((row) => {
        texts.push((row.values as ExcelJS.CellValue[]).map(xlsxCellText).join(" "));
      });
      expect(texts.join("\n"), sheet.name).toContain(internalViewNotice);
    }
  });

  it("gives the same bytes for the same report, whenever it is made", async () => {
    const [first, second] = await renderedAtTwoTimes(() => toXlsx(sampleReport()));
    expect(first.equals(second)).toBe(true);
    const other = await toXlsx(sampleReport({ asOf: "2026-02-01T00:00:00Z" }));
    expect(other.equals(first)).toBe(false);
  });

  it("names sheets within 31 characters, without forbidden characters and without repeats", () => {
    const names = uniqueSheetNames([
      "Per zona: posti/presenti [totale]",
      "Per zona: posti/presenti [totale]",
      "Informazioni",
    ]);
    expect(names).toEqual([
      "Per zona  posti presenti  total",
      "Per zona  posti presenti  t (2)",
      "Informazioni (2)",
    ]);
    for (const name of names) expect(name.length).toBeLessThanOrEqual(31);
  });
});

describe("PDF", () => {
  it("is a PDF, the same bytes whenever it is made", async () => {
    const [first, second] = await renderedAtTwoTimes(() => toPdf(sampleReport()));
    expect(first.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(first.equals(second)).toBe(true);
    const internal = await toPdf(sampleReport({ suppression: { applied: false, threshold: 3 } }));
    expect(internal.toString("latin1")).toContain(`(${internalViewNotice})`);
    expect(first.toString("latin1")).not.toContain(internalViewNotice);
  });
});

describe("file names", () => {
  it("name the report, its parameters and the instant of knowledge", () => {
    expect(fileNameOf(sampleReport(), "csv")).toBe(
      "sirmi_out-of-family-stock_2025-12-31_20260115T100000Z.csv",
    );
  });
});
