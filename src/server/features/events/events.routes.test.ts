import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { italianChild } from "../../../../test/support/registry-fixtures.ts";
import {
  admissionEvent,
  createActiveStructures,
  dischargeEvent,
} from "../../../../test/support/stay-fixtures.ts";
import { createTestApp, json, type TestApp } from "../../../../test/support/test-app.ts";
import { queryRows } from "../../../db/database.ts";
import { disableClientSystem } from "./machine-clients.service.ts";
import {
  digestHeaderOf,
  eventsUrl,
  getEvent,
  type KeyedClient,
  newKeyPair,
  postEvents,
  publicUrl,
  registerClient,
  signToken,
} from "./machine-request.fixtures.ts";

type Results = {
  results: { id: string; status: string; warnings: { code: string }[]; errors: { code: string }[] }[];
};

let t: TestApp;
let client: KeyedClient;
let otherClient: KeyedClient;

async function storedCount(ids: string[]) {
  const [row] = await queryRows<{ count: number }>(
    t.db,
    sql`select count(*)::int as count from stay_event where id in (${sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    )})`,
  );
  return row.count;
}

beforeAll(async () => {
  t = await createTestApp({ SIRMI_PUBLIC_URL: publicUrl });
  await createActiveStructures(t.db, ["ST000123", "ST000124"]);
  client = await registerClient(t.db, ["ST000123"]);
  otherClient = await registerClient(t.db, ["ST000123", "ST000124"]);
});
afterAll(() => t.close());

