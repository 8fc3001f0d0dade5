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
import type {
  SinbaEnteList,
  SinbaFlowList,
  SinbaNotSendableList,
} from "../../../domain/sinba/sinba-api.schema.ts";
import { createOrganisation } from "../access/users.service.ts";
import { ingestEvent } from "../stays/index.ts";

/**
 * The SINBA pages' operations: a service's flows filtered by status with INPS's error text, the
 * per-ente summary, and the Region drilling into one ente. INPS's outcomes are written on
 * sinba_flow as that table defines them (status, outcome_message, outcome_at).
 */
let t: TestApp;
let service: Client;
let otherService: Client;
let region: Client;
let structure: Client;
let florenceId = "";
let operatorId = "";
const completeCase = randomUUID();
const incompleteCase = randomUUID();
const system = { system: true as const, label: "test" };
const invalidText = "Il campo CodicePrestazione non è valorizzato correttamente";
const situation = { orphanhood: "1", livingPlace: "1", school: "3", workCondition: "1", disability: "2" };

async function openCase(id: string, givenName: string, complete: boolean) {
  const child = italianChild({
    familyName: "Neri",
    givenName,
    birthDate: "2013-05-04",
    residenceComune: "048017",
  });
  await ingestEvent(
    t.db,
    { keyring: t.keyring, today: t.today },
    { kind: "user", id: randomUUID(), subject: system, mayWrite: () => true },
    admissionEvent("ST000001", `c-${givenName}`, "2026-09-01", child),
  );
  const lookup = await service.post("/api/v1/registry/lookups", {
    purpose: "admission",
    fiscalCode: child.fiscalCode,
  });
  const pseudonym = json<{ minor: { pseudonym: string } }>(lookup).minor.pseudonym;
  const opened = await service.post("/api/v1/cases", {
    id,
    occurredOn: "2026-10-05",
    opening: { minorRef: pseudonym, firstReportOn: "2026-09", reportSource: "13" },
  });
  expect(opened.statusCode, opened.body).toBe(201);
  if (!complete) return;
  const recorded = await service.post(`/api/v1/cases/${id}/events`, {
    events: [
      { id: randomUUID(), type: "situation", occurredOn: "2026-10-06", situation },
      { id: randomUUID(), type: "family", occurredOn: "2026-10-06", family: { household: ["2"] } },
      {
        id: randomUUID(),
        type: "assessment",
        occurredOn: "2026-10-07",
        assessment: { child: { values: ["3"], prevalent: "3" }, family: { values: ["2"], prevalent: "2" } },
      },
      {
        id: randomUUID(),
        type: "intervention-start",
        occurredOn: "2026-10-08",
        intervention: { code: "B1.02" },
      },
    ],
  });
  expect(recorded.statusCode, recorded.body).toBe(200);
}

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
  await createOrganisationFor(t, "COOP-Z", "operator");
  await createOrganisationFor(t, "REG", "region");
  await createUserFor(t, "sociale-fi", "service-operator", "SST-FI");
  await createUserFor(t, "sociale-b", "service-manager", "SST-B");
  await createUserFor(t, "analista", "region-analyst", "REG");
  await createUserFor(t, "coop", "structure-manager", "COOP-Z");
  service = await logInAs(t.app, "sociale-fi");
  otherService = await logInAs(t.app, "sociale-b");
  region = await logInAs(t.app, "analista");
  structure = await logInAs(t.app, "coop");
  await openCase(completeCase, "Luca", true);
  await openCase(incompleteCase, "Irene", false);
  await t.app.sinbaFlowWorker.drain();
  const ids = await queryRows<{ id: string; code: string }>(
    t.db,
    sql`select id, code from organisation where code in ('SST-FI', 'COOP-Z')`,
  );
  florenceId = ids.find((row) => row.code === "SST-FI")?.id ?? "";
  operatorId = ids.find((row) => row.code === "COOP-Z")?.id ?? "";
  // INPS answers the flow of the complete case: the request was not valid, with its text.
  await t.db.execute(sql`update sinba_flow set status = 'RICHIESTA_INVALIDA', outcome_message = ${invalidText},
      outcome_at = '2026-11-21T10:15:00Z' where case_id = ${completeCase}::uuid`);
}, 180_000);
afterAll(() => t?.close());

const flows = async (client: Client, query = "") => {
  const response = await client.get(`/api/v1/sinba/flows${query}`);
  expect(response.statusCode, response.body).toBe(200);
  expect(response.headers["cache-control"]).toBe("no-store");
  return json<SinbaFlowList>(response);
};

