import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  admissionEvent,
  createActiveStructures,
  italianChild,
} from "../../../../test/support/stay-fixtures.ts";
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
import type { SinbaFlowList, SinbaNotSendableList } from "../../../domain/sinba/sinba-api.schema.ts";
import { createOrganisation } from "../access/users.service.ts";
import { ingestEvent } from "../stays/index.ts";
import { produceSinbaFlows } from "./sinba-flows.producer.ts";
import { validateAgainstXsd } from "./xsd-validation.ts";

let t: TestApp;
let service: Client;
let otherService: Client;
let pseudonym = "";
const caseId = randomUUID();
const system = { system: true as const, label: "test" };
const child = italianChild({
  familyName: "Bruni",
  givenName: "Sara",
  sex: "F",
  birthDate: "2014-04-09",
  residenceComune: "048017",
});

beforeAll(async () => {
  t = await createTestApp();
  await createActiveStructures(t.db, ["ST000001"]);
  await createOrganisation(t.db, system, {
    code: "SST-FI",
    name: "Servizio sociale di Firenze",
    kind: "social-service",
    fiscalCode: "01307110484",
    comune: "048017",
  });
  await createOrganisationFor(t, "SST-B", "social-service");
  await createUserFor(t, "sociale-fi", "service-operator", "SST-FI");
  await createUserFor(t, "sociale-b", "service-manager", "SST-B");
  await ingestEvent(
    t.db,
    { keyring: t.keyring, today: t.today },
    { kind: "user", id: randomUUID(), subject: system, mayWrite: () => true },
    admissionEvent("ST000001", "c-1", "2026-09-01", child),
  );
  service = await logInAs(t.app, "sociale-fi");
  otherService = await logInAs(t.app, "sociale-b");
  const lookup = await service.post("/api/v1/registry/lookups", {
    purpose: "admission",
    fiscalCode: child.fiscalCode,
  });
  pseudonym = json<{ minor: { pseudonym: string } }>(lookup).minor.pseudonym;
  const opened = await service.post("/api/v1/cases", {
    id: caseId,
    occurredOn: "2026-10-05",
    opening: { minorRef: pseudonym, firstReportOn: "2026-09", reportSource: "13" },
  });
  expect(opened.statusCode, opened.body).toBe(201);
}, 120_000);
afterAll(() => t?.close());

async function record(events: object[]) {
  const response = await service.post(`/api/v1/cases/${caseId}/events`, { events });
  expect(response.statusCode, response.body).toBe(200);
  for (const result of json<{ results: { status: string }[] }>(response).results)
    expect(result, response.body).toMatchObject({ status: "accepted" });
}

const flowsOf = async (client: Client) => json<SinbaFlowList>(await client.get("/api/v1/sinba/flows"));
const situation = { orphanhood: "1", livingPlace: "1", school: "3", workCondition: "1", disability: "2" };

