import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import * as client from "openid-client";
import { mayActWithLevel } from "../../../domain/access/authentication-levels.ts";
import type { Role } from "../../../domain/access/roles.ts";
import type { SignInRefusal } from "../../../domain/access/sign-in-outcomes.ts";
import { appendAuditEntry } from "../../core/audit.queries.ts";
import { openField, sealField } from "../../core/vault-crypto.ts";
import { listMembershipsOfUser } from "./access.queries.ts";
import { findUserByFiscalCodeDigest } from "./account.queries.ts";
import { fiscalCodeDigest } from "./account-digests.ts";
import { deleteExpiredLoginRequests, insertLoginRequest, takeLoginRequest } from "./oidc.queries.ts";
import type { OidcClient } from "./oidc-client.ts";
import { onlyUsableMembership, openSession, type SessionContext } from "./session.service.ts";

const requestLifetimeMs = 10 * 60_000;
const digest = (value: string) => createHash("sha256").update(value).digest("hex");

/** A refusal with what the log keeps of it: never a claim's value. */
export class SignInRefused extends Error {
  constructor(
    readonly reason: SignInRefusal,
    readonly details: Record<string, unknown> = {},
    readonly username?: string,
  ) {
    super(reason);
  }
}

export async function auditRefusal(ctx: SessionContext, refusal: SignInRefused) {
  await ctx.db.transaction((tx) =>
    appendAuditEntry(
      tx,
      { anonymous: true, username: refusal.username },
      {
        action: "session.login",
        resourceType: "session",
        outcome: "denied",
        details: { method: "oidc", reason: refusal.reason, ...refusal.details },
      },
    ),
  );
}

/** The authorization request: state, nonce and PKCE kept in PostgreSQL, bound to this browser. */
export async function startSignIn(ctx: SessionContext, oidc: OidcClient) {
  let configuration: client.Configuration;
  try {
    configuration = await oidc.configuration(ctx.clock);
  } catch (error) {
    throw new SignInRefused("provider-unavailable", { problem: summary(error) });
  }
  const state = client.randomState();
  const nonce = client.randomNonce();
  const verifier = client.randomPKCECodeVerifier();
  const browserBinding = randomBytes(32).toString("base64url");
  const now = ctx.clock.now();
  const stateDigest = digest(state);
  await ctx.db.transaction(async (tx) => {
    await deleteExpiredLoginRequests(tx, now);
    await insertLoginRequest(tx, {
      stateDigest,
      browserDigest: digest(browserBinding),
      nonce,
      codeVerifierSealed: sealField(ctx.keyring, `oidc|${stateDigest}`, verifier),
      keyId: ctx.keyring.activeKeyId,
      createdAt: now,
      expiresAt: new Date(now.getTime() + requestLifetimeMs),
    });
  });
  const parameters: Record<string, string> = {
    redirect_uri: oidc.settings.redirectUrl,
    scope: oidc.settings.scopes,
    state,
    nonce,
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: "S256",
    acr_values: oidc.settings.acrValues,
  };
  return { url: client.buildAuthorizationUrl(configuration, parameters).href, browserBinding };
}

