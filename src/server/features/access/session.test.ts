import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  addRoleFor,
  createOrganisationFor,
  createTestApp,
  createUserFor,
  json,
  logInAs,
  type TestApp,
  testPassword,
} from "../../../../test/support/test-app.ts";

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ SIRMI_LOGIN_RATE_LIMIT_PER_MINUTE: "8" });
  await createOrganisationFor(t, "REGIONE", "region");
  await createOrganisationFor(t, "OSS", "observatory");
  await createUserFor(t, "analista", "region-analyst", "REGIONE");
  await createUserFor(t, "doppio", "region-admin", "REGIONE");
  await addRoleFor(t, "doppio", "observatory", "OSS");
});
afterAll(() => t.close());

describe("session", () => {
  it("logs in with a single role active at once; the cookie is httpOnly and SameSite=Strict", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/v1/session",
      payload: { username: "analista", password: testPassword },
    });
    expect(response.statusCode).toBe(201);
    const cookie = response.cookies.find((c) => c.name === "sirmi_session");
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe("Strict");
    expect(json<{ active: { role: string } }>(response).active.role).toBe("region-analyst");
  });

  it("refuses a wrong password and an unknown user alike, as problem+json", async () => {
    for (const username of ["analista", "nessuno"]) {
      const response = await t.app.inject({
        method: "POST",
        url: "/api/v1/session",
        payload: { username, password: "sbagliata-davvero" },
      });
      expect(response.statusCode).toBe(401);
      expect(response.headers["content-type"]).toContain("application/problem+json");
      expect(json(response)).toMatchObject({ code: "invalid-credentials", status: 401 });
    }
  });

  it("answers 401 without a session", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/v1/session" });
    expect(response.statusCode).toBe(401);
    expect(json(response).code).toBe("not-authenticated");
  });

  it("asks a user with several roles to choose one, then acts in it", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/v1/session",
      payload: { username: "doppio", password: testPassword },
    });
    const session = json<{ active: unknown; memberships: { membershipId: string; role: string }[] }>(
      response,
    );
    expect(session.active).toBeNull();
    expect(session.memberships.map((m) => m.role).sort()).toEqual(["observatory", "region-admin"]);
    const cookie = `sirmi_session=${response.cookies[0].value}`;
    const csrf = json<{ csrfToken: string }>(response).csrfToken;
    const blocked = await t.app.inject({ method: "GET", url: "/api/v1/structures", headers: { cookie } });
    expect(blocked.statusCode).toBe(403);
    const observatory = session.memberships.find((m) => m.role === "observatory");
    const chosen = await t.app.inject({
      method: "PUT",
      url: "/api/v1/session/active-membership",
      headers: { cookie, "x-csrf-token": csrf },
      payload: { membershipId: observatory?.membershipId },
    });
    expect(json<{ active: { role: string } }>(chosen).active.role).toBe("observatory");
    const organisations = await t.app.inject({
      method: "GET",
      url: "/api/v1/organisations",
      headers: { cookie },
    });
    expect(organisations.statusCode).toBe(403);
  });

  it("logs out: the cookie no longer works", async () => {
    const client = await logInAs(t.app, "analista");
    expect((await client.delete("/api/v1/session")).statusCode).toBe(204);
    expect((await client.get("/api/v1/session")).statusCode).toBe(401);
  });

  it("limits login attempts with 429 and the rate-limit headers", async () => {
    let last = await t.app.inject({
      method: "POST",
      url: "/api/v1/session",
      payload: { username: "x", password: "y" },
    });
    for (let attempt = 0; attempt < 10 && last.statusCode !== 429; attempt++) {
      last = await t.app.inject({
        method: "POST",
        url: "/api/v1/session",
        payload: { username: "x", password: "y" },
      });
    }
    expect(last.statusCode).toBe(429);
    expect(last.headers["content-type"]).toContain("application/problem+json");
    expect(json(last).code).toBe("rate-limited");
    for (const header of ["x-ratelimit-limit", "x-ratelimit-remaining", "x-ratelimit-reset", "retry-after"]) {
      expect(last.headers[header], header).toBeDefined();
    }
  });
});

describe("status and errors", () => {
  it("GET /status answers 200 with the service state", async () => {
    const response = await t.app.inject({ method: "GET", url: "/status" });
    expect(response.statusCode).toBe(200);
    expect(json(response)).toMatchObject({ status: 200 });
    expect(response.headers["x-request-id"]).toBeTruthy();
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.headers["content-security-policy"]).toContain("default-src 'self'");
  });

  it("an unknown path is a problem+json 404 in Italian", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/v1/nulla" });
    expect(response.statusCode).toBe(404);
    expect(json(response)).toMatchObject({ code: "not-found", detail: "Il percorso richiesto non esiste." });
  });
});
