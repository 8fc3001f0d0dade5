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
import { fosterCarer } from "../../../db/schema/index.ts";
import type { FosterCarer } from "../../../domain/cases/case-event.schema.ts";
import { type KeyringFile, keyringOf } from "../../core/vault-keys.ts";
import { reencryptVault, withNewActiveKey } from "../registry/index.ts";
import { ingestEvent } from "../stays/index.ts";
import { fosterCarerDigest, openFosterCarer } from "./foster-carers.queries.ts";
import { reencryptFosterCarers } from "./foster-carers.rotation.ts";

let t: TestApp;
let serviceA: Client;
let serviceB: Client;
let structureUser: Client;
let caseId = "";
const episodeId = randomUUID();
const child = italianChild({ familyName: "Ferri", givenName: "Nina", sex: "F", birthDate: "2014-03-08" });
const carers: FosterCarer[] = [
  {
    familyName: "Bellandi",
    givenName: "Ottavio",
    fiscalCode: "BLLTTV70A01H501Z",
    relationship: "unrelated",
    contact: { phone: "+39 055 1234567", email: "famiglia.bellandi@example.org" },
  },
  { familyName: "Marchetti", givenName: "Rosanna", relationship: "unrelated" },
];
const fosterStart = (id: string, withCarers: FosterCarer[], kind = "2") => ({
  id,
  type: "foster-care-start",
  occurredOn: "2026-10-10",
  fosterCare: { form: "1", kind, duration: "1", character: "1", nightsPerWeek: 7, carers: withCarers },
});
const carersUrl = (episode = episodeId, of = caseId) => `/api/v1/cases/${of}/foster-care/${episode}/carers`;
const carerReads = (outcome: string) =>
  queryRows<{ purpose: string; organisationCode: string; details: Record<string, unknown> }>(
    t.db,
    sql`select purpose, organisation_code as "organisationCode", details from audit_entry
        where action = 'case.carers-read' and outcome = ${outcome} order by sequence`,
  );

beforeAll(async () => {
  t = await createTestApp();
  await createActiveStructures(t.db, ["ST000001"]);
  await createOrganisationFor(t, "SST-A", "social-service");
  await createOrganisationFor(t, "SST-B", "social-service");
  await createUserFor(t, "sociale-a", "service-operator", "SST-A");
  await createUserFor(t, "sociale-b", "service-operator", "SST-B");
  const [operator] = await queryRows<{ code: string }>(
    t.db,
    sql`select code from organisation where kind = 'operator' limit 1`,
  );
  await createUserFor(t, "struttura", "structure-operator", operator.code);
  await ingestEvent(
    t.db,
    { keyring: t.keyring, today: t.today },
    { kind: "user", id: randomUUID(), subject: { system: true, label: "test" }, mayWrite: () => true },
    admissionEvent("ST000001", "fc-1", "2026-10-01", child),
  );
  serviceA = await logInAs(t.app, "sociale-a");
  serviceB = await logInAs(t.app, "sociale-b");
  structureUser = await logInAs(t.app, "struttura");
  const lookup = await serviceA.post("/api/v1/registry/lookups", {
    purpose: "admission",
    fiscalCode: child.fiscalCode,
  });
  const pseudonym = json<{ minor: { pseudonym: string } }>(lookup).minor.pseudonym;
  caseId = randomUUID();
  const opened = await serviceA.post("/api/v1/cases", {
    id: caseId,
    occurredOn: "2026-10-05",
    opening: { minorRef: pseudonym, firstReportOn: "2026-09", reportSource: "13" },
  });
  expect(opened.statusCode, opened.body).toBe(201);
});
afterAll(() => t.close());

