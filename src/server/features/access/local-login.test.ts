import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codeAtStep, nextCodeFor } from "../../../../test/support/second-factor-codes.ts";
import {
  createOrganisationFor,
  createTestApp,
  createUserFor,
  enrolSecondFactorFor,
  json,
  logInAs,
  type TestApp,
  testPassword,
  testToday,
} from "../../../../test/support/test-app.ts";
import { appUser, auditEntry } from "../../../db/schema/index.ts";
import type { Clock } from "../../../domain/time/clock.ts";
import { createUserWithRole } from "./users.service.ts";

let t: TestApp;
let offsetMs = 0;
/** The machine's instants moved by offsetMs: idle sessions and lockouts end without waiting. */
const movableClock: Clock = { now: () => new Date(Date.now() + offsetMs), today: () => testToday };

beforeAll(async () => {
  t = await createTestApp(
    {
      SIRMI_MAX_SESSIONS_PER_USER: "2",
      SIRMI_SESSION_IDLE_MINUTES: "30",
      SIRMI_LOGIN_RATE_LIMIT_PER_MINUTE: "1000",
    },
    movableClock,
  );
  await createOrganisationFor(t, "REGIONE", "region");
  await createOrganisationFor(t, "COOP", "operator");
  await createUserFor(t, "analista", "region-analyst", "REGIONE");
  await createUserFor(t, "operatrice", "structure-operator", "COOP");
  await createUserWithRole(
    t.db,
    { system: true, label: "test" },
    {
      username: "nuova",
      displayName: "Nuova operatrice",
      password: testPassword,
      role: "structure-operator",
      organisationCode: "COOP",
    },
  );
  await createUserFor(t, "bloccata", "region-analyst", "REGIONE");
});
afterAll(() => t.close());

const post = (url: string, payload: object, headers: Record<string, string> = {}) =>
  t.app.inject({ method: "POST", url, payload, headers });

async function startLogin(username: string, password = testPassword) {
  const response = await post("/api/v1/session", { username, password });
  expect(response.statusCode, response.body).toBe(201);
  const cookie = response.cookies.find((c) => c.name === "sirmi_session")?.value as string;
  const body = json<{ csrfToken: string; pendingStep: string | null }>(response);
  return { headers: { cookie: `sirmi_session=${cookie}`, "x-csrf-token": body.csrfToken }, body };
}

async function auditActions(action: string) {
  return t.db.select().from(auditEntry).where(eq(auditEntry.action, action));
}

