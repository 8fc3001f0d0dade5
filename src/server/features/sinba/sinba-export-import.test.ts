import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  admissionEvent,
  createActiveStructures,
  italianChild,
} from "../../../../test/support/stay-fixtures.ts";
import {
  type Client,
  createTestApp,
  createUserFor,
  json,
  logInAs,
  type TestApp,
} from "../../../../test/support/test-app.ts";
import { queryRows } from "../../../db/database.ts";
import { createOrganisation } from "../access/users.service.ts";
import { ingestEvent } from "../stays/index.ts";
import { exportSinbaFlows } from "./sinba-export.ts";
import { importSinbaXml } from "./sinba-import.ts";

let t: TestApp;
let folder = "";
let pseudonym = "";
let exported = "";
const caseOfFirenze = randomUUID();
const caseOfImporter = randomUUID();
const system = { system: true as const, label: "test" };
const child = italianChild({
  familyName: "Neri",
  givenName: "Alba",
  sex: "F",
  birthDate: "2013-02-11",
  residenceComune: "048017",
});
const situation = { orphanhood: "1", livingPlace: "1", school: "3", workCondition: "1", disability: "2" };

async function openCase(client: Client, id: string) {
  const lookup = await client.post("/api/v1/registry/lookups", {
    purpose: "admission",
    fiscalCode: child.fiscalCode,
  });
  expect(lookup.statusCode, lookup.body).toBe(200);
  pseudonym = json<{ minor: { pseudonym: string } }>(lookup).minor.pseudonym;
  const opened = await client.post("/api/v1/cases", {
    id,
    occurredOn: "2026-10-05",
    opening: { minorRef: pseudonym, firstReportOn: "2026-09", reportSource: "13" },
  });
  expect(opened.statusCode, opened.body).toBe(201);
}

const recordsOf = (caseId: string) =>
  queryRows<{ idFlusso: string; xml: string; record: Record<string, unknown> }>(
    t.db,
    sql`select id_flusso as "idFlusso", xml, record from sinba_flow where case_id = ${caseId}::uuid order by sequence`,
  );
const caseEventCount = async () =>
  (await queryRows<{ count: number }>(t.db, sql`select count(*)::int as count from case_event`))[0].count;
function withoutAttribute(xml: string, name: string) {
  const changed = xml.replace(new RegExp(` ${name}="[^"]*"`), "");
  expect(changed).not.toBe(xml);
  return changed;
}
const importDeps = () => ({ db: t.db, keyring: t.keyring, clock: t.clock });

beforeAll(async () => {
  t = await createTestApp();
  folder = fs.mkdtempSync(path.join(os.tmpdir(), "sirmi-sinba-export-"));
  await createActiveStructures(t.db, ["ST000001"]);
  await createOrganisation(t.db, system, {
    code: "SST-FI",
    name: "Servizio sociale di Firenze",
    kind: "social-service",
    fiscalCode: "01307110484",
    comune: "048017",
  });
  // The same ente's social service as another system kept it, before migrating to S.I.R.MI.
  await createOrganisation(t.db, system, {
    code: "SST-IMP",
    name: "Servizio sociale di Firenze, cartelle migrate",
    kind: "social-service",
    fiscalCode: "01307110492",
    comune: "048017",
  });
  await createUserFor(t, "sociale-fi", "service-operator", "SST-FI");
  await createUserFor(t, "sociale-imp", "service-operator", "SST-IMP");
  await ingestEvent(
    t.db,
    { keyring: t.keyring, today: t.today },
    { kind: "user", id: randomUUID(), subject: system, mayWrite: () => true },
    admissionEvent("ST000001", "c-1", "2026-09-01", child),
  );
  const firenze = await logInAs(t.app, "sociale-fi");
  await openCase(firenze, caseOfFirenze);
  const response = await firenze.post(`/api/v1/cases/${caseOfFirenze}/events`, {
    events: [
      { id: randomUUID(), type: "situation", occurredOn: "2026-10-06", situation },
      {
        id: randomUUID(),
        type: "family",
        occurredOn: "2026-10-06",
        family: { household: ["1", "3"], mother: { citizenship: "235" } },
      },
      {
        id: randomUUID(),
        type: "assessment",
        occurredOn: "2026-10-07",
        assessment: { child: { values: ["7"], prevalent: "7" }, family: { values: ["1"], prevalent: "1" } },
      },
      {
        id: randomUUID(),
        type: "intervention-start",
        occurredOn: "2026-10-08",
        intervention: { code: "A1.01" },
      },
    ],
  });
  expect(response.statusCode, response.body).toBe(200);
  expect(await t.app.sinbaFlowWorker.drain()).toMatchObject({ recorded: 1 });
  await openCase(await logInAs(t.app, "sociale-imp"), caseOfImporter);
}, 120_000);
afterAll(async () => {
  await t?.close();
  if (folder) fs.rmSync(folder, { recursive: true, force: true });
});

