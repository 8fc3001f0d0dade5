import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  admissionEvent,
  arrivedChild,
  createActiveStructures,
  italianChild,
} from "../../../../test/support/stay-fixtures.ts";
import { vatNumber } from "../../../../test/support/structure-fixtures.ts";
import {
  type Client,
  createOrganisationFor,
  createTestApp,
  createUserFor,
  json,
  logInAs,
  type TestApp,
} from "../../../../test/support/test-app.ts";
import { queryRows } from "../../../db/database.ts";
import { internalViewNotice, type ReportResult } from "../../../domain/reports/report.ts";
import { loadConfig } from "../../config.ts";
import { type EventSource, ingestEvent } from "../stays/ingest-event.ts";

let t: TestApp;
const clients: Record<string, Client> = {};
const ids: Record<string, string> = {};
const stock = "/api/v1/reports/out-of-family-stock?date=2025-12-31";
const hosted = [
  italianChild({ familyName: "Riva", givenName: "Tommaso", birthDate: "2012-03-14" }),
  italianChild({ familyName: "Conti", givenName: "Giulia", sex: "F", birthDate: "2013-05-02" }),
  italianChild({ familyName: "Bruni", givenName: "Marco", birthDate: "2009-11-20" }),
  italianChild({ familyName: "Galli", givenName: "Sara", sex: "F", birthDate: "2016-07-09" }),
];

beforeAll(async () => {
  t = await createTestApp();
  await createOrganisationFor(t, "COOP", "operator", vatNumber("0123456789"), "Cooperativa Sociale Esempio");
  await createOrganisationFor(t, "ALTRA", "operator", vatNumber("0987654321"), "Altra Cooperativa");
  await createOrganisationFor(t, "REGIONE", "region");
  await createOrganisationFor(t, "OSS", "observatory");
  await createActiveStructures(t.db, ["ST000010", "ST000020"], 6);
  for (const row of await queryRows<{ id: string; code: string }>(t.db, sql`select id, code from structure`))
    ids[row.code] = row.id;
  const source: EventSource = {
    kind: "user",
    id: randomUUID(),
    subject: { system: true, label: "test" },
    mayWrite: () => true,
  };
  const context = { keyring: t.keyring, today: "2026-01-10" };
  for (const [index, minor] of hosted.entries())
    await ingestEvent(t.db, context, source, admissionEvent("ST000010", `a-${index}`, "2025-03-01", minor));
  await ingestEvent(t.db, context, source, admissionEvent("ST000020", "b-1", "2025-04-01", italianChild()));
  await ingestEvent(t.db, context, source, admissionEvent("ST000020", "b-2", "2025-04-01", arrivedChild()));

  const users: [string, Parameters<typeof createUserFor>[2], string, string?][] = [
    ["analista", "region-analyst", "REGIONE"],
    ["admin", "region-admin", "REGIONE"],
    ["osservatorio", "observatory", "OSS"],
    ["revisore", "auditor", "REGIONE"],
    ["resp", "structure-manager", "COOP"],
    ["resp-altra", "structure-manager", "ALTRA"],
    ["op-10", "structure-operator", "COOP", ids.ST000010],
  ];
  for (const [username, role, organisation, structureId] of users) {
    await createUserFor(t, username, role, organisation, structureId);
    clients[username] = await logInAs(t.app, username);
  }
});
afterAll(() => t.close());

const totalOf = (result: ReportResult, tableId: string) =>
  result.tables.find((table) => table.id === tableId)?.total;

describe("the catalogue", () => {
  it("lists every report with Italian titles and parameters, to the roles that read reports", async () => {
    const response = await clients.analista.get("/api/v1/reports");
    expect(response.statusCode).toBe(200);
    const items = json<{
      items: { id: string; title: string; parameters: { name: string; required: boolean }[] }[];
    }>(response).items;
    expect(items.map((item) => item.id)).toContain("procura-list");
    expect(items.find((item) => item.id === "admissions")?.parameters).toContainEqual(
      expect.objectContaining({ name: "year", required: true }),
    );
    expect((await clients.revisore.get("/api/v1/reports")).statusCode).toBe(403);
  });
});