describe("second factor for roles that see identities", () => {
  it("asks the code after the password, refuses everything else until then, and a wrong or replayed code", async () => {
    const { headers, body } = await startLogin("operatrice");
    expect(body.pendingStep).toBe("second-factor");
    const blocked = await t.app.inject({ method: "GET", url: "/api/v1/structures", headers });
    expect(blocked.statusCode).toBe(403);
    expect(json(blocked).code).toBe("login-step-required");
    const wrong = await post("/api/v1/session/second-factor", { code: "000000" }, headers);
    expect(wrong.statusCode).toBe(401);
    expect(json(wrong).code).toBe("second-factor-invalid");
    const code = await nextCodeFor("operatrice");
    const accepted = await post("/api/v1/session/second-factor", { code }, headers);
    expect(accepted.statusCode).toBe(200);
    expect(json(accepted)).toMatchObject({
      pendingStep: null,
      authenticationLevel: 2,
      active: { role: "structure-operator" },
    });
    const again = await startLogin("operatrice");
    const replayed = await post("/api/v1/session/second-factor", { code }, again.headers);
    expect(replayed.statusCode).toBe(401);
    const denied = await auditActions("session.second-factor");
    expect(denied.filter((e) => e.outcome === "denied").length).toBeGreaterThanOrEqual(2);
  });

  it("enrols at the first login: secret, first code, ten recovery codes that work once", async () => {
    const { headers, body } = await startLogin("nuova");
    expect(body.pendingStep).toBe("second-factor-enrolment");
    const started = await post("/api/v1/session/second-factor-enrolment", {}, headers);
    expect(started.statusCode).toBe(201);
    const { secret, otpauthUri } = json<{ secret: string; otpauthUri: string }>(started);
    expect(otpauthUri).toMatch(/^otpauth:\/\/totp\/.*secret=/);
    const step = Math.floor(Date.now() / 30_000);
    const bad = await t.app.inject({
      method: "PUT",
      url: "/api/v1/session/second-factor-enrolment",
      headers,
      payload: { code: "123" },
    });
    expect(bad.statusCode).toBe(422);
    const confirmed = await t.app.inject({
      method: "PUT",
      url: "/api/v1/session/second-factor-enrolment",
      headers,
      payload: { code: codeAtStep(secret, step) },
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const { recoveryCodes, session } = json<{
      recoveryCodes: string[];
      session: { pendingStep: null; authenticationLevel: number };
    }>(confirmed);
    expect(recoveryCodes).toHaveLength(10);
    expect(session).toMatchObject({ pendingStep: null, authenticationLevel: 2 });
    const [stored] = await t.db.select().from(appUser).where(eq(appUser.username, "nuova"));
    expect(stored.totpSecretSealed).not.toContain(secret);
    const next = await startLogin("nuova");
    expect(next.body.pendingStep).toBe("second-factor");
    const recovered = await post(
      "/api/v1/session/second-factor",
      { code: recoveryCodes[0].toUpperCase() },
      next.headers,
    );
    expect(recovered.statusCode).toBe(200);
    const reused = await startLogin("nuova");
    expect(
      (await post("/api/v1/session/second-factor", { code: recoveryCodes[0] }, reused.headers)).statusCode,
    ).toBe(401);
  });
});

describe("without a provider", () => {
  it("offers local accounts only, and a SPID/CIE sign-in explains that it is not configured", async () => {
    const methods = await t.app.inject({ method: "GET", url: "/api/v1/session/methods" });
    expect(json(methods)).toMatchObject({
      provider: false,
      localAccounts: true,
      requiredLevelForIdentityRoles: 2,
    });
    const start = await t.app.inject({ method: "GET", url: "/api/v1/session/oidc" });
    expect(start.statusCode).toBe(303);
    expect(start.headers.location).toBe("/accesso/esito?motivo=not-configured");
  });
});

describe("lockout with backoff", () => {
  it("locks after five failures, refuses even the right password while locked, then lets in", async () => {
    for (let attempt = 0; attempt < 5; attempt++) {
      expect(
        (await post("/api/v1/session", { username: "bloccata", password: "sbagliata-del-tutto" })).statusCode,
      ).toBe(401);
    }
    const whileLocked = await post("/api/v1/session", { username: "bloccata", password: testPassword });
    expect(whileLocked.statusCode).toBe(401);
    const unknown = await post("/api/v1/session", { username: "inesistente", password: testPassword });
    expect(json(whileLocked).detail).toBe(json(unknown).detail);
    const logins = await auditActions("session.login");
    const [locked] = await t.db.select().from(appUser).where(eq(appUser.username, "bloccata"));
    expect(
      logins.some(
        (e) => e.resourceId === locked.id && (e.details as { reason?: string })?.reason === "locked",
      ),
    ).toBe(true);
    // The log keeps the account's id, or a keyed digest of what was typed: never the text itself.
    const refused = logins.filter((e) => e.outcome === "denied");
    expect(refused.length).toBeGreaterThanOrEqual(7);
    for (const entry of refused) {
      expect(entry.username).toBeNull();
      expect(JSON.stringify(entry)).not.toMatch(/bloccata|inesistente/);
    }
    const digests = refused.map((e) => (e.details as { typedUsernameDigest?: string }).typedUsernameDigest);
    expect(digests.filter((digest) => /^[0-9a-f]{64}$/.test(digest ?? ""))).toHaveLength(1);
    offsetMs += 2 * 60_000;
    expect((await post("/api/v1/session", { username: "bloccata", password: testPassword })).statusCode).toBe(
      201,
    );
    const [account] = await t.db.select().from(appUser).where(eq(appUser.username, "bloccata"));
    expect(account.failedLoginCount).toBe(0);
  });
});

describe("sessions", () => {
  it("lists one's sessions, closes one, and keeps no more than the limit", async () => {
    const first = await logInAs(t.app, "analista");
    const second = await logInAs(t.app, "analista");
    const listed = json<{ items: { id: string; current: boolean }[] }>(
      await second.get("/api/v1/sessions"),
    ).items;
    expect(listed).toHaveLength(2);
    expect(listed.filter((s) => s.current)).toHaveLength(1);
    const third = await logInAs(t.app, "analista");
    expect((await first.get("/api/v1/session")).statusCode).toBe(401);
    expect(json<{ items: unknown[] }>(await third.get("/api/v1/sessions")).items).toHaveLength(2);
    const evictions = await auditActions("session.evict");
    expect(evictions.at(-1)?.details).toMatchObject({ closedSessions: 1, limit: 2 });
    const other = json<{ items: { id: string; current: boolean }[] }>(
      await third.get("/api/v1/sessions"),
    ).items.find((s) => !s.current);
    expect((await third.delete(`/api/v1/sessions/${other?.id}`)).statusCode).toBe(204);
    expect((await second.get("/api/v1/session")).statusCode).toBe(401);
    expect((await third.delete(`/api/v1/sessions/${other?.id}`)).statusCode).toBe(404);
  });

  it("does not let a login still owing its second factor close the owner's sessions", async () => {
    await createUserFor(t, "prudente", "region-analyst", "REGIONE");
    await enrolSecondFactorFor(t, "prudente");
    // The codes of the tests' authenticator follow the machine's clock.
    const moved = offsetMs;
    offsetMs = 0;
    const owner = await logInAs(t.app, "prudente").finally(() => {
      offsetMs = moved;
    });
    for (let attempt = 0; attempt < 3; attempt++)
      expect((await startLogin("prudente")).body.pendingStep).toBe("second-factor");
    expect((await owner.get("/api/v1/session")).statusCode).toBe(200);
  });

  it("ends a session idle longer than the configured minutes", async () => {
    const client = await logInAs(t.app, "analista");
    offsetMs += 20 * 60_000;
    expect((await client.get("/api/v1/session")).statusCode).toBe(200);
    offsetMs += 20 * 60_000;
    expect((await client.get("/api/v1/session")).statusCode).toBe(200);
    offsetMs += 31 * 60_000;
    expect((await client.get("/api/v1/session")).statusCode).toBe(401);
  });
});
