import { eq, sql } from "drizzle-orm";
import fc from "fast-check";
import { exportJWK, generateKeyPair } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  signInAtProvider,
  startTestProvider,
  type TestProvider,
  testClientSecret,
} from "../../../../test/support/oidc-test-provider.ts";
import {
  createOrganisationFor,
  createTestApp,
  json,
  type TestApp,
  testToday,
} from "../../../../test/support/test-app.ts";
import { appUser, auditEntry } from "../../../db/schema/index.ts";
import type { Role } from "../../../domain/access/roles.ts";
import { signInRefusalCodes } from "../../../domain/access/sign-in-outcomes.ts";
import type { Clock } from "../../../domain/time/clock.ts";
import { fiscalCodeDigest } from "./account-digests.ts";
import { createUserWithRole } from "./users.service.ts";

const callbackUrl = "http://localhost:3000/api/v1/session/oidc/callback";
const operatorCode = "RSSMRA80A01H501U";
const analystCode = "VRDLGU75B12D612K";
let provider: TestProvider;
let t: TestApp;
let keyApp: TestApp;
let offsetMs = 0;
const clock: Clock = { now: () => new Date(Date.now() + offsetMs), today: () => testToday };

async function person(
  app: TestApp,
  username: string,
  role: Role,
  organisationCode: string,
  fiscalCode: string,
) {
  await createUserWithRole(
    app.db,
    { system: true, label: "test" },
    {
      username,
      displayName: `Utente ${username}`,
      password: null,
      role,
      organisationCode,
      fiscalCodeDigest: fiscalCodeDigest(app.keyring, fiscalCode),
    },
  );
}

beforeAll(async () => {
  const key = await generateKeyPair("RS256", { extractable: true });
  const privateJwk = { ...(await exportJWK(key.privateKey)), kid: "sirmi-1", alg: "RS256" };
  const publicJwk = { ...(await exportJWK(key.publicKey)), kid: "sirmi-1", alg: "RS256", use: "sig" };
  provider = await startTestProvider({
    redirectUris: [callbackUrl],
    postLogoutRedirectUris: ["http://localhost:3000/accesso?uscita=provider"],
    people: {
      "p-rossi": { fiscalNumber: `TINIT-${operatorCode}`, name: "Mario Rossi" },
      "p-verdi": { fiscalNumber: `TINIT-${analystCode}`, name: "Luigi Verdi" },
      "p-ignoto": { fiscalNumber: "TINIT-BNCGNN90C03F205X", name: "Gianni Bianchi" },
      "p-senza-cf": { name: "Senza Codice" },
    },
    privateKeyJwtClient: { clientId: "sirmi-jwt", publicJwk },
  });
  const oidcEnvironment = { SIRMI_OIDC_ISSUER: provider.issuer, SIRMI_MAX_SESSIONS_PER_USER: "20" };
  t = await createTestApp(
    { ...oidcEnvironment, SIRMI_OIDC_CLIENT_ID: "sirmi", SIRMI_OIDC_CLIENT_SECRET: testClientSecret },
    clock,
  );
  keyApp = await createTestApp({
    ...oidcEnvironment,
    SIRMI_OIDC_CLIENT_ID: "sirmi-jwt",
    SIRMI_OIDC_PRIVATE_KEY: JSON.stringify(privateJwk),
  });
  for (const app of [t, keyApp]) {
    await createOrganisationFor(app, "REGIONE", "region");
    await createOrganisationFor(app, "COOP", "operator");
    await person(app, "mrossi", "structure-operator", "COOP", operatorCode);
    await person(app, "lverdi", "region-analyst", "REGIONE", analystCode);
  }
});
afterAll(async () => {
  await t?.close();
  await keyApp?.close();
  await provider?.close();
});

async function begin(app: TestApp = t) {
  const response = await app.app.inject({ method: "GET", url: "/api/v1/session/oidc" });
  expect(response.statusCode).toBe(303);
  const binding = response.cookies.find((c) => c.name === "sirmi_oidc");
  expect(binding?.httpOnly).toBe(true);
  return { location: response.headers.location as string, binding: binding?.value as string };
}

function answer(url: URL | string, binding: string | undefined, app: TestApp = t) {
  const search = typeof url === "string" ? url : url.search;
  return app.app.inject({
    method: "GET",
    url: `/api/v1/session/oidc/callback${search}`,
    headers: binding ? { cookie: `sirmi_oidc=${binding}` } : {},
  });
}

async function signIn(personId: string, level: 1 | 2 | 3, app: TestApp = t) {
  const started = await begin(app);
  const url = await signInAtProvider(started.location, { person: personId, level }, callbackUrl);
  return { url, binding: started.binding, response: await answer(url, started.binding, app) };
}

