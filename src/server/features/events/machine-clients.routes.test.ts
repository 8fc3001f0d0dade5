import { generateKeyPairSync, randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { exportJWK, generateKeyPair } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { admissionEvent, createActiveStructures } from "../../../../test/support/stay-fixtures.ts";
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
import type { MachineClient } from "../../../domain/events/machine-client.schema.ts";
import { newKeyPair, postEvents, publicUrl } from "./machine-request.fixtures.ts";

let t: TestApp;
let manager: Client;
let managerOfOne: Client;
let otherManager: Client;
let operator: Client;
let auditor: Client;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp({ SIRMI_PUBLIC_URL: publicUrl });
  await createOrganisationFor(t, "COOP", "operator", vatNumber("0123456789"), "Cooperativa Sociale Esempio");
  await createOrganisationFor(t, "ALTRA", "operator", vatNumber("0987654321"), "Altra Cooperativa");
  await createOrganisationFor(t, "REGIONE", "region");
  await createActiveStructures(t.db, ["ST000301", "ST000302"]);
  for (const row of await queryRows<{ id: string; code: string }>(t.db, sql`select id, code from structure`))
    ids[row.code] = row.id;
  await createUserFor(t, "gestore", "structure-manager", "COOP");
  await createUserFor(t, "gestore-uno", "structure-manager", "COOP", ids.ST000302);
  await createUserFor(t, "gestore-altro", "structure-manager", "ALTRA");
  await createUserFor(t, "operatore", "structure-operator", "COOP");
  await createUserFor(t, "revisore", "auditor", "REGIONE");
  manager = await logInAs(t.app, "gestore");
  managerOfOne = await logInAs(t.app, "gestore-uno");
  otherManager = await logInAs(t.app, "gestore-altro");
  operator = await logInAs(t.app, "operatore");
  auditor = await logInAs(t.app, "revisore");
});
afterAll(() => t.close());