describe("formats", () => {
  it("answers JSON with the instant of knowledge, unsuppressed for the region analyst", async () => {
    const response = await clients.analista.get(stock);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toContain("application/json");
    const result = json<ReportResult>(response);
    expect(result).toMatchObject({ report: "out-of-family-stock", parameters: { date: "2025-12-31" } });
    expect(result.suppression.applied).toBe(false);
    expect(result.asOf).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
    // The province table counts every minor, MSNA included.
    expect(totalOf(result, "by-province")).toBe(6);
  });

  it("gives CSV, XLSX and PDF files with their media type and a file name", async () => {
    const csv = await clients.analista.get(`${stock}&format=csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(csv.headers["content-disposition"]).toMatch(
      /^attachment; filename="sirmi_out-of-family-stock_2025-12-31_.+\.csv"$/,
    );
    expect(csv.body.startsWith("\uFEFF")).toBe(true);
    expect(csv.body).toContain(internalViewNotice);

    const xlsx = await clients.analista.get(`${stock}&format=xlsx`);
    expect(xlsx.headers["content-type"]).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as never);
    expect(workbook.worksheets[0].name).toBe("Informazioni");
    expect(workbook.worksheets.length).toBe(
      1 + json<ReportResult>(await clients.analista.get(stock)).tables.length,
    );

    const pdf = await clients.analista.get(`${stock}&format=pdf`);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    expect(pdf.headers["content-disposition"]).toMatch(/\.pdf"$/);
    expect(pdf.rawPayload.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  });
});

describe("disclosure control", () => {
  it("suppresses small cells when publication=true, and always for the observatory", async () => {
    for (const response of [
      await clients.analista.get(`${stock}&publication=true`),
      await clients.osservatorio.get(stock),
    ]) {
      expect(response.statusCode).toBe(200);
      const result = json<ReportResult>(response);
      expect(result.suppression).toEqual({ applied: true, threshold: 3 });
      const cells = result.tables.flatMap((table) => table.rows);
      expect(cells.some((row) => row.flag === "c" || Object.keys(row.flags ?? {}).length > 0)).toBe(true);
      for (const row of cells) if (typeof row.count === "number") expect([1, 2]).not.toContain(row.count);
    }
    const file = await clients.osservatorio.get(`${stock}&format=csv`);
    expect(file.body).toContain("soglia 3");
    expect(file.body).not.toContain(internalViewNotice);
  });

  it("refuses publication=false to the observatory", async () => {
    const response = await clients.osservatorio.get(`${stock}&publication=false`);
    expect(response.statusCode).toBe(403);
    expect(response.headers["content-type"]).toContain("application/problem+json");
  });
});

describe("scope", () => {
  it("shows a structure operator its own structure only, and 404 for another", async () => {
    const own = json<ReportResult>(await clients["op-10"].get(stock));
    expect(totalOf(own, "by-province")).toBe(4);
    expect((await clients["op-10"].get(`${stock}&structure=ST000020`)).statusCode).toBe(404);
  });

  it("shows a manager of another operator nothing of these structures", async () => {
    expect(totalOf(json<ReportResult>(await clients["resp-altra"].get(stock)), "by-province")).toBe(0);
    expect((await clients["resp-altra"].get(`${stock}&structure=ST000010`)).statusCode).toBe(404);
    expect((await clients["resp-altra"].get(`${stock}&structure=NOPE`)).statusCode).toBe(404);
  });

  it("narrows the region to a structure or a zone, and names the filter in the result", async () => {
    const one = json<ReportResult>(await clients.analista.get(`${stock}&structure=ST000020`));
    expect(totalOf(one, "by-province")).toBe(2);
    expect(one.parameters).toMatchObject({ structure: "ST000020" });
    const firenze = json<ReportResult>(await clients.analista.get(`${stock}&zone=firenze&province=FI`));
    expect(totalOf(firenze, "by-province")).toBe(6);
    expect(firenze.parameters).toMatchObject({ zone: "firenze", province: "FI" });
    const elsewhere = json<ReportResult>(await clients.analista.get(`${stock}&province=PI`));
    expect(totalOf(elsewhere, "by-province")).toBe(0);
    const badZone = await clients.analista.get(`${stock}&zone=NESSUNA`);
    expect(badZone.statusCode).toBe(422);
    expect(json(badZone)).toMatchObject({
      problems: [expect.objectContaining({ path: "/parameters/zone" })],
    });
  });
});

describe("the list for the Procura", () => {
  const procura = "/api/v1/reports/procura-list?structure=ST000010&semester=2026-1";

  it("is given to the structure's manager, with identities, and audited as a legal obligation", async () => {
    const response = await clients.resp.get(procura);
    expect(response.statusCode).toBe(200);
    expect(JSON.stringify(json(response))).toContain("Riva");
    const entries = json<{
      items: { action: string; purpose: string | null; outcome: string; resourceId: string }[];
    }>(await clients.revisore.get("/api/v1/audit-entries?action=report.read")).items;
    expect(entries).toContainEqual(
      expect.objectContaining({
        resourceId: "procura-list",
        purpose: "legal-obligation",
        outcome: "success",
      }),
    );
    expect(entries).toContainEqual(
      expect.objectContaining({
        resourceId: "out-of-family-stock",
        purpose: "statistics",
        outcome: "success",
      }),
    );
    for (const name of ["Riva", "Tommaso", "2012-03-14"]) expect(t.logLines.join("\n")).not.toContain(name);
  });

  it("is forbidden to the region analyst, the observatory and the operator, and 404 for another manager", async () => {
    expect((await clients.analista.get(procura)).statusCode).toBe(403);
    expect((await clients.osservatorio.get(procura)).statusCode).toBe(403);
    expect((await clients["op-10"].get(procura)).statusCode).toBe(403);
    expect((await clients["resp-altra"].get(procura)).statusCode).toBe(404);
    const denied = json<{ items: { outcome: string; resourceId: string }[] }>(
      await clients.revisore.get("/api/v1/audit-entries?action=report.read&outcome=denied"),
    ).items;
    expect(denied.filter((entry) => entry.resourceId === "procura-list").length).toBeGreaterThanOrEqual(4);
  });
});

describe("the list for the Procura of an older semester", () => {
  // Today is 2026-11-21 (the test clock): 2026-2 and 2026-1 are open, 2025-2 and before are not.
  const older = "/api/v1/reports/procura-list?structure=ST000010&semester=2025-1";
  const reason = "Il Tribunale chiede con urgenza i dati di un'accoglienza del 2025.";

  it("is refused with a stable code and an Italian message naming the open semesters", async () => {
    const response = await clients.resp.get(older);
    expect(response.statusCode).toBe(403);
    expect(json(response)).toMatchObject({ code: "procura-semester-closed" });
    expect(json<{ detail: string }>(response).detail).toContain("2026-2");
    expect(json<{ detail: string }>(response).detail).toContain("accesso di emergenza");
    // Another manager's structure is still simply not found.
    expect((await clients["resp-altra"].get(older)).statusCode).toBe(404);
  });

  it("lists only the minors of a running emergency access, each read flagged, and no more once it expires", async () => {
    const [riva] = await queryRows<{ id: string; pseudonym: string }>(
      t.db,
      sql`select m.id, m.pseudonym from stay s join minor m on m.id = s.minor_id where s.stay_ref = 'a-0'`,
    );
    const opened = await clients.resp.post("/api/v1/break-glass-accesses", {
      pseudonym: riva.pseudonym,
      reason,
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const response = await clients.resp.get(older);
    expect(response.statusCode, response.body).toBe(200);
    const rows = json<ReportResult>(response).tables[0].rows;
    expect(rows.map((row) => row.familyName)).toEqual(["Riva"]);
    const [read] = await queryRows<{ purpose: string; details: { breakGlassId?: string } }>(
      t.db,
      sql`select purpose, details from audit_entry
          where action = 'report.procura-list.identity-read' and resource_id = ${riva.id}
          order by sequence desc limit 1`,
    );
    expect(read).toEqual({
      purpose: "break-glass",
      details: expect.objectContaining({ breakGlassId: json<{ id: string }>(opened).id }),
    });
    await t.db.execute(
      sql`update break_glass_access set opened_at = now() - interval '25 hours', expires_at = now() - interval '1 hour'`,
    );
    expect(json(await clients.resp.get(older))).toMatchObject({ code: "procura-semester-closed" });
  });
});

describe("bad requests", () => {
  it.each([
    ["/api/v1/reports/admissions?year=abc", "/parameters/year"],
    ["/api/v1/reports/admissions", "/parameters/year"],
    [`${stock}&asOf=ieri`, "/asOf"],
    [`${stock}&asOf=2999-01-01T00:00:00Z`, "/asOf"],
    ["/api/v1/reports/trend?from=2025-06&to=2025-01", "/parameters/to"],
  ])("%s → 422 with an Italian problem at %s", async (url, path) => {
    const response = await clients.analista.get(url);
    expect(response.statusCode).toBe(422);
    expect(response.headers["content-type"]).toContain("application/problem+json");
    const problem = json<{ problems: { path: string; message: string }[] }>(response);
    expect(problem.problems).toContainEqual(expect.objectContaining({ path }));
    expect(problem.problems[0].message).not.toMatch(/^(Invalid|Expected|Required)/);
  });

  it("answers 422 for an unknown format and 404 for an unknown report", async () => {
    expect((await clients.analista.get(`${stock}&format=doc`)).statusCode).toBe(422);
    expect((await clients.analista.get("/api/v1/reports/everything")).statusCode).toBe(404);
  });

  it("keeps the suppression threshold at 3 or more", () => {
    expect(loadConfig({}).suppressionThreshold).toBe(3);
    expect(loadConfig({ SIRMI_SUPPRESSION_THRESHOLD: "5" }).suppressionThreshold).toBe(5);
    expect(() => loadConfig({ SIRMI_SUPPRESSION_THRESHOLD: "2" })).toThrow(/SIRMI_SUPPRESSION_THRESHOLD/);
  });
});
