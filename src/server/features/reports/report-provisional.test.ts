import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Client,
  createOrganisationFor,
  createTestApp,
  createUserFor,
  json,
  logInAs,
  type TestApp,
} from "../../../../test/support/test-app.ts";
import { pdfText, xlsxText } from "../../../../test/support/untranslated-codes.ts";
import type { ReportResult } from "../../../domain/reports/report.ts";
import { addDays } from "../../../domain/time/calendar.ts";

let t: TestApp;
let analyst: Client;
let year = 0;

beforeAll(async () => {
  t = await createTestApp();
  year = Number(t.today.slice(0, 4));
  await createOrganisationFor(t, "REGIONE", "region");
  await createUserFor(t, "analista", "region-analyst", "REGIONE");
  analyst = await logInAs(t.app, "analista");
});
afterAll(() => t.close());

const report = async (path: string) => json<ReportResult>(await analyst.get(`/api/v1/reports/${path}`));

describe("a report whose period is not over says it is provisional", () => {
  it("by the injected clock's today: the running year, today, this month", async () => {
    const provisional = [
      `ministry-survey?year=${year}`,
      `occupancy?date=${t.today}`,
      `trend?from=${year}-01&to=${t.today.slice(0, 7)}`,
      `timeliness?from=${year}-01-01&to=${t.today}`,
      `istat-presidi?year=${year}`,
    ];
    for (const path of provisional) expect((await report(path)).provisional, path).toBe(true);
    const final = [
      `ministry-survey?year=${year - 1}`,
      `occupancy?date=${addDays(t.today, -1)}`,
      `trend?from=${year - 1}-01&to=${year - 1}-12`,
    ];
    for (const path of final) expect((await report(path)).provisional, path).toBe(false);
  });

  it("as known at an earlier instant, it says what it said then", async () => {
    const asOf = encodeURIComponent(`${year - 1}-12-31T12:00:00Z`);
    expect((await report(`ministry-survey?year=${year - 1}&asOf=${asOf}`)).provisional).toBe(true);
    const after = encodeURIComponent(`${year}-01-01T12:00:00Z`);
    expect((await report(`ministry-survey?year=${year - 1}&asOf=${after}`)).provisional).toBe(false);
  });

  it("says so in the CSV, the XLSX and the PDF, with the end of the period", async () => {
    const notice = `fino al 31/12/${year}) non è ancora concluso`;
    const csv = await analyst.get(`/api/v1/reports/ministry-survey?year=${year}&format=csv`);
    expect(csv.body).toContain(notice);
    const xlsx = await analyst.get(`/api/v1/reports/ministry-survey?year=${year}&format=xlsx`);
    expect(await xlsxText(xlsx.rawPayload)).toContain(notice);
    const pdf = await analyst.get(`/api/v1/reports/ministry-survey?year=${year}&format=pdf`);
    expect(await pdfText(pdf.rawPayload)).toContain("Dati provvisori");
    const closed = await analyst.get(`/api/v1/reports/ministry-survey?year=${year - 1}&format=csv`);
    expect(closed.body).not.toContain("Dati provvisori");
  });
});