describe("the SINBA flow of a case", () => {
  it("an incomplete case is listed with what is missing, in Italian, and produces no flow", async () => {
    expect(await t.app.sinbaFlowWorker.drain()).toEqual({ checked: 1, recorded: 0, notSendable: 1 });
    const response = await service.get("/api/v1/sinba/not-sendable");
    expect(response.statusCode).toBe(200);
    expect(response.headers["cache-control"]).toBe("no-store");
    const { items } = json<SinbaNotSendableList>(response);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ caseId, minorPseudonym: pseudonym, caseStatus: "open" });
    expect(items[0].missing.map((item) => item.field).sort()).toEqual(
      [
        "CondizioneLavoro",
        "CondizioneMinore",
        "ComposizioneFamiglia",
        "Disabilita",
        "LuogoVita",
        "Prestazioni",
        "ScuolaFrequentata",
        "ValutazioneFamigliaMinore",
        "ValutazioneMinore",
      ].sort(),
    );
    expect(items[0].missing.find((item) => item.field === "Prestazioni")).toMatchObject({
      part: "interventions",
      message: "Manca almeno una prestazione (da compilare in «Prestazioni»).",
    });
    expect((await flowsOf(service)).total).toBe(0);
  });

  it("once complete, one flow is recorded: id_flusso per ente and day, the XML valid against SINBA.xsd", async () => {
    await record([
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
    ]);
    expect(await t.app.sinbaFlowWorker.drain()).toEqual({ checked: 1, recorded: 1, notSendable: 0 });
    const flows = await flowsOf(service);
    expect(flows.items).toEqual([
      expect.objectContaining({
        idFlusso: "D612.SINBA.20261121.0000001",
        caseId,
        minorPseudonym: pseudonym,
        reason: "opened",
        referenceDay: t.today,
        status: "waiting",
      }),
    ]);
    const [stored] = await queryRows<{ xml: string; record: Record<string, unknown> }>(
      t.db,
      sql`select xml, record from sinba_flow where case_id = ${caseId}::uuid`,
    );
    expect(validateAgainstXsd(stored.xml, "sinba")).toEqual({ ok: true });
    expect(stored.record).toMatchObject({
      IDBeneficiario: pseudonym,
      AnnoNascita: "2014",
      // 12 years old on 21 November 2026.
      FasciaEtaBeneficiario: "5",
      CodiceCittadinanzaMadre: "642",
      CodiceNazioneResidenza: "380",
      DataPrimaSegnalazione: "09/2026",
    });
    expect(stored.xml).not.toContain(child.fiscalCode);
    expect((await service.get("/api/v1/sinba/not-sendable")).json()).toEqual({ items: [] });
    const reads = await queryRows<{ count: number }>(
      t.db,
      sql`select count(*)::int as count from audit_entry where action = 'sinba.identity-read'
          and minor_pseudonym = ${pseudonym} and username = 'sistema:flusso SINBA'`,
    );
    expect(reads[0].count).toBe(2);
  });

  it("a fact that changes no exported attribute records nothing; a change and the closure do", async () => {
    await record([{ id: randomUUID(), type: "situation", occurredOn: "2026-10-20", situation }]);
    expect(await t.app.sinbaFlowWorker.drain()).toEqual({ checked: 1, recorded: 0, notSendable: 0 });
    expect(await t.app.sinbaFlowWorker.drain()).toEqual({ checked: 0, recorded: 0, notSendable: 0 });
    await record([
      {
        id: randomUUID(),
        type: "situation",
        occurredOn: "2026-10-21",
        situation: { ...situation, school: "4" },
      },
    ]);
    expect(await t.app.sinbaFlowWorker.drain()).toMatchObject({ recorded: 1 });
    await record([
      {
        id: randomUUID(),
        type: "closure",
        occurredOn: "2026-11-10",
        closure: { reason: "4", situation: "1" },
      },
    ]);
    expect(await t.app.sinbaFlowWorker.drain()).toMatchObject({ recorded: 1 });
    const flows = await flowsOf(service);
    expect(flows.items.map((flow) => [flow.idFlusso, flow.reason, flow.referenceDay])).toEqual([
      ["D612.SINBA.20261121.0000003", "closed", "2026-11-10"],
      ["D612.SINBA.20261121.0000002", "changed", t.today],
      ["D612.SINBA.20261121.0000001", "opened", t.today],
    ]);
    const [closed] = await queryRows<{ record: Record<string, unknown> }>(
      t.db,
      sql`select record from sinba_flow where id_flusso = 'D612.SINBA.20261121.0000003'`,
    );
    expect(closed.record).toMatchObject({ MotivazioneChiusuraCarico: "4", SituazioneChiusuraCarico: "1" });
  });

  it("another service sees none of them", async () => {
    expect(await flowsOf(otherService)).toEqual({ total: 0, items: [] });
    expect(json(await otherService.get("/api/v1/sinba/not-sendable"))).toEqual({ items: [] });
  });

  it("two producers at once share the cases: each complete case gets one flow, every id_flusso once", async () => {
    const caseIds: string[] = [];
    for (const [index, givenName] of ["Anna", "Bruno", "Carla", "Dario"].entries()) {
      const other = italianChild({
        familyName: "Verdi",
        givenName,
        birthDate: `2015-0${index + 1}-10`,
        residenceComune: "048017",
      });
      await ingestEvent(
        t.db,
        { keyring: t.keyring, today: t.today },
        { kind: "user", id: randomUUID(), subject: system, mayWrite: () => true },
        admissionEvent("ST000001", `c-${givenName}`, "2026-09-01", other),
      );
      const found = await service.post("/api/v1/registry/lookups", {
        purpose: "admission",
        fiscalCode: other.fiscalCode,
      });
      const id = randomUUID();
      caseIds.push(id);
      const opened = await service.post("/api/v1/cases", {
        id,
        occurredOn: "2026-10-05",
        opening: {
          minorRef: json<{ minor: { pseudonym: string } }>(found).minor.pseudonym,
          firstReportOn: "2026-09",
          reportSource: "2",
        },
      });
      expect(opened.statusCode, opened.body).toBe(201);
      const recorded = await service.post(`/api/v1/cases/${id}/events`, {
        events: [
          { id: randomUUID(), type: "situation", occurredOn: "2026-10-06", situation },
          { id: randomUUID(), type: "family", occurredOn: "2026-10-06", family: { household: ["2"] } },
          {
            id: randomUUID(),
            type: "assessment",
            occurredOn: "2026-10-07",
            assessment: {
              child: { values: ["3"], prevalent: "3" },
              family: { values: ["2"], prevalent: "2" },
            },
          },
          {
            id: randomUUID(),
            type: "intervention-start",
            occurredOn: "2026-10-08",
            intervention: { code: "B1.02" },
          },
        ],
      });
      expect(recorded.statusCode).toBe(200);
    }
    const [first, second] = await Promise.all([
      t.app.sinbaFlowWorker.drain(),
      produceSinbaFlows({ db: t.db, keyring: t.keyring, clock: t.clock }),
    ]);
    expect(first.recorded + second.recorded).toBe(4);
    const rows = await queryRows<{ caseId: string; idFlusso: string }>(
      t.db,
      sql`select case_id as "caseId", id_flusso as "idFlusso" from sinba_flow
          where case_id in (select e::uuid from jsonb_array_elements_text(${JSON.stringify(caseIds)}::jsonb) as t(e))`,
    );
    expect(rows.map((row) => row.caseId).sort()).toEqual([...caseIds].sort());
    expect(rows.map((row) => row.idFlusso).sort()).toEqual([
      "D612.SINBA.20261121.0000004",
      "D612.SINBA.20261121.0000005",
      "D612.SINBA.20261121.0000006",
      "D612.SINBA.20261121.0000007",
    ]);
  });

  it("a bad page is refused in Italian, never a 5xx", async () => {
    const response = await service.get("/api/v1/sinba/flows?limit=0");
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain("Almeno 1 riga");
  });
});