function single(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/** A short, claim-free description of a library error for the log. */
function summary(error: unknown): string {
  if (error instanceof client.ResponseBodyError) return `${error.error}`.slice(0, 80);
  if (error instanceof client.AuthorizationResponseError) return `${error.error}`.slice(0, 80);
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" ? code.slice(0, 80) : "error";
}

function refusalOfGrantError(error: unknown): SignInRefused {
  if (error instanceof client.ResponseBodyError)
    return new SignInRefused("code-invalid", { problem: summary(error) });
  if (error instanceof client.AuthorizationResponseError)
    return new SignInRefused("provider-error", { problem: summary(error) });
  const code = (error as { code?: string }).code ?? "";
  if (code === "OAUTH_INVALID_RESPONSE" && /state/i.test((error as Error).message))
    return new SignInRefused("state-invalid", { problem: code });
  if (error instanceof TypeError || /ECONN|ETIMEDOUT|TIMEOUT|ABORT/i.test(code))
    return new SignInRefused("provider-unavailable", { problem: code || "network" });
  const message = (error as Error).message ?? "";
  const claim = /"(iss|aud|exp|iat|nbf|nonce|azp|sub|alg|auth_time)"/.exec(message)?.[1];
  return new SignInRefused("token-invalid", { problem: code || "error", ...(claim ? { claim } : {}) });
}

/**
 * The provider's answer: the request taken out (once), the browser checked, the code exchanged
 * with PKCE, the ID token validated (issuer, audience, signature and algorithm, lifetime with
 * tolerance, nonce), the fiscal code and the level read from the configured claims, the person
 * matched by the keyed digest of the fiscal code. Refusals throw SignInRefused.
 */
export async function finishSignIn(
  ctx: SessionContext,
  oidc: OidcClient,
  input: {
    query: Record<string, unknown>;
    rawQuery: string;
    browserBinding: string | undefined;
    userAgent?: string;
  },
) {
  const state = single(input.query.state);
  const request = state ? await takeLoginRequest(ctx.db, digest(state)) : undefined;
  const now = ctx.clock.now();
  if (!request || request.expiresAt.getTime() <= now.getTime())
    throw new SignInRefused("state-invalid", { problem: state ? "unknown-or-expired" : "missing" });
  const expected = Buffer.from(request.browserDigest);
  const given = Buffer.from(digest(input.browserBinding ?? ""));
  if (!input.browserBinding || !timingSafeEqual(expected, given))
    throw new SignInRefused("state-invalid", { problem: "other-browser" });
  if (input.query.error !== undefined)
    throw new SignInRefused("provider-error", {
      problem: String(single(input.query.error) ?? "error").slice(0, 80),
    });
  let configuration: client.Configuration;
  try {
    configuration = await oidc.configuration(ctx.clock);
  } catch (error) {
    throw new SignInRefused("provider-unavailable", { problem: summary(error) });
  }
  const verifier = openField(
    ctx.keyring,
    request.keyId,
    `oidc|${request.stateDigest}`,
    request.codeVerifierSealed,
  );
  const currentUrl = new URL(oidc.settings.redirectUrl);
  currentUrl.search = input.rawQuery;
  let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
  try {
    tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
      pkceCodeVerifier: verifier,
      expectedState: state,
      expectedNonce: request.nonce,
      idTokenExpected: true,
    });
  } catch (error) {
    throw refusalOfGrantError(error);
  }
  const claims = tokens.claims();
  if (!claims || !tokens.id_token) throw new SignInRefused("token-invalid", { problem: "no-id-token" });
  const { fiscalCodeClaim, levelClaim, levelValues } = oidc.settings;
  let fiscalCode = single(claims[fiscalCodeClaim]);
  let levelValue = single(claims[levelClaim]);
  if (!fiscalCode || !levelValue) {
    try {
      const info = await client.fetchUserInfo(configuration, tokens.access_token, claims.sub);
      fiscalCode ??= single(info[fiscalCodeClaim]);
      levelValue ??= single(info[levelClaim]);
    } catch (error) {
      throw new SignInRefused("claims-missing", { problem: `userinfo:${summary(error)}` });
    }
  }
  if (!fiscalCode) throw new SignInRefused("claims-missing", { claim: fiscalCodeClaim });
  const level = levelValue ? levelValues.get(levelValue) : undefined;
  if (!level)
    throw new SignInRefused("claims-missing", {
      claim: levelClaim,
      problem: levelValue ? "unknown-value" : "missing",
    });
  const user = await findUserByFiscalCodeDigest(ctx.db, fiscalCodeDigest(ctx.keyring, fiscalCode));
  if (!user?.isActive)
    throw new SignInRefused(
      "user-not-enabled",
      { level, ...(user ? { suspended: true } : {}) },
      user?.username,
    );
  const memberships = await listMembershipsOfUser(ctx.db, user.id);
  const required = ctx.config.identityRolesMinLevel;
  if (memberships.length === 0)
    throw new SignInRefused("user-not-enabled", { level, problem: "no-roles" }, user.username);
  if (!memberships.some((m) => mayActWithLevel(m.role as Role, level, required)))
    throw new SignInRefused("level-insufficient", { level, required }, user.username);
  return ctx.db.transaction(async (tx) => {
    const membershipId = onlyUsableMembership(ctx, memberships, level);
    const opened = await openSession(tx, ctx, {
      userId: user.id,
      username: user.username,
      method: "oidc",
      level,
      pendingStep: null,
      membershipId,
      idToken: tokens.id_token,
      userAgent: input.userAgent,
    });
    await appendAuditEntry(
      tx,
      { anonymous: true, username: user.username },
      {
        action: "session.login",
        resourceType: "session",
        resourceId: user.id,
        outcome: "success",
        details: { method: "oidc", level },
      },
    );
    return { ...opened, hasActiveRole: membershipId !== null };
  });
}

/** The provider's end-session address for an OIDC session (RP-initiated logout), when it has one. */
export async function providerLogoutUrl(
  ctx: SessionContext,
  oidc: OidcClient,
  session: { tokenHash: string; idTokenSealed: string | null; idTokenKeyId: string | null },
) {
  try {
    const configuration = await oidc.configuration(ctx.clock);
    if (!configuration.serverMetadata().end_session_endpoint) return null;
    const parameters: Record<string, string> = {
      post_logout_redirect_uri: oidc.settings.postLogoutRedirectUrl,
      client_id: oidc.settings.clientId,
    };
    if (session.idTokenSealed && session.idTokenKeyId)
      parameters.id_token_hint = openField(
        ctx.keyring,
        session.idTokenKeyId,
        `session|${session.tokenHash}|id-token`,
        session.idTokenSealed,
      );
    return client.buildEndSessionUrl(configuration, parameters).href;
  } catch {
    return null;
  }
}
