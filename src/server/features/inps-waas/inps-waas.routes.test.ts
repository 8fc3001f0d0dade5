import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import fc from "fast-check";
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
import type { SinbaFlowList } from "../../../domain/sinba/sinba-api.schema.ts";
import { createOrganisation } from "../access/users.service.ts";
import {
  type KeyedClient,
  newKeyPair,
  publicUrl,
  registerClient,
} from "../events/machine-request.fixtures.ts";
import { ingestEvent } from "../stays/index.ts";
import { callWaas, violationsOf, waasBase } from "./inps-waas.fixtures.ts";

let t: TestApp;
let service: Client;
let admin: Client;
let inps: KeyedClient;
let caseId = "";
const system = { system: true as const, label: "test" };
const child = italianChild({
  familyName: "Neri",
  givenName: "Luca",
  sex: "M",
  birthDate: "2013-03-02",
  residenceComune: "048017",
});

const countFlows = async () =>
  (
    await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from sinba_flow where status <> 'waiting'`,
    )
  )[0].n;

beforeAll(async () => {
  t = await createTestApp({ SIRMI_PUBLIC_URL: publicUrl });
  await createActiveStructures(t.db, ["ST000001"]);
  await createOrganisation(t.db, system, {
    code: "SST-FI",
    name: "Servizio sociale di Firenze",
    kind: "social-service",
    fiscalCode: "01307110484",
    comune: "048017",
  });
  await createOrganisationFor(t, "REGIONE", "region");
  await createUserFor(t, "sociale-fi", "service-operator", "SST-FI");
  await createUserFor(t, "admin-regione", "region-admin", "REGIONE");
  await ingestEvent(
    t.db,
    { keyring: t.keyring, today: t.today },
    { kind: "user", id: randomUUID(), subject: system, mayWrite: () => true },
    admissionEvent("ST000001", "c-1", "2026-09-01", child),
  );
  service = await logInAs(t.app, "sociale-fi");
  admin = await logInAs(t.app, "admin-regione");
  const lookup = await service.post("/api/v1/registry/lookups", {
    purpose: "admission",
    fiscalCode: child.fiscalCode,
  });
  const pseudonym = json<{ minor: { pseudonym: string } }>(lookup).minor.pseudonym;
  caseId = randomUUID();
  const opened = await service.post("/api/v1/cases", {
    id: caseId,
    occurredOn: "2026-10-05",
    opening: { minorRef: pseudonym, firstReportOn: "2026-09", reportSource: "13" },
  });
  expect(opened.statusCode, opened.body).toBe(201);
  const situation = { orphanhood: "1", livingPlace: "1", school: "3", workCondition: "1", disability: "2" };
  const events = await service.post(`/api/v1/cases/${caseId}/events`, {
    events: [
      { id: randomUUID(), type: "situation", occurredOn: "2026-10-06", situation },
      { id: randomUUID(), type: "family", occurredOn: "2026-10-06", family: { household: ["1", "3"] } },
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
  expect(events.statusCode, events.body).toBe(200);
  expect((await t.app.sinbaFlowWorker.drain()).recorded).toBe(1);
  // More flows of the same service, several in one statement (one now(): the trigger spreads them
  // one millisecond apart), and one of another ente the INPS client is not registered for.
  await t.db.execute(sql`insert into sinba_flow (id, id_flusso, service_organisation_id, case_id, reason,
      reference_day, record, record_digest, xml)
    select gen_random_uuid(), 'D612.SINBA.20261121.000000' || n, service_organisation_id, case_id, 'changed',
      reference_day, record, record_digest || n, xml
    from sinba_flow, generate_series(2, 7) as n where id_flusso = 'D612.SINBA.20261121.0000001'`);
  await t.db.execute(sql`insert into sinba_flow (id, id_flusso, service_organisation_id, case_id, reason,
      reference_day, record, record_digest, xml)
    select gen_random_uuid(), 'A944.SINBA.20261121.0000001', service_organisation_id, case_id, 'changed',
      reference_day, record, record_digest || 'x', xml
    from sinba_flow where id_flusso = 'D612.SINBA.20261121.0000001'`);
  const pair = await newKeyPair("inps-1");
  const created = await admin.post("/api/v1/inps-clients", { enti: ["D612"], keys: [pair.jwk] });
  expect(created.statusCode, created.body).toBe(201);
  inps = { id: json<{ id: string }>(created).id, kid: pair.kid, privateKey: pair.privateKey };
}, 120_000);
afterAll(() => t?.close());

type Entries = {
  elenco_flussi: { id_flusso: string; ts_flusso: string; flusso: string; codice_ente: string }[];
};

describe("INPS reads the flows and posts their outcomes", () => {
  it("the Region admin's registration is listed and audited", async () => {
    const list = json<{ items: { id: string; enti: string[]; isActive: boolean }[] }>(
      await admin.get("/api/v1/inps-clients"),
    );
    expect(list.items).toEqual([expect.objectContaining({ id: inps.id, enti: ["D612"], isActive: true })]);
    const audit = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from audit_entry where action = 'inps-client.create' and resource_id = ${inps.id}`,
    );
    expect(audit[0].n).toBe(1);
    expect((await service.get("/api/v1/inps-clients")).statusCode).toBe(403);
  });

  it("reads every flow since 0 page by page, chronological, distinct ms stamps, valid against api-comuni.yaml", async () => {
    const seen: Entries["elenco_flussi"] = [];
    let since = 0;
    for (let page = 0; page < 10; page++) {
      const response = await callWaas(t.app, inps, "GET", `${waasBase}/flussi?since=${since}&limit=3`);
      expect(response.statusCode, response.body).toBe(200);
      const body = json<Entries>(response);
      expect(violationsOf("Entries", body)).toEqual([]);
      if (body.elenco_flussi.length === 0) break;
      seen.push(...body.elenco_flussi);
      since = Date.parse(body.elenco_flussi.at(-1)?.ts_flusso ?? "");
    }
    expect(seen.map((flow) => flow.id_flusso)).toEqual(
      [1, 2, 3, 4, 5, 6, 7].map((n) => `D612.SINBA.20261121.000000${n}`),
    );
    const stamps = seen.map((flow) => Date.parse(flow.ts_flusso));
    expect(new Set(stamps).size).toBe(7);
    expect([...stamps].sort((a, b) => a - b)).toEqual(stamps);
    const xml = Buffer.from(seen[0].flusso, "base64").toString("utf8");
    expect(xml).toContain("D612.SINBA.20261121.0000001");
    expect(xml).not.toContain(child.fiscalCode);
  });

  it("posts outcomes, which the service sees with INPS's text", async () => {
    const esiti = {
      elenco_esiti: [
        {
          id_flusso: "D612.SINBA.20261121.0000001",
          tipo: "SINBA",
          ts_flusso: "2026-11-21T10:00:00.000Z",
          ts_acquisizione: "2026-11-21T11:00:00.000Z",
          codice_esito: "OK",
          id_acquisizione_siuss: "22738",
        },
        {
          id_flusso: "D612.SINBA.20261121.0000002",
          tipo: "SINBA",
          ts_flusso: "2026-11-21T10:00:00.000Z",
          ts_acquisizione: "2026-11-21T11:00:00.000Z",
          codice_esito: "RICHIESTA_INVALIDA",
          descrizione_esito: "In cooperazione è possibile inviare solo un beneficiario",
        },
      ],
    };
    expect(violationsOf("ElencoEsiti", esiti)).toEqual([]);
    const response = await callWaas(t.app, inps, "POST", `${waasBase}/esiti`, esiti);
    expect(response.statusCode, response.body).toBe(204);
    const flows = json<SinbaFlowList>(await service.get("/api/v1/sinba/flows?limit=100")).items;
    const byId = new Map(flows.map((flow) => [flow.idFlusso, flow as Record<string, unknown>]));
    expect(byId.get("D612.SINBA.20261121.0000001")).toMatchObject({ status: "OK" });
    expect(byId.get("D612.SINBA.20261121.0000002")).toMatchObject({
      status: "RICHIESTA_INVALIDA",
      outcomeMessage: "In cooperazione è possibile inviare solo un beneficiario",
    });
  });

  it("/status answers a Problem of the document", async () => {
    const response = await callWaas(t.app, undefined, "GET", `${waasBase}/status`);
    expect(response.statusCode).toBe(200);
    expect(violationsOf("Problem", json(response))).toEqual([]);
  });
});

