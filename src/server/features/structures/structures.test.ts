import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { structureRecord, vatNumber } from "../../../../test/support/structure-fixtures.ts";
import {
  type Client,
  createOrganisationFor,
  createTestApp,
  createUserFor,
  json,
  logInAs,
  type TestApp,
} from "../../../../test/support/test-app.ts";

let t: TestApp;
let manager: Client;
let otherManager: Client;
let admin: Client;
let serviceOperator: Client;
const operatorVat = vatNumber("0123456789");

beforeAll(async () => {
  t = await createTestApp();
  await createOrganisationFor(t, "REGIONE", "region");
  await createOrganisationFor(t, "COOP-ESEMPIO", "operator", operatorVat, "Cooperativa Sociale Esempio");
  await createOrganisationFor(t, "COOP-ALTRA", "operator", vatNumber("0987654321"), "Cooperativa Altra");
  await createOrganisationFor(t, "SST-FI", "social-service");
  await createUserFor(t, "gestore", "structure-manager", "COOP-ESEMPIO");
  await createUserFor(t, "gestore2", "structure-manager", "COOP-ALTRA");
  await createUserFor(t, "admin", "region-admin", "REGIONE");
  await createUserFor(t, "sociale", "service-operator", "SST-FI");
  manager = await logInAs(t.app, "gestore");
  otherManager = await logInAs(t.app, "gestore2");
  admin = await logInAs(t.app, "admin");
  serviceOperator = await logInAs(t.app, "sociale");
});
afterAll(() => t.close());

describe("structure registration and approval", () => {
  let id: string;

  it("a manager registers a structure, which waits for approval without a code", async () => {
    const response = await manager.post("/api/v1/structures", structureRecord());
    expect(response.statusCode).toBe(201);
    id = json<{ id: string }>(response).id;
    const detail = json<{
      summary: { status: string; code: string | null };
      pendingChange: { kind: string };
    }>(await manager.get(`/api/v1/structures/${id}`));
    expect(detail.summary.status).toBe("pending-approval");
    expect(detail.summary.code).toBeNull();
    expect(detail.pendingChange.kind).toBe("registration");
  });

  it("is invisible to another operator and to social services until active", async () => {
    expect((await otherManager.get(`/api/v1/structures/${id}`)).statusCode).toBe(404);
    expect((await serviceOperator.get(`/api/v1/structures/${id}`)).statusCode).toBe(404);
    const list = json<{ items: { id: string }[] }>(await otherManager.get("/api/v1/structures"));
    expect(list.items.map((item) => item.id)).not.toContain(id);
  });

  it("the manager may not decide on changes (403)", async () => {
    const response = await manager.get("/api/v1/structure-changes");
    expect(response.statusCode).toBe(403);
    expect(response.headers["content-type"]).toContain("application/problem+json");
  });

  it("returning needs a reason; approval assigns the regional code", async () => {
    const changes = json<{ items: { id: string; structureId: string }[] }>(
      await admin.get("/api/v1/structure-changes"),
    );
    const change = changes.items.find((item) => item.structureId === id);
    expect(change).toBeDefined();
    const noReason = await admin.post(`/api/v1/structure-changes/${change?.id}/decision`, {
      decision: "return",
    });
    expect(noReason.statusCode).toBe(422);
    expect(json(noReason).code).toBe("reason-required");
    const approved = await admin.post(`/api/v1/structure-changes/${change?.id}/decision`, {
      decision: "approve",
    });
    expect(approved.statusCode).toBe(200);
    expect(json<{ code: string }>(approved).code).toMatch(/^ST\d{6}$/);
    const detail = json<{ summary: { status: string } }>(
      await serviceOperator.get(`/api/v1/structures/${id}`),
    );
    expect(detail.summary.status).toBe("active");
  });

  it("an edit of places waits for approval, a name change applies at once, history keeps both", async () => {
    const current = json<{ record: ReturnType<typeof structureRecord> }>(
      await manager.get(`/api/v1/structures/${id}`),
    ).record;
    const response = await manager.put(`/api/v1/structures/${id}`, {
      ...current,
      name: "Comunità Il Melograno Nuovo",
      authorisedPlaces: 12,
      validFrom: "2024-01-01",
    });
    expect(response.statusCode).toBe(200);
    expect(json(response)).toMatchObject({ applied: ["name"], pending: ["authorisedPlaces"] });
    const after = json<{
      record: { name: string; authorisedPlaces: number };
      pendingChange: { changedFields: string[] };
      history: { version: number }[];
    }>(await manager.get(`/api/v1/structures/${id}`));
    expect(after.record.name).toBe("Comunità Il Melograno Nuovo");
    expect(after.record.authorisedPlaces).toBe(10);
    expect(after.pendingChange.changedFields).toEqual(["authorisedPlaces"]);

    const changes = json<{ items: { id: string; structureId: string }[] }>(
      await admin.get("/api/v1/structure-changes"),
    );
    const change = changes.items.find((item) => item.structureId === id);
    await admin.post(`/api/v1/structure-changes/${change?.id}/decision`, { decision: "approve" });
    const approved = json<{
      record: { authorisedPlaces: number; name: string };
      history: { version: number }[];
    }>(await manager.get(`/api/v1/structures/${id}`));
    expect(approved.record).toMatchObject({ authorisedPlaces: 12, name: "Comunità Il Melograno Nuovo" });
    expect(approved.history.map((version) => version.version)).toEqual([1, 2, 3, 4]);
  });

  it("answers as it was on an earlier day", async () => {
    const before = json<{ record: { authorisedPlaces: number; name: string } }>(
      await admin.get(`/api/v1/structures/${id}?onDate=2023-12-31`),
    );
    expect(before.record).toMatchObject({ authorisedPlaces: 10, name: "Comunità Il Melograno" });
    const list = json<{ items: { id: string; authorisedPlaces: number }[] }>(
      await admin.get("/api/v1/structures?onDate=2023-06-30"),
    );
    expect(list.items.find((item) => item.id === id)?.authorisedPlaces).toBe(10);
    const beforeAnything = json<{ items: { id: string }[] }>(
      await admin.get("/api/v1/structures?onDate=2019-01-01"),
    );
    expect(beforeAnything.items.map((item) => item.id)).not.toContain(id);
  });
});

