import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  admitToFlorenceStructure,
  completeSinbaCase,
  createFlorenceService,
  hostedChildWithCase,
  openSinbaCase,
  sinbaSituation,
} from "../../../../test/support/sinba-case-fixtures.ts";
import { italianChild } from "../../../../test/support/stay-fixtures.ts";
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
import { produceSinbaFlows } from "./sinba-flows.producer.ts";
import { validateAgainstXsd } from "./xsd-validation.ts";

let t: TestApp;
let service: Client;
let otherService: Client;

/**
 * Each test opens its own cases and drains the queue before it ends, so that every test starts
 * with nothing to check, whatever order the tests run in.
 */
beforeAll(async () => {
  t = await createTestApp();
  await createFlorenceService(t);
  await createOrganisationFor(t, "SST-B", "social-service");
  await createUserFor(t, "sociale-fi", "service-operator", "SST-FI");
  await createUserFor(t, "sociale-b", "service-manager", "SST-B");
  service = await logInAs(t.app, "sociale-fi");
  otherService = await logInAs(t.app, "sociale-b");
}, 120_000);
afterAll(() => t?.close());

/** A child of its own (by given name) hosted in the structure, and the case the service opens. */
async function caseOf(givenName: string, complete: boolean, stayRef = `c-${givenName}`) {
  const child = italianChild({
    familyName: "Bruni",
    givenName,
    sex: "F",
    birthDate: "2014-04-09",
    residenceComune: "048017",
  });
  const opened = await hostedChildWithCase(t, service, child, {
    stayRef,
    complete,
    mother: { citizenship: "235" },
  });
  return { ...opened, child };
}

async function record(caseId: string, events: object[]) {
  const response = await service.post(`/api/v1/cases/${caseId}/events`, { events });
  expect(response.statusCode, response.body).toBe(200);
  for (const result of json<{ results: { status: string }[] }>(response).results)
    expect(result, response.body).toMatchObject({ status: "accepted" });
}

const flowsOf = async (client: Client) => json<SinbaFlowList>(await client.get("/api/v1/sinba/flows"));
const flowsOfCase = async (caseId: string) =>
  (await flowsOf(service)).items.filter((flow) => flow.caseId === caseId);
const notSendableOf = async (client: Client) =>
  json<SinbaNotSendableList>(await client.get("/api/v1/sinba/not-sendable")).items;
const situation = sinbaSituation;

/** The id_flusso the next flow of the Florence service takes today: they are numbered per ente and day. */
async function nextIdFlusso(after = 0) {
  const [row] = await queryRows<{ count: number }>(
    t.db,
    sql`select count(*)::int as count from sinba_flow where id_flusso like 'D612.SINBA.20261121.%'`,
  );
  return `D612.SINBA.20261121.${String(row.count + 1 + after).padStart(7, "0")}`;
}