describe("machine clients managed by structure managers", () => {
  let created: MachineClient;
  let privateKey: CryptoKey;

  it("registers a client for own structures, answers 201 with its id, and audits it", async () => {
    const pair = await newKeyPair("chiave-1");
    privateKey = pair.privateKey;
    const response = await manager.post("/api/v1/machine-clients", {
      name: "Gestionale Melograno",
      structureIds: [ids.ST000301, ids.ST000302],
      keys: [pair.jwk],
      requireIntegrity: false,
    });
    expect(response.statusCode).toBe(201);
    created = json<MachineClient>(response);
    expect(created).toMatchObject({
      name: "Gestionale Melograno",
      isActive: true,
      keys: [{ kid: "chiave-1" }],
    });
    expect(created.structureIds.sort()).toEqual([ids.ST000301, ids.ST000302].sort());
    const audit = json<{ items: { action: string; resourceId: string; username: string }[] }>(
      await auditor.get("/api/v1/audit-entries?action=machine-client.create"),
    ).items;
    expect(audit[0]).toMatchObject({ resourceId: created.id, username: "gestore" });
    const accepted = await postEvents(
      t.app,
      { id: created.id, kid: "chiave-1", privateKey },
      { events: [admissionEvent("ST000301", "api-1", "2026-11-20")] },
    );
    expect(json<{ results: { status: string }[] }>(accepted).results[0].status).toBe("accepted");
  });

  it("lists only the manager's own clients; out of scope is 404, other roles 403", async () => {
    const own = json<{ items: MachineClient[] }>(await manager.get("/api/v1/machine-clients")).items;
    expect(own.map((client) => client.id)).toEqual([created.id]);
    expect(json<{ items: MachineClient[] }>(await otherManager.get("/api/v1/machine-clients")).items).toEqual(
      [],
    );
    // A manager of one structure does not see a client that also writes another structure.
    expect(json<{ items: MachineClient[] }>(await managerOfOne.get("/api/v1/machine-clients")).items).toEqual(
      [],
    );
    expect((await operator.get("/api/v1/machine-clients")).statusCode).toBe(403);
    const pair = await newKeyPair();
    const foreign = await otherManager.post("/api/v1/machine-clients", {
      name: "Intruso",
      structureIds: [ids.ST000301],
      keys: [pair.jwk],
    });
    expect(foreign.statusCode).toBe(404);
    expect((await otherManager.post(`/api/v1/machine-clients/${created.id}/disable`)).statusCode).toBe(404);
    expect((await otherManager.post(`/api/v1/machine-clients/${created.id}/keys`, pair.jwk)).statusCode).toBe(
      404,
    );
    expect((await manager.post(`/api/v1/machine-clients/${randomUUID()}/disable`)).statusCode).toBe(404);
    // A structure's software names its structures (a service's names none).
    const none = await manager.post("/api/v1/machine-clients", { name: "Senza strutture", keys: [pair.jwk] });
    expect(none.statusCode).toBe(422);
    expect(json<{ problems: { code: string }[] }>(none).problems[0].code).toBe("structures-required");
  });

  it("refuses private keys, weak RSA keys and other curves", async () => {
    const { privateKey: ecPrivate } = await generateKeyPair("ES256", { extractable: true });
    const withPrivate = await exportJWK(ecPrivate);
    const weak = generateKeyPairSync("rsa", { modulusLength: 1024 }).publicKey.export({ format: "jwk" });
    const p384 = await exportJWK((await generateKeyPair("ES384")).publicKey);
    for (const key of [withPrivate, weak, p384, { kty: "oct", k: "c2VncmV0bw" }]) {
      const response = await manager.post("/api/v1/machine-clients", {
        name: "Chiave sbagliata",
        structureIds: [ids.ST000301],
        keys: [key],
      });
      expect(response.statusCode).toBe(422);
    }
    const strong = generateKeyPairSync("rsa", { modulusLength: 2048 }).publicKey.export({ format: "jwk" });
    const rsa = await manager.post("/api/v1/machine-clients", {
      name: "Gestionale RSA",
      structureIds: [ids.ST000302],
      keys: [strong],
    });
    expect(rsa.statusCode).toBe(201);
    expect(json<MachineClient>(rsa).keys[0].kid).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(
      json<{ items: MachineClient[] }>(await managerOfOne.get("/api/v1/machine-clients")).items,
    ).toHaveLength(1);
  });

  it("adds a key for rotation, refuses a duplicate kid, and disables the client", async () => {
    const next = await newKeyPair("chiave-2");
    const added = await manager.post(`/api/v1/machine-clients/${created.id}/keys`, next.jwk);
    expect(added.statusCode).toBe(200);
    expect(json<MachineClient>(added).keys.map((key) => key.kid)).toEqual(["chiave-1", "chiave-2"]);
    expect((await manager.post(`/api/v1/machine-clients/${created.id}/keys`, next.jwk)).statusCode).toBe(409);
    const rotated = await postEvents(
      t.app,
      { id: created.id, kid: "chiave-2", privateKey: next.privateKey },
      { events: [admissionEvent("ST000302", "api-2", "2026-11-20")] },
    );
    expect(rotated.statusCode).toBe(200);
    const disabled = await manager.post(`/api/v1/machine-clients/${created.id}/disable`);
    expect(disabled.statusCode).toBe(200);
    expect(json<MachineClient>(disabled).isActive).toBe(false);
    const refused = await postEvents(
      t.app,
      { id: created.id, kid: "chiave-2", privateKey: next.privateKey },
      { events: [admissionEvent("ST000302", "api-3", "2026-11-20")] },
    );
    expect(refused.statusCode).toBe(401);
    expect(json(refused).code).toBe("invalid-client-token");
    const actions = json<{ items: { action: string }[] }>(
      await auditor.get("/api/v1/audit-entries"),
    ).items.map((entry) => entry.action);
    expect(actions).toEqual(expect.arrayContaining(["machine-client.add-key", "machine-client.disable"]));
  });
});