describe("POST /api/v1/events with ModI ID_AUTH_REST_02", () => {
  it("accepts the standard's admission example, and GET returns its stored outcome to its sender only", async () => {
    const event = {
      id: randomUUID(),
      type: "admission",
      structureCode: "ST000123",
      stayRef: "2026-017",
      occurredOn: "2026-11-20",
      minor: {
        ...italianChild({ familyName: "Rossi", givenName: "Mario", sex: "M", birthDate: "2012-03-14" }),
        unaccompaniedForeignMinor: false,
      },
      admission: {
        kind: "planned",
        legalBasis: "judicial",
        referringService: { code: "SVC-048017-01", comune: "048017" },
        withParent: false,
        origin: "family-of-origin",
        reasons: ["7", "2"],
      },
    };
    const response = await postEvents(t.app, client, { events: [event] });
    expect(response.statusCode).toBe(200);
    expect(json<Results>(response).results).toEqual([
      { id: event.id, status: "accepted", warnings: [], errors: [] },
    ]);
    const outcome = await getEvent(t.app, client, event.id);
    expect(outcome.statusCode).toBe(200);
    expect(json(outcome)).toEqual({ id: event.id, status: "accepted", warnings: [], errors: [] });
    expect((await getEvent(t.app, otherClient, event.id)).statusCode).toBe(404);
    expect((await getEvent(t.app, client, randomUUID())).statusCode).toBe(404);
  });

  it("refuses a replayed jti and stores nothing of the second request", async () => {
    const jti = randomUUID();
    const first = admissionEvent("ST000123", "replay-1", "2026-11-20", italianChild({ givenName: "Luca" }));
    expect((await postEvents(t.app, client, { events: [first] }, { jti })).statusCode).toBe(200);
    const second = admissionEvent("ST000123", "replay-2", "2026-11-20", italianChild({ givenName: "Paolo" }));
    const replay = await postEvents(t.app, client, { events: [second] }, { jti });
    expect(replay.statusCode).toBe(401);
    expect(replay.headers["content-type"]).toContain("application/problem+json");
    expect(json(replay).code).toBe("token-replayed");
    expect(await storedCount([second.id])).toBe(0);
  });

  it("refuses an expired token, a token living more than 300 s and a wrong audience", async () => {
    const now = Math.floor(Date.now() / 1000);
    const events = { events: [admissionEvent("ST000123", "claims-1", "2026-11-20")] };
    const expired = await postEvents(t.app, client, events, { iat: now - 600, exp: now - 300 });
    expect(expired.statusCode).toBe(401);
    expect(json(expired).code).toBe("token-expired");
    const tooLong = await postEvents(t.app, client, events, { iat: now, exp: now + 301 });
    expect(tooLong.statusCode).toBe(401);
    expect(json(tooLong).code).toBe("token-claims-invalid");
    const wrongAudience = await postEvents(t.app, client, events, { aud: `${publicUrl}/api/v1/other` });
    expect(wrongAudience.statusCode).toBe(401);
    expect(json(wrongAudience).code).toBe("token-claims-invalid");
    const notTheSubject = await postEvents(t.app, client, events, { sub: otherClient.id });
    expect(json(notTheSubject).code).toBe("token-claims-invalid");
    const numericSubject = await postEvents(t.app, client, events, { extra: { sub: 42 } });
    expect(json(numericSubject).code).toBe("token-claims-invalid");
    const missing = await t.app.inject({ method: "POST", url: "/api/v1/events", payload: events });
    expect(missing.statusCode).toBe(401);
    expect(missing.headers["www-authenticate"]).toMatch(/^Bearer/);
    expect(await storedCount(events.events.map((event) => event.id))).toBe(0);
  });

  it("answers an unknown client, a bad signature, a wrong kid and a disabled client identically", async () => {
    const body = { events: [admissionEvent("ST000123", "who-1", "2026-11-20")] };
    const stranger = await newKeyPair();
    const unknown = await postEvents(t.app, client, body, { iss: randomUUID(), sub: randomUUID() });
    const badSignature = await postEvents(t.app, client, body, { key: stranger.privateKey });
    const wrongKid = await postEvents(t.app, client, body, { kid: "kid-sconosciuto" });
    const disabled = await registerClient(t.db, ["ST000123"]);
    await disableClientSystem(t.db, { system: true, label: "test" }, disabled.id);
    const disabledResponse = await postEvents(t.app, disabled, body);
    const shapes = [unknown, badSignature, wrongKid, disabledResponse].map((response) => {
      const { requestId: _requestId, ...problem } = json(response);
      return { status: response.statusCode, problem };
    });
    expect(shapes[0]).toMatchObject({ status: 401, problem: { code: "invalid-client-token" } });
    for (const shape of shapes) expect(shape).toEqual(shapes[0]);
    expect(await storedCount([body.events[0].id])).toBe(0);
  });

  it("keeps each event standalone: a foreign structure is rejected per event, in request order", async () => {
    const good = admissionEvent("ST000123", "mixed-1", "2026-11-20", italianChild({ givenName: "Marco" }));
    const foreign = admissionEvent("ST000124", "mixed-2", "2026-11-20", italianChild({ givenName: "Nico" }));
    const early = dischargeEvent("ST000123", "mixed-1", "2026-11-01");
    const shapeless = { id: randomUUID(), type: "admission" };
    const response = await postEvents(t.app, client, { events: [good, foreign, early, shapeless, 42] });
    expect(response.statusCode).toBe(200);
    const results = json<Results>(response).results;
    expect(results.map((result) => [result.id, result.status])).toEqual([
      [good.id, "accepted"],
      [foreign.id, "rejected"],
      [early.id, "rejected"],
      [shapeless.id, "rejected"],
      ["", "rejected"],
    ]);
    expect(results[1].errors[0].code).toBe("structure-not-allowed");
    expect(results[2].errors[0].code).toBe("discharge-before-admission");
    expect(results[3].errors[0].code).toBe("invalid-json-shape");
    const viaOther = await postEvents(t.app, otherClient, { events: [foreign] });
    expect(json<Results>(viaOther).results[0].status).toBe("rejected");
    expect(json<Results>(viaOther).results[0].errors[0].code).toBe("id-reused");
  });

  it("is idempotent: the same id and content is a duplicate, other content is id-reused", async () => {
    const event = admissionEvent("ST000123", "idem-1", "2026-11-20", italianChild({ givenName: "Giorgio" }));
    expect(json<Results>(await postEvents(t.app, client, { events: [event] })).results[0].status).toBe(
      "accepted",
    );
    const again = json<Results>(await postEvents(t.app, client, { events: [event] })).results[0];
    expect(again).toEqual({ id: event.id, status: "duplicate", warnings: [], errors: [] });
    const changed = json<Results>(
      await postEvents(t.app, client, { events: [{ ...event, stayRef: "idem-2" }] }),
    ).results[0];
    expect(changed).toMatchObject({ id: event.id, status: "rejected", errors: [{ code: "id-reused" }] });
  });

  it("refuses a batch over 1,000 events or without an events array, storing nothing", async () => {
    const events = Array.from({ length: 1001 }, (_, index) =>
      dischargeEvent("ST000123", `big-${index}`, "2026-11-20"),
    );
    const response = await postEvents(t.app, client, { events });
    expect(response.statusCode).toBe(413);
    expect(json(response).code).toBe("payload-too-large");
    expect(await storedCount(events.map((event) => event.id))).toBe(0);
    for (const body of [{}, { events: "no" }, [], "not json"]) {
      const bad = await postEvents(t.app, client, body);
      expect(bad.statusCode).toBeGreaterThanOrEqual(400);
      expect(bad.statusCode).toBeLessThan(500);
      expect(bad.headers["content-type"]).toContain("application/problem+json");
    }
  });
});

