import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { italianChild } from "../../../../test/support/registry-fixtures.ts";
import { admissionEvent, createActiveStructures } from "../../../../test/support/stay-fixtures.ts";
import { vatNumber } from "../../../../test/support/structure-fixtures.ts";
import {
  type Client,
  createOrganisationFor,
  createTestApp,
  createUserFor,
  logInAs,
  type TestApp,
} from "../../../../test/support/test-app.ts";
import { queryRows } from "../../../db/database.ts";
import { ingestEvent } from "../stays/ingest-event.ts";

/** No oracles (access protocol, principle 9): a refused identity access is written down like a granted one. */
let t: TestApp;
let operatorA: Client;
let operatorB: Client;
let analyst: Client;
const hosted = italianChild({ familyName: "Neri", givenName: "Leo" });
const other = italianChild({ familyName: "Riva", givenName: "Anna", sex: "F" });
const pseudonyms: Record<string, string> = {};

async function admit(structureCode: string, stayRef: string, minor: object) {
  const source = {
    kind: "user" as const,
    id: randomUUID(),
    subject: { system: true as const, label: "test" },
    mayWrite: () => true,
  };
  const admitted = await ingestEvent(
    t.db,
    { keyring: t.keyring, today: t.today },
    source,
    admissionEvent(structureCode, stayRef, "2025-03-01", minor),
  );
  const [row] = await queryRows<{ pseudonym: string }>(
    t.db,
    sql`select m.pseudonym from stay s join minor m on m.id = s.minor_id where s.id = ${admitted.stayId}`,
  );
  return row.pseudonym;
}

type Entry = {
  action: string;
  outcome: string;
  minor_pseudonym: string | null;
  username: string;
  details: unknown;
};

async function entriesOf(username: string, action: string): Promise<Entry[]> {
  return queryRows<Entry>(
    t.db,
    sql`select action, outcome, minor_pseudonym, username, details from audit_entry
        where username = ${username} and action = ${action} order by sequence`,
  );
}

beforeAll(async () => {
  t = await createTestApp();
  await createOrganisationFor(t, "COOP", "operator", vatNumber("0123456789"), "Cooperativa Sociale Esempio");
  await createOrganisationFor(t, "REGIONE", "region");
  await createActiveStructures(t.db, ["ST000041", "ST000042"]);
  const ids = Object.fromEntries(
    (await queryRows<{ id: string; code: string }>(t.db, sql`select id, code from structure`)).map((row) => [
      row.code,
      row.id,
    ]),
  );
  await createUserFor(t, "op-a", "structure-operator", "COOP", ids.ST000041);
  await createUserFor(t, "op-b", "structure-operator", "COOP", ids.ST000042);
  await createUserFor(t, "analista", "region-analyst", "REGIONE");
  operatorA = await logInAs(t.app, "op-a");
  operatorB = await logInAs(t.app, "op-b");
  analyst = await logInAs(t.app, "analista");
  pseudonyms.hosted = await admit("ST000041", "a1", hosted);
  pseudonyms.other = await admit("ST000042", "b1", other);
});
afterAll(() => t?.close());

describe("refused identity reads and corrections are audited", () => {
  it("another structure's read: 404, and a denied entry naming the minor by pseudonym", async () => {
    const response = await operatorB.get(`/api/v1/minors/${pseudonyms.hosted}/identity`);
    expect(response.statusCode).toBe(404);
    // The latest entry is this read's: the other tests' reads by the same user may come before.
    const entry = (await entriesOf("op-b", "registry.identity-read")).at(-1) as Entry;
    expect(entry).toMatchObject({ outcome: "denied", minor_pseudonym: pseudonyms.hosted });
    expect(entry.details).toMatchObject({ reason: "not-in-charge" });
  });

  it("an unknown pseudonym answers exactly as a minor not in charge, and is audited too", async () => {
    const unknown = await operatorB.get("/api/v1/minors/ZZZZZZZZZZZZ/identity");
    const notInCharge = await operatorB.get(`/api/v1/minors/${pseudonyms.hosted}/identity`);
    expect(unknown.statusCode).toBe(404);
    const withoutRequestId = (body: string) => ({
      ...JSON.parse(body),
      instance: undefined,
      requestId: undefined,
    });
    expect(withoutRequestId(unknown.body)).toEqual(withoutRequestId(notInCharge.body));
    const entries = await entriesOf("op-b", "registry.identity-read");
    expect(entries.at(-2)).toMatchObject({ outcome: "denied", minor_pseudonym: null });
    expect(entries.at(-2)?.details).toMatchObject({ reason: "unknown-minor" });
  });

  it("a pseudonymous role: 403, audited", async () => {
    expect((await analyst.get(`/api/v1/minors/${pseudonyms.hosted}/identity`)).statusCode).toBe(403);
    const entry = (await entriesOf("analista", "registry.identity-read")).at(-1) as Entry;
    expect(entry).toMatchObject({ outcome: "denied", minor_pseudonym: pseudonyms.hosted });
    expect(entry.details).toMatchObject({ reason: "role" });
  });

  it("a correction by another structure or a pseudonymous role is refused and audited", async () => {
    const correction = { ...hosted, familyName: "Altro" };
    expect((await operatorB.put(`/api/v1/minors/${pseudonyms.hosted}/identity`, correction)).statusCode).toBe(
      404,
    );
    expect((await analyst.put(`/api/v1/minors/${pseudonyms.hosted}/identity`, correction)).statusCode).toBe(
      403,
    );
    expect((await entriesOf("op-b", "registry.identity-correct")).map((entry) => entry.outcome)).toEqual([
      "denied",
    ]);
    expect((await entriesOf("analista", "registry.identity-correct")).map((entry) => entry.outcome)).toEqual([
      "denied",
    ]);
  });

  it("a correction colliding with another child's fiscal code is audited with the review it opens", async () => {
    expect((await operatorA.get(`/api/v1/minors/${pseudonyms.hosted}/identity`)).statusCode).toBe(200);
    const response = await operatorA.put(`/api/v1/minors/${pseudonyms.hosted}/identity`, other);
    expect(response.statusCode).toBe(200);
    const [entry] = await entriesOf("op-a", "registry.identity-correct");
    expect(entry).toMatchObject({ outcome: "denied", minor_pseudonym: pseudonyms.hosted });
    expect(entry.details).toMatchObject({ reason: "fiscal-code-of-another-minor", sentToReview: true });
  });
});

describe("personal data is never cached", () => {
  it("every API answer carrying an identity says no-store", async () => {
    const answers = [
      await operatorA.get(`/api/v1/minors/${pseudonyms.hosted}/identity`),
      await operatorA.post("/api/v1/registry/lookups", {
        purpose: "admission",
        fiscalCode: hosted.fiscalCode,
      }),
      await operatorB.get(`/api/v1/minors/${pseudonyms.hosted}/identity`),
      await analyst.get(`/api/v1/minors/${pseudonyms.hosted}`),
      await operatorA.get("/api/v1/session"),
    ];
    for (const answer of answers) expect(answer.headers["cache-control"]).toBe("no-store");
  });
});