describe("sirmi sinba export", () => {
  it("writes each flow of the ente as the XML that was stored, named by its id_flusso, and marks nothing", async () => {
    const progress: number[] = [];
    const result = await exportSinbaFlows(t.db, {
      belfiore: "d612",
      folder,
      progress: (done) => progress.push(done),
    });
    const [stored] = await recordsOf(caseOfFirenze);
    expect(result.flows).toBe(1);
    expect(result.files).toEqual([path.join(folder, `${stored.idFlusso}.xml`)]);
    exported = fs.readFileSync(result.files[0], "utf8");
    expect(exported).toBe(stored.xml);
    expect(progress.at(-1)).toBe(1);
    const [status] = await queryRows<{ status: string }>(
      t.db,
      sql`select status from sinba_flow where case_id = ${caseOfFirenze}::uuid`,
    );
    expect(status.status).toBe("waiting");
    const audit = await queryRows<{ count: number }>(
      t.db,
      sql`select count(*)::int as count from audit_entry where action = 'sinba.export'`,
    );
    expect(audit[0].count).toBe(1);
  });

  it("a day after the last flow exports nothing; an unknown or malformed ente is refused in Italian", async () => {
    // The day after the last flow was recorded, on the database's clock (whatever the calendar says).
    const [{ nextDay }] = await queryRows<{ nextDay: string }>(
      t.db,
      sql`select ((max(recorded_at) at time zone 'Europe/Rome')::date + 1)::text as "nextDay" from sinba_flow`,
    );
    const later = await exportSinbaFlows(t.db, { belfiore: "D612", since: nextDay, folder });
    expect(later.flows).toBe(0);
    await expect(exportSinbaFlows(t.db, { belfiore: "H501", folder })).rejects.toMatchObject({
      code: "not-found",
      message: expect.stringContaining("H501"),
    });
    await expect(exportSinbaFlows(t.db, { belfiore: "Firenze", folder })).rejects.toMatchObject({
      code: "validation-failed",
    });
    await expect(
      exportSinbaFlows(t.db, { belfiore: "D612", since: "31/12/2026", folder }),
    ).rejects.toMatchObject({ code: "validation-failed" });
  });
});

describe("sirmi sinba import", () => {
  it("refuses a file not well-formed, not valid, too large or of an unknown service, storing nothing", async () => {
    const before = await caseEventCount();
    const refused = [
      [Buffer.from("<Flusso><SINBA>"), "invalid-request"],
      [Buffer.from(withoutAttribute(exported, "ValutazioneMinore")), "validation-failed"],
      [Buffer.alloc(21 * 1024 * 1024, 32), "payload-too-large"],
    ] as const;
    for (const [bytes, code] of refused)
      await expect(importSinbaXml(importDeps(), bytes, { serviceCode: "SST-IMP" })).rejects.toMatchObject({
        code,
      });
    await expect(
      importSinbaXml(importDeps(), Buffer.from(exported), { serviceCode: "SST-NESSUNO" }),
    ).rejects.toMatchObject({ code: "unknown-organisation" });
    expect(await caseEventCount()).toBe(before);
  });

  it("brings another system's record in as facts of the matching case: its own flow is the same record", async () => {
    const report = await importSinbaXml(importDeps(), Buffer.from(exported), { serviceCode: "SST-IMP" });
    expect(report).toMatchObject({ records: 1, imported: 1, unchanged: 0, notMatched: 0, rejected: 0 });
    expect(report.outcomes[0]).toMatchObject({ caseId: caseOfImporter, minorPseudonym: pseudonym });
    expect(report.outcomes[0].facts).toBeGreaterThan(0);
    expect(await t.app.sinbaFlowWorker.drain()).toMatchObject({ recorded: 1 });
    const [original] = await recordsOf(caseOfFirenze);
    const [imported] = await recordsOf(caseOfImporter);
    expect(imported.record).toEqual(original.record);
  });

  it("the same file again adds nothing; a record naming a fiscal code or an unknown child is not matched", async () => {
    const before = await caseEventCount();
    const again = await importSinbaXml(importDeps(), Buffer.from(exported), { serviceCode: "SST-IMP" });
    expect(again).toMatchObject({ records: 1, imported: 0, unchanged: 1 });
    const withFiscalCode = exported.replace(
      `IDBeneficiario="${pseudonym}"`,
      `IDBeneficiario="${child.fiscalCode}"`,
    );
    expect(withFiscalCode).not.toBe(exported);
    const named = await importSinbaXml(importDeps(), Buffer.from(withFiscalCode), { serviceCode: "SST-IMP" });
    expect(named.outcomes[0]).toMatchObject({
      outcome: "not-matched",
      message: expect.stringContaining("codice fiscale"),
    });
    expect(named.outcomes[0].caseId).toBeUndefined();
    const unknown = exported.replace(`IDBeneficiario="${pseudonym}"`, 'IDBeneficiario="SCONOSCIUTO1"');
    const notFound = await importSinbaXml(importDeps(), Buffer.from(unknown), { serviceCode: "SST-IMP" });
    expect(notFound).toMatchObject({ notMatched: 1, imported: 0 });
    expect(await caseEventCount()).toBe(before);
  });
});
