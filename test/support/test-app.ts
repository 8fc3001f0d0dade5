import { Writable } from "node:stream";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { seesIdentities } from "../../src/domain/access/identity-roles.ts";
import type { Role } from "../../src/domain/access/roles.ts";
import { type Clock, clockOnDay } from "../../src/domain/time/clock.ts";
import { buildApp } from "../../src/server/app.ts";
import { loadConfig } from "../../src/server/config.ts";
import { generateKeyringFile, keyringOf } from "../../src/server/core/vault-keys.ts";
import { enrolSecondFactorSystem } from "../../src/server/features/access/second-factor.system.ts";
import {
  addRole,
  createOrganisation,
  createUserWithRole,
} from "../../src/server/features/access/users.service.ts";
import { createLogger } from "../../src/server/http/logger.ts";
import { hasSecondFactorFor, nextCodeFor, rememberSecondFactor } from "./second-factor-codes.ts";
import { openTestDatabase } from "./test-database.ts";

export const testPassword = "password-di-prova-1";
const system = { system: true as const, label: "test" };

/**
 * The calendar day of the tests' apps unless a test chooses its own: fixed, so that no test
 * depends on the day it runs (CI runs the suite again with the machine's clock far ahead).
 */
export const testToday = "2026-11-21";

/** A real app on a private database, with its log lines captured for inspection. */
export async function createTestApp(
  environment: Record<string, string> = {},
  clock: Clock = clockOnDay(testToday),
) {
  const handle = await openTestDatabase();
  const logLines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      logLines.push(String(chunk));
      callback();
    },
  });
  const config = loadConfig({
    SIRMI_LOG_LEVEL: "info",
    SIRMI_RATE_LIMIT_PER_MINUTE: "100000",
    // The tests run the SINBA producer themselves (app.sinbaFlowWorker.drain()), never in the background.
    SIRMI_SINBA_PRODUCER_SECONDS: "0",
    ...environment,
  });
  const keyring = keyringOf(generateKeyringFile());
  const app = await buildApp({
    config,
    db: handle.db,
    logger: createLogger(config.logLevel, stream),
    keyring,
    clock,
  });
  await app.ready();
  return {
    app,
    db: handle.db,
    handle,
    logLines,
    config,
    keyring,
    clock,
    today: clock.today(),
    close: async () => {
      await app.close();
      await handle.close();
    },
  };
}

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;

export async function createOrganisationFor(
  t: TestApp,
  code: string,
  kind: "region" | "social-service" | "operator" | "observatory",
  fiscalCode?: string,
  name?: string,
) {
  return createOrganisation(t.db, system, {
    code,
    name: name ?? `Organizzazione ${code}`,
    kind,
    fiscalCode: fiscalCode ?? null,
  });
}

/**
 * A user with the test password; one who holds a role that sees identities also gets a second
 * factor (mandatory for those roles with local login), whose codes logInAs then gives.
 */
export async function createUserFor(
  t: Pick<TestApp, "db" | "keyring">,
  username: string,
  role: Role,
  organisationCode: string,
  structureId?: string,
) {
  const created = await createUserWithRole(t.db, system, {
    username,
    displayName: `Utente ${username}`,
    password: testPassword,
    role,
    organisationCode,
    structureId: structureId ?? null,
  });
  if (seesIdentities(role)) await enrolSecondFactorFor(t, username);
  return created;
}

export async function enrolSecondFactorFor(t: Pick<TestApp, "db" | "keyring">, username: string) {
  const { secret } = await enrolSecondFactorSystem(t.db, t.keyring, system, { username, issuer: "test" });
  rememberSecondFactor(username, secret);
}

/** A logged-in browser-like client: keeps the cookie, sends the CSRF token on writes. */
export async function logInAs(app: FastifyInstance, username: string, password = testPassword) {
  const response = await app.inject({
    method: "POST",
    url: "/api/v1/session",
    payload: { username, password },
  });
  if (response.statusCode !== 201)
    throw new Error(`login failed for ${username}: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === "sirmi_session");
  if (!cookie) throw new Error("no session cookie");
  type SessionBody = {
    csrfToken: string;
    memberships: { membershipId: string; available: boolean }[];
    active: unknown;
    pendingStep: string | null;
  };
  let session = response.json() as SessionBody;
  const headers = { cookie: `sirmi_session=${cookie.value}`, "x-csrf-token": session.csrfToken };
  if (session.pendingStep === "second-factor") {
    const answered = await app.inject({
      method: "POST",
      url: "/api/v1/session/second-factor",
      headers,
      payload: { code: await nextCodeFor(username) },
    });
    if (answered.statusCode !== 200)
      throw new Error(`second factor refused for ${username}: ${answered.statusCode} ${answered.body}`);
    session = answered.json() as SessionBody;
  }
  const client = {
    session,
    headers,
    get: (url: string) => app.inject({ method: "GET", url, headers }),
    post: (url: string, payload?: unknown) =>
      app.inject({ method: "POST", url, headers, payload: payload as object }),
    put: (url: string, payload?: unknown) =>
      app.inject({ method: "PUT", url, headers, payload: payload as object }),
    delete: (url: string) => app.inject({ method: "DELETE", url, headers }),
  };
  const usable = session.memberships.filter((membership) => membership.available);
  if (!session.active && !session.pendingStep && usable.length > 0) {
    await client.put("/api/v1/session/active-membership", { membershipId: usable[0].membershipId });
  }
  return client;
}

export type Client = Awaited<ReturnType<typeof logInAs>>;

export function json<T = Record<string, unknown>>(response: LightMyRequestResponse): T {
  return response.json() as T;
}

export async function addRoleFor(t: TestApp, username: string, role: Role, organisationCode: string) {
  await addRole(t.db, system, { username, role, organisationCode });
  if (seesIdentities(role) && !hasSecondFactorFor(username)) await enrolSecondFactorFor(t, username);
}