describe("INTEGRITY_REST_01", () => {
  let strict: KeyedClient;
  beforeAll(async () => {
    strict = await registerClient(t.db, ["ST000123"], { requireIntegrity: true });
  });

  it("requires Digest and Agid-JWT-Signature from a client registered with integrity", async () => {
    const body = {
      events: [admissionEvent("ST000123", "int-1", "2026-11-20", italianChild({ givenName: "Ugo" }))],
    };
    const missing = await postEvents(t.app, strict, body);
    expect(missing.statusCode).toBe(401);
    expect(json(missing).code).toBe("integrity-invalid");
    const tampered = await postEvents(t.app, strict, body, {
      integrity: true,
      sentBody: JSON.stringify({ events: [{ ...body.events[0], stayRef: "int-X" }] }),
    });
    expect(tampered.statusCode).toBe(401);
    expect(json(tampered).code).toBe("integrity-invalid");
    expect(await storedCount([body.events[0].id])).toBe(0);
    const signed = await postEvents(t.app, strict, body, { integrity: true });
    expect(signed.statusCode).toBe(200);
    expect(json<Results>(signed).results[0].status).toBe("accepted");
  });

  it("checks the signed headers and a Digest sent by a client that does not require it", async () => {
    const body = JSON.stringify({ events: [dischargeEvent("ST000123", "int-2", "2026-11-20")] });
    const token = await signToken(client);
    const wrongDigest = await t.app.inject({
      method: "POST",
      url: "/api/v1/events",
      headers: {
        "content-type": "application/json",
        authorization: `Bearer ${token}`,
        digest: "SHA-256=AAAA",
      },
      payload: body,
    });
    expect(json(wrongDigest).code).toBe("integrity-invalid");
    const otherDigest = await signToken(strict, {
      extra: { signed_headers: [{ digest: "SHA-256=AAAA" }, { "content-type": "application/json" }] },
    });
    const mismatch = await t.app.inject({
      method: "POST",
      url: "/api/v1/events",
      headers: {
        "content-type": "application/json",
        authorization: `Bearer ${await signToken(strict)}`,
        digest: digestHeaderOf(body),
        "agid-jwt-signature": otherDigest,
      },
      payload: body,
    });
    expect(json(mismatch).code).toBe("integrity-invalid");
    expect(eventsUrl).toBe(`${publicUrl}/api/v1/events`);
  });
});