const refusalOf = (response: { statusCode: number; headers: Record<string, unknown> }) => {
  expect(response.statusCode).toBe(303);
  return new URL(String(response.headers.location), "http://x").searchParams.get("motivo");
};

async function lastLogin() {
  const [entry] = await t.db
    .select()
    .from(auditEntry)
    .where(eq(auditEntry.action, "session.login"))
    .orderBy(sql`${auditEntry.sequence} desc`)
    .limit(1);
  return entry;
}

describe("SPID/CIE through the Region's provider", () => {
  it("signs in a registered person at SPID level 2, matched by the keyed digest of the fiscal code", async () => {
    const { response } = await signIn("p-rossi", 2);
    expect(response.headers.location).toBe("/");
    const cookie = response.cookies.find((c) => c.name === "sirmi_session");
    expect(cookie?.sameSite).toBe("Strict");
    const session = await t.app.inject({
      method: "GET",
      url: "/api/v1/session",
      headers: { cookie: `sirmi_session=${cookie?.value}` },
    });
    expect(json(session)).toMatchObject({
      authMethod: "oidc",
      authenticationLevel: 2,
      active: { role: "structure-operator" },
    });
    expect(await lastLogin()).toMatchObject({
      username: "mrossi",
      outcome: "success",
      details: { method: "oidc", level: 2 },
    });
    const stored = JSON.stringify(await t.db.select().from(appUser));
    expect(stored).not.toContain(operatorCode);
    expect(t.logLines.join("\n")).not.toContain(operatorCode);
  });

  it("signs in with private_key_jwt as client authentication too", async () => {
    const { response } = await signIn("p-verdi", 2, keyApp);
    expect(response.headers.location).toBe("/");
  });

  it("refuses level 1 for a role that sees identities, but lets it act in a role that does not", async () => {
    expect(refusalOf((await signIn("p-rossi", 1)).response)).toBe("level-insufficient");
    expect(await lastLogin()).toMatchObject({
      outcome: "denied",
      details: { reason: "level-insufficient", level: 1, required: 2 },
    });
    const analyst = await signIn("p-verdi", 1);
    expect(analyst.response.headers.location).toBe("/");
  });

  it("answers «utente non abilitato» to an unknown person, creating no account", async () => {
    const before = (await t.db.select().from(appUser)).length;
    expect(refusalOf((await signIn("p-ignoto", 2)).response)).toBe("user-not-enabled");
    expect((await t.db.select().from(appUser)).length).toBe(before);
    expect(await lastLogin()).toMatchObject({ outcome: "denied", details: { reason: "user-not-enabled" } });
  });

  it("refuses an answer without the fiscal code claim", async () => {
    expect(refusalOf((await signIn("p-senza-cf", 2)).response)).toBe("claims-missing");
  });

  it("refuses a replayed answer, a replayed code, a tampered state, another browser and a foreign issuer", async () => {
    const first = await signIn("p-rossi", 2);
    expect(refusalOf(await answer(first.url, first.binding))).toBe("state-invalid");
    const fresh = await begin();
    const state = new URL(fresh.location).searchParams.get("state") as string;
    const reusedCode = new URL(first.url);
    reusedCode.searchParams.set("state", state);
    expect(refusalOf(await answer(reusedCode, fresh.binding))).toBe("code-invalid");

    const tampered = await begin();
    const tamperedUrl = await signInAtProvider(
      tampered.location,
      { person: "p-rossi", level: 2 },
      callbackUrl,
    );
    tamperedUrl.searchParams.set("state", `${tamperedUrl.searchParams.get("state")}x`);
    expect(refusalOf(await answer(tamperedUrl, tampered.binding))).toBe("state-invalid");

    const elsewhere = await begin();
    const elsewhereUrl = await signInAtProvider(
      elsewhere.location,
      { person: "p-rossi", level: 2 },
      callbackUrl,
    );
    expect(refusalOf(await answer(elsewhereUrl, "un-altro-browser"))).toBe("state-invalid");

    const mixUp = await begin();
    const mixUpUrl = await signInAtProvider(mixUp.location, { person: "p-rossi", level: 2 }, callbackUrl);
    mixUpUrl.searchParams.set("iss", "https://idp.malevolo.example");
    expect(refusalOf(await answer(mixUpUrl, mixUp.binding))).toBe("token-invalid");
  });

  it.each([
    [
      "a wrong issuer",
      { kind: "claims", change: (c: Record<string, unknown>) => ({ ...c, iss: "https://altro.example" }) },
    ],
    [
      "a wrong audience",
      { kind: "claims", change: (c: Record<string, unknown>) => ({ ...c, aud: "un-altro-client" }) },
    ],
    [
      "an expired token",
      {
        kind: "claims",
        change: (c: Record<string, unknown>) => ({ ...c, exp: Math.floor(Date.now() / 1000) - 3600 }),
      },
    ],
    ["a missing nonce", { kind: "claims", change: ({ nonce: _nonce, ...c }: Record<string, unknown>) => c }],
    ["the algorithm none", { kind: "alg-none" }],
    ["HS256 signed with the client secret", { kind: "hs256" }],
    ["a signature by another key", { kind: "foreign-key" }],
  ] as const)("refuses an ID token with %s, with a log entry", async (_name, tamper) => {
    provider.state.tamper = tamper as never;
    try {
      expect(refusalOf((await signIn("p-rossi", 2)).response)).toBe("token-invalid");
    } finally {
      provider.state.tamper = null;
    }
    expect(await lastLogin()).toMatchObject({
      outcome: "denied",
      details: { method: "oidc", reason: "token-invalid" },
    });
  });

  it("judges the token's lifetime by the application's clock, with the configured tolerance", async () => {
    offsetMs = 2 * 3600_000;
    try {
      expect(refusalOf((await signIn("p-rossi", 2)).response)).toBe("token-invalid");
    } finally {
      offsetMs = 0;
    }
    offsetMs = 20_000;
    try {
      expect((await signIn("p-rossi", 2)).response.headers.location).toBe("/");
    } finally {
      offsetMs = 0;
    }
  });

  it("logs out at the provider too (RP-initiated logout with the ID token as hint)", async () => {
    const { response } = await signIn("p-rossi", 2);
    const cookie = response.cookies.find((c) => c.name === "sirmi_session")?.value;
    expect(cookie).toBeTruthy();
    const csrf = json<{ csrfToken: string }>(
      await t.app.inject({
        method: "GET",
        url: "/api/v1/session",
        headers: { cookie: `sirmi_session=${cookie}` },
      }),
    ).csrfToken;
    const out = await t.app.inject({
      method: "POST",
      url: "/api/v1/session/provider-logout",
      headers: { cookie: `sirmi_session=${cookie}`, "x-csrf-token": csrf },
    });
    const logoutUrl = new URL(json<{ logoutUrl: string }>(out).logoutUrl);
    expect(logoutUrl.origin).toBe(provider.issuer);
    expect(logoutUrl.searchParams.get("id_token_hint")).toBeTruthy();
    expect(logoutUrl.searchParams.get("post_logout_redirect_uri")).toBe(
      "http://localhost:3000/accesso?uscita=provider",
    );
    expect((await fetch(logoutUrl)).status).toBe(200);
    const after = await t.app.inject({
      method: "GET",
      url: "/api/v1/session",
      headers: { cookie: `sirmi_session=${cookie}` },
    });
    expect(after.statusCode).toBe(401);
  });

  it("answers any callback, however malformed, with a refusal page and a log entry, never a server error", async () => {
    const text = fc.oneof(fc.string({ maxLength: 60 }), fc.constantFrom("", "%00", "null", "[]", "..", "é€"));
    const value = fc.oneof(text, fc.array(text, { minLength: 2, maxLength: 3 }));
    const field = fc.option(value, { nil: undefined });
    const count = async () =>
      (
        await t.db
          .select({ n: sql<number>`count(*)::int` })
          .from(auditEntry)
          .where(eq(auditEntry.action, "session.login"))
      )[0].n;
    await fc.assert(
      fc.asyncProperty(
        fc.record({ code: field, state: field, iss: field, error: field, extra: field }),
        fc.constantFrom("none", "random", "real"),
        async (query, binding) => {
          const pending = binding === "real" ? await begin() : undefined;
          const search = new URLSearchParams();
          for (const [key, entry] of Object.entries(query)) {
            if (entry === undefined) continue;
            for (const item of Array.isArray(entry) ? entry : [entry]) search.append(key, item);
          }
          if (pending && query.state === undefined)
            search.set("state", new URL(pending.location).searchParams.get("state") as string);
          const before = await count();
          const cookie = pending?.binding ?? (binding === "random" ? "casuale" : undefined);
          const response = await answer(`?${search}`, cookie);
          expect(response.statusCode).toBe(303);
          const reason = new URL(String(response.headers.location), "http://x").searchParams.get("motivo");
          expect(signInRefusalCodes).toContain(reason);
          expect(await count()).toBe(before + 1);
        },
      ),
      { seed: 16_2026, numRuns: 40 },
    );
  });
});