describe("the SINBA flow of a case", () => {
  it("an incomplete case is listed with what is missing, in Italian, and produces no flow", async () => {
    const { caseId, pseudonym } = await caseOf("Sara", false);
    expect(await t.app.sinbaFlowWorker.drain()).toEqual({ checked: 1, recorded: 0, notSendable: 1 });
    const response = await service.get("/api/v1/sinba/not-sendable");
    expect(response.statusCode).toBe(200);
    expect(response.headers["cache-control"]).toBe("no-store");
    const items = json<SinbaNotSendableList>(response).items.filter((item) => item.caseId === caseId);
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
    expect(await flowsOfCase(caseId)).toEqual([]);
  });

  it("once complete, one flow is recorded: id_flusso per ente and day, the XML valid against SINBA.xsd", async () => {
    const { caseId, pseudonym, child } = await caseOf("Bice", false);
    expect(await t.app.sinbaFlowWorker.drain()).toMatchObject({ checked: 1, notSendable: 1 });
    await completeSinbaCase(service, caseId, { mother: { citizenship: "235" } });
    const idFlusso = await nextIdFlusso();
    expect(await t.app.sinbaFlowWorker.drain()).toEqual({ checked: 1, recorded: 1, notSendable: 0 });
    expect(await flowsOfCase(caseId)).toEqual([
      expect.objectContaining({
        idFlusso,
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
    expect((await notSendableOf(service)).filter((item) => item.caseId === caseId)).toEqual([]);
    // Its identity was read twice, once for each check: incomplete, then complete.
    const reads = await queryRows<{ count: number }>(
      t.db,
      sql`select count(*)::int as count from audit_entry where action = 'sinba.identity-read'
          and minor_pseudonym = ${pseudonym} and username = 'sistema:flusso SINBA'`,
    );
    expect(reads[0].count).toBe(2);
  });

  it("a fact that changes no exported attribute records nothing; a change and the closure do", async () => {
    const { caseId } = await caseOf("Ada", true);
    const [opened, changed, closed] = [await nextIdFlusso(), await nextIdFlusso(1), await nextIdFlusso(2)];
    expect(await t.app.sinbaFlowWorker.drain()).toMatchObject({ recorded: 1 });
    await record(caseId, [{ id: randomUUID(), type: "situation", occurredOn: "2026-10-20", situation }]);
    expect(await t.app.sinbaFlowWorker.drain()).toEqual({ checked: 1, recorded: 0, notSendable: 0 });
    expect(await t.app.sinbaFlowWorker.drain()).toEqual({ checked: 0, recorded: 0, notSendable: 0 });
    await record(caseId, [
      {
        id: randomUUID(),
        type: "situation",
        occurredOn: "2026-10-21",
        situation: { ...situation, school: "4" },
      },
    ]);
    expect(await t.app.sinbaFlowWorker.drain()).toMatchObject({ recorded: 1 });
    await record(caseId, [
      {
        id: randomUUID(),
        type: "closure",
        occurredOn: "2026-11-10",
        closure: { reason: "4", situation: "1" },
      },
    ]);
    expect(await t.app.sinbaFlowWorker.drain()).toMatchObject({ recorded: 1 });
    expect(
      (await flowsOfCase(caseId)).map((flow) => [flow.idFlusso, flow.reason, flow.referenceDay]),
    ).toEqual([
      [closed, "closed", "2026-11-10"],
      [changed, "changed", t.today],
      [opened, "opened", t.today],
    ]);
    const [closure] = await queryRows<{ record: Record<string, unknown> }>(
      t.db,
      sql`select record from sinba_flow where id_flusso = ${closed}`,
    );
    expect(closure.record).toMatchObject({ MotivazioneChiusuraCarico: "4", SituazioneChiusuraCarico: "1" });
  });

  it("another service sees none of them", async () => {
    const complete = await caseOf("Elsa", true);
    const incomplete = await caseOf("Fede", false);
    expect(await t.app.sinbaFlowWorker.drain()).toEqual({ checked: 2, recorded: 1, notSendable: 1 });
    expect(await flowsOfCase(complete.caseId)).toHaveLength(1);
    expect((await notSendableOf(service)).map((item) => item.caseId)).toContain(incomplete.caseId);
    expect(await flowsOf(otherService)).toEqual({ total: 0, items: [] });
    expect(await notSendableOf(otherService)).toEqual([]);
  });

  it("two producers at once share the cases: each complete case gets one flow, every id_flusso once", async () => {
    const caseIds: string[] = [];
    const first = await nextIdFlusso();
    for (const [index, givenName] of ["Anna", "Bruno", "Carla", "Dario"].entries()) {
      const other = italianChild({
        familyName: "Verdi",
        givenName,
        birthDate: `2015-0${index + 1}-10`,
        residenceComune: "048017",
      });
      await admitToFlorenceStructure(t, `c-${givenName}`, other);
      const { caseId: id } = await openSinbaCase(service, other.fiscalCode as string, { reportSource: "2" });
      caseIds.push(id);
      await completeSinbaCase(service, id, {
        household: ["2"],
        childAssessment: "3",
        familyAssessment: "2",
        intervention: "B1.02",
      });
    }
    const [byWorker, byProducer] = await Promise.all([
      t.app.sinbaFlowWorker.drain(),
      produceSinbaFlows({ db: t.db, keyring: t.keyring, clock: t.clock }),
    ]);
    expect(byWorker.recorded + byProducer.recorded).toBe(4);
    const rows = await queryRows<{ caseId: string; idFlusso: string }>(
      t.db,
      sql`select case_id as "caseId", id_flusso as "idFlusso" from sinba_flow
          where case_id in (select e::uuid from jsonb_array_elements_text(${JSON.stringify(caseIds)}::jsonb) as t(e))`,
    );
    expect(rows.map((row) => row.caseId).sort()).toEqual([...caseIds].sort());
    const number = Number(first.slice(-7));
    expect(rows.map((row) => row.idFlusso).sort()).toEqual(
      [0, 1, 2, 3].map((offset) => `D612.SINBA.20261121.${String(number + offset).padStart(7, "0")}`),
    );
  });

  it("a bad page is refused in Italian, never a 5xx", async () => {
    const response = await service.get("/api/v1/sinba/flows?limit=0");
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain("Almeno 1 riga");
  });
});
