import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  admissionEvent,
  createActiveStructures,
  italianChild,
} from "../../../../test/support/stay-fixtures.ts";
import { createTestApp, type TestApp } from "../../../../test/support/test-app.ts";
import { queryRows } from "../../../db/database.ts";
import { addDays } from "../../../domain/time/calendar.ts";
import {
  digestHeaderOf,
  type KeyedClient,
  newKeyPair,
  publicUrl,
  registerClient,
  signToken,
  type TokenOptions,
} from "./machine-request.fixtures.ts";

let t: TestApp;
let client: KeyedClient;
let strictClient: KeyedClient;
let seen = 0;

beforeAll(async () => {
  t = await createTestApp({ SIRMI_PUBLIC_URL: publicUrl, SIRMI_RATE_LIMIT_PER_MINUTE: "100000" });
  await createActiveStructures(t.db, ["ST000601"], 999);
  client = await registerClient(t.db, ["ST000601"]);
  strictClient = await registerClient(t.db, ["ST000601"], { requireIntegrity: true });
});
afterAll(() => t.close());

/** How a request is spoiled; `none` is a correct request. */
const tampering = fc.constantFrom(
  "none",
  "other-key",
  "expired",
  "issued-in-future",
  "lives-too-long",
  "wrong-audience",
  "wrong-issuer",
  "replayed-jti",
  "no-token",
  "garbage-token",
  "body-changed-after-signing",
  "digest-missing",
  "not-utf8",
) as fc.Arbitrary<string>;

/** A batch of fresh events: good admissions and broken ones, in any order. */
const batch = fc.array(fc.constantFrom("good", "bad-date", "bad-code", "no-id", "unknown-structure"), {
  minLength: 1,
  maxLength: 6,
});

function eventOf(kind: string) {
  seen += 1;
  // A different child each time (another birth day, hence another fiscal code).
  const child = italianChild({
    familyName: "Verdi",
    givenName: "Anna",
    sex: "F",
    birthDate: addDays("2009-01-01", seen),
  });
  const event: Record<string, unknown> = admissionEvent("ST000601", `AUTH-${seen}`, "2026-11-20", child);
  if (kind === "bad-date") event.occurredOn = "2026-02-30";
  if (kind === "bad-code") event.admission = { ...(event.admission as object), legalBasis: "boh" };
  if (kind === "no-id") delete event.id;
  if (kind === "unknown-structure") event.structureCode = "ST999999";
  return event;
}

async function storedCount(ids: string[]) {
  if (ids.length === 0) return 0;
  const [row] = await queryRows<{ count: number }>(
    t.db,
    sql`select count(*)::int as count from stay_event where id in (${sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    )})`,
  );
  return row.count;
}

async function send(how: string, events: Record<string, unknown>[]) {
  const sender = how === "body-changed-after-signing" || how === "digest-missing" ? strictClient : client;
  const body = JSON.stringify({ events });
  const now = Math.floor(Date.now() / 1000);
  const other = await newKeyPair(sender.kid);
  const jti = randomUUID();
  // The claims (or key) each spoiling changes; a correct token otherwise.
  const spoiled: Record<string, TokenOptions> = {
    "other-key": { key: other.privateKey },
    expired: { iat: now - 900, exp: now - 600 },
    "issued-in-future": { iat: now + 900, exp: now + 1000 },
    "lives-too-long": { iat: now, exp: now + 3600 },
    "wrong-audience": { aud: `${publicUrl}/api/v1/event-files` },
    "wrong-issuer": { iss: randomUUID(), sub: randomUUID() },
  };
  const token = await signToken(sender, spoiled[how] ?? { jti });
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (how === "garbage-token") headers.authorization = "Bearer abc.def.ghi";
  else if (how !== "no-token") headers.authorization = `Bearer ${token}`;
  if (sender === strictClient && how !== "digest-missing") {
    headers.digest = digestHeaderOf(body);
    headers["agid-jwt-signature"] = await signToken(sender, {
      extra: { signed_headers: [{ digest: headers.digest }, { "content-type": "application/json" }] },
    });
  }
  let payload: string | Buffer = body;
  if (how === "body-changed-after-signing") payload = body.replace("AUTH-", "AUTX-");
  if (how === "not-utf8")
    payload = Buffer.concat([Buffer.from(body.slice(0, -3)), Buffer.from([0xff, 0xfe]), Buffer.from("]}")]);
  if (how === "replayed-jti") {
    // The first use of the jti is a correct request of its own; the replay carries this batch.
    const first = { events: [eventOf("good")] };
    const ok = await t.app.inject({
      method: "POST",
      url: "/api/v1/events",
      headers,
      payload: JSON.stringify(first),
    });
    expect(ok.statusCode).toBe(200);
  }
  return t.app.inject({ method: "POST", url: "/api/v1/events", headers, payload });
}

describe("tampered requests, fuzzed", () => {
  it("a spoiled request is a 4xx problem that stores nothing; a correct one accepts exactly its good events", async () => {
    await fc.assert(
      fc.asyncProperty(tampering, batch, async (how, kinds) => {
        const events = kinds.map(eventOf);
        const ids = events.flatMap((event) => (typeof event.id === "string" ? [event.id] : []));
        const response = await send(how, events);
        expect(response.statusCode, `${how}: ${response.body.slice(0, 200)}`).toBeLessThan(500);
        if (how !== "none") {
          expect(response.statusCode, how).toBeGreaterThanOrEqual(400);
          expect(response.headers["content-type"]).toContain("application/problem+json");
          expect(await storedCount(ids), how).toBe(0);
          return;
        }
        expect(response.statusCode).toBe(200);
        const results = (response.json() as { results: { status: string }[] }).results;
        expect(
          results.map((result) => result.status),
          response.body,
        ).toEqual(kinds.map((kind) => (kind === "good" ? "accepted" : "rejected")));
        const good = events.filter((_, index) => kinds[index] === "good").map((event) => event.id as string);
        const [row] = await queryRows<{ count: number }>(
          t.db,
          sql`select count(*)::int as count from stay_event where status = 'accepted' and id in (${sql.join(
            [...good, randomUUID()].map((id) => sql`${id}`),
            sql`, `,
          )})`,
        );
        expect(row.count).toBe(good.length);
      }),
      { numRuns: 60 },
    );
  }, 240_000);
});