describe("a service's SINBA flows", () => {
  it("are filtered by status, with INPS's error text on the flow that was refused", async () => {
    const refused = await flows(service, "?status=RICHIESTA_INVALIDA");
    expect(refused.total).toBe(1);
    expect(refused.items[0]).toMatchObject({
      caseId: completeCase,
      status: "RICHIESTA_INVALIDA",
      outcomeMessage: invalidText,
      outcomeAt: "2026-11-21T10:15:00.000Z",
    });
    expect(await flows(service, "?status=waiting")).toEqual({ total: 0, items: [] });
    expect((await flows(service, "?status=answered")).items.map((item) => item.status)).toEqual([
      "RICHIESTA_INVALIDA",
    ]);
    expect((await flows(service)).total).toBe(1);
  });

  it("refuse an unknown status in Italian", async () => {
    const response = await service.get("/api/v1/sinba/flows?status=BOH");
    expect(response.statusCode).toBe(422);
    expect(response.headers["content-type"]).toContain("application/problem+json");
    expect(response.body).toContain("Stato del flusso non valido");
  });

  it("summarise the service's own ente only: counts per status, not sendable, last flow and outcome", async () => {
    const response = await service.get("/api/v1/sinba/enti");
    expect(response.statusCode).toBe(200);
    expect(response.headers["cache-control"]).toBe("no-store");
    const { items } = json<SinbaEnteList>(response);
    expect(items).toEqual([
      {
        organisationId: florenceId,
        code: "SST-FI",
        name: "Servizio sociale di Firenze",
        belfiore: "D612",
        counts: {
          waiting: 0,
          OK: 0,
          DATI_NON_TROVATI: 0,
          RICHIESTA_INVALIDA: 1,
          ERRORE_GENERICO: 0,
          notSendable: 1,
        },
        lastFlowAt: expect.any(String),
        lastOutcomeAt: "2026-11-21T10:15:00.000Z",
      },
    ]);
  });

  it("are not another service's: its own ente only, another one does not exist for it", async () => {
    expect((await flows(otherService)).total).toBe(0);
    expect((await otherService.get(`/api/v1/sinba/flows?ente=${florenceId}`)).statusCode).toBe(404);
    expect((await otherService.get(`/api/v1/sinba/not-sendable?ente=${florenceId}`)).statusCode).toBe(404);
    const { items } = json<SinbaEnteList>(await otherService.get("/api/v1/sinba/enti"));
    expect(items.map((item) => item.code)).toEqual(["SST-B"]);
  });

  it("are refused to a structure's staff", async () => {
    for (const path of ["/api/v1/sinba/flows", "/api/v1/sinba/not-sendable", "/api/v1/sinba/enti"]) {
      const response = await structure.get(path);
      expect(response.statusCode, path).toBe(403);
      expect(json<{ code: string }>(response).code).toBe("forbidden");
    }
  });
});

describe("the Region, per ente", () => {
  it("sees every social service with its counts, and no other organisation", async () => {
    const { items } = json<SinbaEnteList>(await region.get("/api/v1/sinba/enti"));
    expect(items.map((item) => [item.code, item.counts.RICHIESTA_INVALIDA, item.counts.notSendable])).toEqual(
      [
        ["SST-B", 0, 0],
        ["SST-FI", 1, 1],
      ],
    );
  });

  it("drills into one ente: its flows (pseudonyms only) and its cases not sendable yet, audited", async () => {
    const found = await flows(region, `?ente=${florenceId}&status=RICHIESTA_INVALIDA`);
    expect(found.items.map((item) => [item.caseId, item.outcomeMessage])).toEqual([
      [completeCase, invalidText],
    ]);
    expect(JSON.stringify(found)).not.toMatch(/Luca|Neri/);
    const waiting = await region.get(`/api/v1/sinba/not-sendable?ente=${florenceId}`);
    expect(waiting.statusCode).toBe(200);
    const { items } = json<SinbaNotSendableList>(waiting);
    expect(items.map((item) => item.caseId)).toEqual([incompleteCase]);
    expect(items[0].missing.length).toBeGreaterThan(0);
    const audit = await queryRows<{ action: string; resourceId: string }>(
      t.db,
      sql`select action, resource_id as "resourceId" from audit_entry where username = 'analista'
          and action in ('sinba.flows-list', 'sinba.not-sendable-list') order by sequence`,
    );
    expect(audit).toEqual([
      { action: "sinba.flows-list", resourceId: florenceId },
      { action: "sinba.not-sendable-list", resourceId: florenceId },
    ]);
  });

  it("must name the ente, and one that is a social service", async () => {
    const unnamed = await region.get("/api/v1/sinba/flows");
    expect(unnamed.statusCode).toBe(422);
    expect(unnamed.body).toContain("Indicare l'ente");
    expect((await region.get(`/api/v1/sinba/flows?ente=${operatorId}`)).statusCode).toBe(404);
    expect((await region.get(`/api/v1/sinba/flows?ente=${randomUUID()}`)).statusCode).toBe(404);
    const malformed = await region.get("/api/v1/sinba/flows?ente=not-an-id");
    expect(malformed.statusCode).toBe(422);
    expect(malformed.body).toContain("Ente non valido");
  });
});
