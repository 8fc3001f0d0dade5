import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  admissionEvent,
  arrivedChild,
  createActiveStructures,
  dischargeEvent,
  italianChild,
} from "../../../../test/support/stay-fixtures.ts";
import { vatNumber } from "../../../../test/support/structure-fixtures.ts";
import {
  type Client,
  createOrganisationFor,
  createTestApp,
  createUserFor,
  logInAs,
  type TestApp,
} from "../../../../test/support/test-app.ts";
import { queryRows } from "../../../db/database.ts";
import type { ReportResult } from "../../../domain/reports/report.ts";
import { type EventSource, ingestEvents } from "../stays/ingest-event.ts";
import {
  expectedPdfFigures,
  figuresOfCsv,
  figuresOfJson,
  figuresOfPdf,
  figuresOfXlsx,
  pdfFiguresWithoutWrappedWords,
  pdfItems,
} from "./report-file-readers.fixtures.ts";

/** Every report of the catalogue, with parameters, and who may ask for it. */
const catalogue: [string, string, "analista" | "resp"][] = [
  ["out-of-family-stock", "date=2025-12-31", "analista"],
  ["admissions", "year=2025", "analista"],
  ["discharges", "year=2026", "analista"],
  ["ministry-survey", "year=2025", "analista"],
  ["istat-presidi", "year=2025", "analista"],
  ["occupancy", "date=2025-12-31", "analista"],
  ["trend", "from=2025-01&to=2025-12", "analista"],
  ["timeliness", "from=2025-01-01&to=2025-12-31", "analista"],
  ["procura-list", "structure=ST000030&semester=2026-1", "resp"],
  ["out-of-family-stock", "date=2025-12-31&publication=true", "analista"],
];
const formats = [
  ["json", "application/json"],
  ["csv", "text/csv"],
  ["xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
  ["pdf", "application/pdf"],
] as const;

let t: TestApp;
const clients: Record<string, Client> = {};

beforeAll(async () => {
  t = await createTestApp();
  await createOrganisationFor(t, "COOP", "operator", vatNumber("0123456789"), "Cooperativa Sociale Esempio");
  await createOrganisationFor(t, "REGIONE", "region");
  await createActiveStructures(t.db, ["ST000030"], 6);
  const source: EventSource = {
    kind: "user",
    id: randomUUID(),
    subject: { system: true, label: "test" },
    mayWrite: () => true,
  };
  const children = [
    italianChild({ familyName: "Neri", givenName: "Paolo", birthDate: "2011-02-03" }),
    italianChild({ familyName: "Fabbri", givenName: "Elena", sex: "F", birthDate: "2008-06-30" }),
    arrivedChild({ familyName: "Diallo", givenName: "Amadou" }),
  ];
  const results = await ingestEvents(t.db, { keyring: t.keyring, today: t.today }, source, [
    ...children.map((child, index) => admissionEvent("ST000030", `F-${index}`, "2025-02-10", child)),
    dischargeEvent("ST000030", "F-1", "2026-03-01"),
  ]);
  expect(results.map((result) => result.status)).toEqual(["accepted", "accepted", "accepted", "accepted"]);
  await createUserFor(t, "analista", "region-analyst", "REGIONE");
  await createUserFor(t, "resp", "structure-manager", "COOP");
  for (const username of ["analista", "resp"]) clients[username] = await logInAs(t.app, username);
});
afterAll(() => t.close());

describe("every report in every format", () => {
  for (const [id, query, username] of catalogue) {
    it(`${id} (${query}): JSON, CSV, XLSX and PDF with the same tables and figures`, async () => {
      // Now, after everything the world recorded: an instant a moment earlier could precede it.
      const asOf = new Date().toISOString();
      const byFormat: Record<string, { type: string; body: Buffer }> = {};
      for (const [format] of formats) {
        const response = await clients[username].get(
          `/api/v1/reports/${id}?${query}&asOf=${encodeURIComponent(asOf)}&format=${format}`,
        );
        expect(response.statusCode, `${id} ${format}: ${response.body.slice(0, 300)}`).toBe(200);
        byFormat[format] = { type: String(response.headers["content-type"]), body: response.rawPayload };
      }
      for (const [format, type] of formats) expect(byFormat[format].type).toContain(type);
      const report = JSON.parse(byFormat.json.body.toString("utf8")) as ReportResult;
      expect(report.report).toBe(id);
      expect(report.tables.length).toBeGreaterThan(0);
      const csv = byFormat.csv.body.toString("utf8");
      for (const table of report.tables) expect(csv).toContain(table.title);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(byFormat.xlsx.body as unknown as ArrayBuffer);
      expect(workbook.worksheets.length).toBe(report.tables.length + 1);
      expect(byFormat.pdf.body.subarray(0, 5).toString("latin1")).toBe("%PDF-");
      // The same figures, cell by cell, in every format.
      const figures = figuresOfJson(report);
      expect(figures.flat(2).some((figure) => typeof figure === "number" && figure > 0)).toBe(
        id !== "procura-list",
      );
      expect(figuresOfCsv(csv, report)).toEqual(figures);
      expect(await figuresOfXlsx(byFormat.xlsx.body, report)).toEqual(figures);
      const printed = figuresOfPdf(await pdfItems(byFormat.pdf.body));
      expect(pdfFiguresWithoutWrappedWords(printed, report)).toEqual(expectedPdfFigures(report));
    }, 60_000);
  }

  it("the Procura list names the minors hosted in the semester, each identity read audited", async () => {
    const identityReads = async () => {
      const [row] = await queryRows<{ count: number }>(
        t.db,
        sql`select count(*)::int as count from audit_entry
            where purpose = 'legal-obligation' and minor_pseudonym is not null`,
      );
      return row.count;
    };
    const before = await identityReads();
    const response = await clients.resp.get(
      "/api/v1/reports/procura-list?structure=ST000030&semester=2026-1",
    );
    const report = response.json() as ReportResult;
    const rows = report.tables[0].rows;
    expect(rows.map((row) => row.familyName).sort()).toEqual(["Diallo", "Fabbri", "Neri"]);
    expect((await identityReads()) - before).toBe(3);
  });
});