describe("bad input", () => {
  it("refuses an unknown comune with a stable code and stores nothing", async () => {
    const before = json<{ total: number }>(await admin.get("/api/v1/structures")).total;
    const response = await manager.post(
      "/api/v1/structures",
      structureRecord({ address: { street: "Via Roma 1", comune: "999999" } }),
    );
    expect(response.statusCode).toBe(422);
    expect(json(response)).toMatchObject({ code: "unknown-comune" });
    expect(json<{ problems: { path: string }[] }>(response).problems[0].path).toBe("/address/comune");
    expect(json<{ total: number }>(await admin.get("/api/v1/structures")).total).toBe(before);
  });

  it("refuses negative or non-numeric places and an expiry before the authorisation date, in Italian", async () => {
    const negative = await manager.post("/api/v1/structures", { ...structureRecord(), authorisedPlaces: -1 });
    expect(negative.statusCode).toBe(422);
    expect(JSON.stringify(json(negative))).toContain("non può essere negativo");
    const text = await manager.post("/api/v1/structures", {
      ...structureRecord(),
      authorisedPlaces: "dieci",
    });
    expect(text.statusCode).toBe(422);
    const expiry = await manager.post(
      "/api/v1/structures",
      structureRecord({
        authorisation: { status: "provvisoria", act: "Det. 1", date: "2024-05-01", expiresOn: "2024-01-01" },
      }),
    );
    expect(expiry.statusCode).toBe(422);
    expect(json<{ problems: { path: string; message: string }[] }>(expiry).problems).toContainEqual(
      expect.objectContaining({ path: "/body/authorisation/expiresOn" }),
    );
  });

  it("refuses the operator's fiscal code registered under another name", async () => {
    const response = await otherManager.post(
      "/api/v1/structures",
      structureRecord({
        operator: { name: "Tutt'altro ente", fiscalCode: operatorVat, legalNature: "associazione" },
      }),
    );
    expect(response.statusCode).toBe(409);
    expect(json(response).code).toBe("operator-fiscal-code-conflict");
  });

  it("refuses a wrong check digit in the operator's partita IVA", async () => {
    const wrong = `${operatorVat.slice(0, 10)}${(Number(operatorVat[10]) + 1) % 10}`;
    const response = await manager.post(
      "/api/v1/structures",
      structureRecord({
        operator: {
          name: "Cooperativa Sociale Esempio",
          fiscalCode: wrong,
          legalNature: "cooperativa-sociale",
        },
      }),
    );
    expect(response.statusCode).toBe(422);
    expect(json<{ problems: { code: string }[] }>(response).problems[0].code).toBe("fiscal-code-invalid");
  });

  it("refuses an oversized body and broken JSON with problem+json", async () => {
    const huge = await t.app.inject({
      method: "POST",
      url: "/api/v1/structures",
      headers: { ...manager.headers, "content-type": "application/json" },
      payload: JSON.stringify({ ...structureRecord(), name: "x".repeat(2_000_000) }),
    });
    expect(huge.statusCode).toBe(413);
    expect(json(huge).code).toBe("payload-too-large");
    const broken = await t.app.inject({
      method: "POST",
      url: "/api/v1/structures",
      headers: { ...manager.headers, "content-type": "application/json" },
      payload: '{"name": ',
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.headers["content-type"]).toContain("application/problem+json");
  });

  it("refuses writes without the CSRF token", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/v1/structures",
      headers: { cookie: manager.headers.cookie },
      payload: structureRecord(),
    });
    expect(response.statusCode).toBe(403);
    expect(json(response).code).toBe("csrf-token-invalid");
  });
});
