import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../../test/support/test-app.ts";
import { findUntranslatedCodes, pdfText, xlsxText } from "../../../../../test/support/untranslated-codes.ts";
import { queryRows } from "../../../../db/database.ts";
import { applyDisclosureControlToReport } from "../../../../domain/reports/disclosure.ts";
import type { ReportId, ReportParameters, ReportResult } from "../../../../domain/reports/report.ts";
import { hasReportColumnLabel } from "../../../../domain/reports/report-labels.ts";
import { buildReportWorld, type ReportWorld, structureA } from "../report-world.fixtures.ts";
import { findFileLabels } from "./file-labels.ts";
import type { ReportFileFormat } from "./render-report-file.ts";
import { renderReportFile } from "./render-report-file.ts";

/** Every report of the catalogue on the small region of the fixtures. */
const catalogue: [ReportId, ReportParameters][] = [
  ["out-of-family-stock", { date: "2025-12-31" }],
  ["admissions", { year: 2025 }],
  ["discharges", { year: 2025 }],
  ["ministry-survey", { year: 2025 }],
  ["istat-presidi", { year: 2025 }],
  ["occupancy", { date: "2025-12-31" }],
  ["trend", { from: "2025-01", to: "2025-12" }],
  ["timeliness", { from: "2025-01-01", to: "2025-12-31" }],
  ["procura-list", { structure: structureA, semester: "2026-1" }],
];
const formats: ReportFileFormat[] = ["csv", "xlsx", "pdf"];

let t: TestApp;
let world: ReportWorld;
let zoneCodes: string[] = [];

beforeAll(async () => {
  t = await createTestApp();
  world = await buildReportWorld(t);
  zoneCodes = (await queryRows<{ code: string }>(t.db, sql`select code from zone`)).map((zone) => zone.code);
}, 120_000);
afterAll(() => t?.close());

async function run(id: ReportId, parameters: ReportParameters): Promise<ReportResult> {
  const scope =
    id === "procura-list" ? { kind: "structures" as const, structureIds: [world.structureIds.A] } : undefined;
  return world.run(id, parameters, { scope });
}

async function textOf(result: ReportResult, format: ReportFileFormat): Promise<string> {
  const file = await renderReportFile(result, format, await findFileLabels(t.db, "09"));
  if (format === "csv") return file.body.toString("utf8");
  return format === "xlsx" ? xlsxText(file.body) : pdfText(file.body);
}

describe("the words of every report", () => {
  it("every column of every table has an Italian name", async () => {
    const unnamed: string[] = [];
    for (const [id, parameters] of catalogue) {
      for (const table of (await run(id, parameters)).tables) {
        for (const column of [...table.dimensions, ...table.measures, ...(table.labels ?? [])])
          if (!hasReportColumnLabel(column)) unnamed.push(`${id}/${table.id}: ${column}`);
      }
    }
    expect(unnamed).toEqual([]);
  });

  for (const [id, parameters] of catalogue) {
    it(`${id}: no code, column id or client id in its CSV, XLSX and PDF, internal and published`, async () => {
      const internal = await run(id, parameters);
      const results =
        id === "procura-list" ? [internal] : [internal, applyDisclosureControlToReport(internal)];
      const found: string[] = [];
      for (const result of results) {
        for (const format of formats) {
          const codes = findUntranslatedCodes(await textOf(result, format), zoneCodes);
          found.push(
            ...codes.map((code) => `${format}${result.suppression.applied ? " (pubblicato)" : ""}: ${code}`),
          );
        }
      }
      expect(found).toEqual([]);
    });
  }

  it("zones are named in the files, never by their code", async () => {
    const result = await run("occupancy", { date: "2025-12-31" });
    const text = await textOf(applyDisclosureControlToReport(result), "pdf");
    const [zone] = await queryRows<{ code: string; name: string }>(
      t.db,
      sql`select code, name from zone where code = 'firenze'`,
    );
    expect(text).toContain(zone.name);
    expect(findUntranslatedCodes(text, zoneCodes)).toEqual([]);
  });
});