describe("bad input: a clear Italian message, a stable code, nothing stored", () => {
  const expectProblem = (response: { statusCode: number; body: string }, status: number, code: string) => {
    expect(response.statusCode, response.body).toBe(status);
    const problem = JSON.parse(response.body) as { type: string; detail: string };
    expect(violationsOf("Problem", problem)).toEqual([]);
    expect(problem.type).toContain(code);
    expect(problem.detail.length).toBeGreaterThan(10);
    return problem;
  };

  it("malformed since and limit, limit over 100", async () => {
    for (const query of ["", "since=abc", "since=-1", "since=1.5", "since=0&limit=x", "since=0&limit=101"])
      expectProblem(
        await callWaas(t.app, inps, "GET", `${waasBase}/flussi?${query}`),
        400,
        "invalid-request",
      );
    const over = await callWaas(t.app, inps, "GET", `${waasBase}/flussi?since=0&limit=101`);
    expect(JSON.parse(over.body).detail).toContain("100");
  });

  it("an unknown id_flusso, or one of another ente, stores nothing", async () => {
    const before = await countFlows();
    for (const id of ["D612.SINBA.20261121.9999999", "A944.SINBA.20261121.0000001"]) {
      const response = await callWaas(t.app, inps, "POST", `${waasBase}/esiti`, {
        elenco_esiti: [
          {
            id_flusso: "D612.SINBA.20261121.0000003",
            tipo: "SINBA",
            ts_flusso: "2026-11-21T10:00:00.000Z",
            ts_acquisizione: "2026-11-21T11:00:00.000Z",
            codice_esito: "OK",
          },
          {
            id_flusso: id,
            tipo: "SINBA",
            ts_flusso: "2026-11-21T10:00:00.000Z",
            ts_acquisizione: "2026-11-21T11:00:00.000Z",
            codice_esito: "OK",
          },
        ],
      });
      expect(expectProblem(response, 404, "not-found").detail).toContain(id);
    }
    expect(await countFlows()).toBe(before);
    expectProblem(
      await callWaas(t.app, inps, "POST", `${waasBase}/esiti`, { elenco_esiti: [{ id_flusso: 3 }] }),
      400,
      "invalid-request",
    );
    expect(await countFlows()).toBe(before);
  });

  it("unsigned, wrongly signed, a structure's client, a session user: refused", async () => {
    const url = `${waasBase}/flussi?since=0`;
    expect((await callWaas(t.app, undefined, "GET", url)).statusCode).toBe(401);
    const stranger = await newKeyPair("inps-1");
    const forged = await callWaas(t.app, { ...inps, privateKey: stranger.privateKey }, "GET", url);
    expect(forged.statusCode).toBe(401);
    expect(violationsOf("Problem", json(forged))).toEqual([]);
    const structureClient = await registerClient(t.db, ["ST000001"]);
    expectProblem(await callWaas(t.app, structureClient, "GET", url), 403, "forbidden");
    expect([401, 403]).toContain((await service.get(url)).statusCode);
  });

  it("revoked, the client reads nothing", async () => {
    const pair = await newKeyPair("inps-2");
    const created = json<{ id: string }>(
      await admin.post("/api/v1/inps-clients", { enti: ["D612"], keys: [pair.jwk] }),
    );
    const other = { id: created.id, kid: pair.kid, privateKey: pair.privateKey };
    expect((await callWaas(t.app, other, "GET", `${waasBase}/flussi?since=0`)).statusCode).toBe(200);
    expect((await admin.post(`/api/v1/inps-clients/${created.id}/revoke`, {})).statusCode).toBe(200);
    expect((await callWaas(t.app, other, "GET", `${waasBase}/flussi?since=0`)).statusCode).toBe(401);
  });

  it("fuzz: the three operations never answer 5xx", async () => {
    const before = await countFlows();
    await fc.assert(
      fc.asyncProperty(
        fc.string({ maxLength: 30 }),
        fc.string({ maxLength: 8 }),
        fc.anything(),
        async (since, limit, body) => {
          const query = `since=${encodeURIComponent(since)}&limit=${encodeURIComponent(limit)}`;
          const read = await callWaas(t.app, inps, "GET", `${waasBase}/flussi?${query}`);
          expect(read.statusCode, read.body).toBeLessThan(500);
          const posted = await callWaas(t.app, inps, "POST", `${waasBase}/esiti`, { elenco_esiti: [body] });
          expect(posted.statusCode, posted.body).toBeLessThan(500);
          const status = await callWaas(t.app, undefined, "GET", `${waasBase}/status`);
          expect(status.statusCode).toBe(200);
        },
      ),
      { numRuns: 25, seed: 14 },
    );
    expect(await countFlows()).toBe(before);
  });
});