describe("the foster carers of an episode", () => {
  it("refuses carers whose tie does not match the kind of foster care, storing nothing", async () => {
    const id = randomUUID();
    const response = await serviceA.post(`/api/v1/cases/${caseId}/events`, {
      events: [fosterStart(id, [{ familyName: "Neri", givenName: "Aldo", relationship: "unrelated" }], "1")],
    });
    const [result] = json<{ results: { status: string; errors: { code: string; path: string }[] }[] }>(
      response,
    ).results;
    expect(result.status).toBe("rejected");
    expect(result.errors).toEqual([
      expect.objectContaining({
        code: "carer-relationship-mismatch",
        path: "/fosterCare/carers/0/relationship",
      }),
    ]);
    expect(JSON.stringify(result)).not.toContain("Neri");
    const stored = await queryRows<{ count: number }>(
      t.db,
      sql`select count(*)::int as count from foster_carer`,
    );
    expect(stored[0].count).toBe(0);
    const [row] = await queryRows<{ payload: unknown; errors: unknown }>(
      t.db,
      sql`select payload, errors from case_event where id = ${id}`,
    );
    expect(row.payload).toBeNull();
    expect(JSON.stringify(row.errors)).not.toContain("Neri");
  });

  it("are stored only sealed: not in the case event, not in the case, not in clear in their table", async () => {
    const response = await serviceA.post(`/api/v1/cases/${caseId}/events`, {
      events: [fosterStart(episodeId, carers)],
    });
    expect(json<{ results: { status: string }[] }>(response).results[0].status).toBe("accepted");
    const [event] = await queryRows<{ payload: unknown; digest: string }>(
      t.db,
      sql`select payload, content_digest as digest from case_event where id = ${episodeId}`,
    );
    const [socialCase] = await queryRows<{ projection: unknown }>(
      t.db,
      sql`select projection from social_case where id = ${caseId}`,
    );
    const rows = await queryRows<Record<string, unknown>>(
      t.db,
      sql`select * from foster_carer where episode_id = ${episodeId} order by position`,
    );
    expect(rows).toHaveLength(2);
    const everything = JSON.stringify([event.payload, socialCase.projection, rows]);
    for (const secret of ["Bellandi", "Ottavio", "BLLTTV70A01H501Z", "Marchetti", "1234567", "example.org"])
      expect(everything).not.toContain(secret);
    expect(event.payload).toMatchObject({ fosterCare: { form: "1", kind: "2", nightsPerWeek: 7 } });
    expect(rows[0].fiscal_code_digest).toBe(fosterCarerDigest(t.keyring, "BLLTTV70A01H501Z"));
    expect(rows[1].fiscal_code).toBeNull();
    // The digest of an event with carers is keyed: a plain hash of a guessed content does not find it.
    expect(event.digest).toMatch(/^[0-9a-f]{64}$/);
    const again = await serviceA.post(`/api/v1/cases/${caseId}/events`, {
      events: [fosterStart(episodeId, carers)],
    });
    expect(json<{ results: { status: string }[] }>(again).results[0].status).toBe("duplicate");
  });

  it("are read by the service in charge, with no-store, audited with the purpose in the same transaction", async () => {
    const response = await serviceA.get(carersUrl());
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers["cache-control"]).toBe("no-store");
    expect(json(response)).toEqual({ caseId, episodeId, carers });
    expect(await carerReads("success")).toEqual([
      { purpose: "care", organisationCode: "SST-A", details: { episodeId, count: 2 } },
    ]);
  });

  it("answer 404 to another service and for an unknown episode, 403 to a structure; refused reads are audited", async () => {
    expect((await serviceB.get(carersUrl())).statusCode).toBe(404);
    expect((await serviceA.get(carersUrl(randomUUID()))).statusCode).toBe(404);
    expect((await serviceB.get(carersUrl(episodeId, randomUUID()))).statusCode).toBe(404);
    const forbidden = await structureUser.get(carersUrl());
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.body).not.toContain("Bellandi");
    const denied = await carerReads("denied");
    expect(denied.map((entry) => [entry.organisationCode, entry.details.reason])).toEqual([
      ["SST-B", "not-in-charge"],
      ["SST-A", "not-in-charge"],
      ["SST-B", "not-in-charge"],
      [expect.any(String), "role"],
    ]);
    expect(denied.every((entry) => entry.purpose === "care")).toBe(true);
  });

  it("a correction carrying carers replaces them", async () => {
    const replaced: FosterCarer[] = [{ familyName: "Orsini", givenName: "Bice", relationship: "unrelated" }];
    const response = await serviceA.post(`/api/v1/cases/${caseId}/events`, {
      events: [
        {
          id: randomUUID(),
          type: "correction",
          occurredOn: "2026-10-10",
          corrects: episodeId,
          reason: "Affidataria indicata per errore",
          fosterCare: { form: "1", kind: "2", duration: "1", character: "1", carers: replaced },
        },
      ],
    });
    expect(json<{ results: { status: string }[] }>(response).results[0].status, response.body).toBe(
      "accepted",
    );
    expect(json<{ carers: FosterCarer[] }>(await serviceA.get(carersUrl())).carers).toEqual(replaced);
  });

  it("key rotation re-encrypts them under the new key; they open without the old one", async () => {
    const file: KeyringFile = {
      version: 1,
      activeKeyId: t.keyring.activeKeyId,
      encryptionKeys: Object.fromEntries(
        [...t.keyring.encryptionKeys].map(([id, key]) => [id, key.toString("base64")]),
      ),
      indexKey: t.keyring.indexKey.toString("base64"),
    };
    const rotated = withNewActiveKey(file);
    const result = await reencryptVault(
      t.db,
      rotated,
      { system: true, label: "test" },
      () => {},
      500,
      reencryptFosterCarers,
    );
    expect(result.fosterCarers).toBe(3);
    const onlyNew = keyringOf({
      ...rotated,
      encryptionKeys: { [rotated.activeKeyId]: rotated.encryptionKeys[rotated.activeKeyId] },
    });
    const rows = await queryRows<{ keyId: string }>(t.db, sql`select key_id as "keyId" from foster_carer`);
    expect(rows.every((row) => row.keyId === rotated.activeKeyId)).toBe(true);
    const stored = await t.db.select().from(fosterCarer);
    const opened = stored.map((row) => openFosterCarer(onlyNew, row).familyName).sort();
    expect(opened).toEqual(["Bellandi", "Marchetti", "Orsini"]);
  });
});
