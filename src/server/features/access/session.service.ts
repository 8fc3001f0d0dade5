import { randomBytes } from "node:crypto";
import type { Database, Executor } from "../../../db/database.ts";
import { mayActWithLevel } from "../../../domain/access/authentication-levels.ts";
import { seesIdentities } from "../../../domain/access/identity-roles.ts";
import { isLocked, lockedUntilAfterFailure } from "../../../domain/access/lockout.ts";
import { type LoginStep, nextLoginStep } from "../../../domain/access/login-steps.ts";
import type { Role } from "../../../domain/access/roles.ts";
import { AppError } from "../../../domain/errors/app-error.ts";
import type { Actor } from "../../core/actor.ts";
import { appendAuditEntry } from "../../core/audit.queries.ts";
import {
  findSessionState,
  hashToken,
  idleSinceOf,
  type SessionContext,
  type SessionState,
} from "../../core/session-state.ts";
import { sealField } from "../../core/vault-crypto.ts";
import { findActorOfMembership, findUserByUsername, listMembershipsOfUser } from "./access.queries.ts";
import { incrementFailedLogins, updateAccount } from "./account.queries.ts";
import { typedUsernameDigest } from "./account-digests.ts";
import { verifyPassword } from "./passwords.ts";
import {
  deleteExpiredSessions,
  deleteSession,
  deleteSessionsById,
  insertSession,
  listLiveSessionsOfUser,
  updateSession,
} from "./session.queries.ts";

/** A login that still owes a step (code, new password, enrolment) lasts ten minutes at most. */
const pendingLifetimeMs = 10 * 60_000;

export const failedLoginMessage =
  "Nome utente o password non corretti, oppure accesso sospeso per qualche minuto dopo troppi tentativi.";

export { findSessionState, hashToken, idleSinceOf, type SessionContext, type SessionState };

export const fullExpiryOf = (ctx: SessionContext, now: Date) =>
  new Date(now.getTime() + ctx.config.sessionHours * 3_600_000);

/** The one role to act in when there is exactly one the session's level allows. */
export function onlyUsableMembership(
  ctx: SessionContext,
  memberships: { membershipId: string; role: string }[],
  level: number,
): string | null {
  const usable = memberships.filter((m) =>
    mayActWithLevel(m.role as Role, level, ctx.config.identityRolesMinLevel),
  );
  return usable.length === 1 ? usable[0].membershipId : null;
}

/**
 * Creates a session in the caller's transaction. Beyond the configured number of sessions per
 * user the least recently used ones are closed, and the log says how many.
 */
export async function openSession(
  tx: Executor,
  ctx: SessionContext,
  input: {
    userId: string;
    username: string;
    method: "password" | "oidc";
    level: number;
    pendingStep: LoginStep | null;
    membershipId: string | null;
    idToken?: string;
    userAgent?: string;
  },
) {
  const now = ctx.clock.now();
  await deleteExpiredSessions(tx, now, idleSinceOf(ctx, now));
  const closedSessions = input.pendingStep
    ? 0
    : await enforceSessionLimit(tx, ctx, { userId: input.userId, username: input.username }, null);
  const token = randomBytes(32).toString("base64url");
  const tokenHash = hashToken(token);
  const sealedIdToken = input.idToken
    ? sealField(ctx.keyring, `session|${tokenHash}|id-token`, input.idToken)
    : null;
  await insertSession(tx, {
    tokenHash,
    userId: input.userId,
    membershipId: input.pendingStep ? null : input.membershipId,
    csrfToken: randomBytes(24).toString("base64url"),
    createdAt: now,
    lastSeenAt: now,
    expiresAt: input.pendingStep ? new Date(now.getTime() + pendingLifetimeMs) : fullExpiryOf(ctx, now),
    authMethod: input.method,
    authenticationLevel: input.level,
    pendingStep: input.pendingStep,
    idTokenSealed: sealedIdToken,
    idTokenKeyId: sealedIdToken ? ctx.keyring.activeKeyId : null,
    userAgent: input.userAgent?.slice(0, 200) ?? null,
  });
  return { token, closedSessions };
}

/**
 * Keeps at most the configured number of usable sessions per user, the current one included:
 * the least recently used others are closed, with an entry in the log. Sessions still owing a
 * login step do not count (a password alone must not be enough to push the owner out).
 */
export async function enforceSessionLimit(
  tx: Executor,
  ctx: SessionContext,
  user: { userId: string; username: string },
  currentTokenHash: string | null,
) {
  const now = ctx.clock.now();
  const live = await listLiveSessionsOfUser(tx, user.userId, now, idleSinceOf(ctx, now));
  const others = live.filter((row) => row.tokenHash !== currentTokenHash && row.pendingStep === null);
  const excess = others.slice(Math.max(ctx.config.maxSessionsPerUser - 1, 0));
  if (excess.length === 0) return 0;
  await deleteSessionsById(
    tx,
    user.userId,
    excess.map((row) => row.id),
  );
  await appendAuditEntry(
    tx,
    { anonymous: true, username: user.username },
    {
      action: "session.evict",
      resourceType: "user",
      resourceId: user.userId,
      outcome: "success",
      details: { closedSessions: excess.length, limit: ctx.config.maxSessionsPerUser },
    },
  );
  return excess.length;
}

export async function logIn(
  ctx: SessionContext,
  input: { username: string; password: string },
  userAgent?: string,
) {
  const { db } = ctx;
  if (!ctx.config.localLogin)
    throw new AppError(
      "forbidden",
      "L'accesso con nome utente e password non è attivo: accedere con SPID o CIE.",
    );
  const now = ctx.clock.now();
  const user = await findUserByUsername(db, input.username);
  const locked = user ? isLocked(user.lockedUntil, now) : false;
  const usableHash = user?.isActive && user.passwordHash ? user.passwordHash : undefined;
  const ok = await verifyPassword(usableHash, input.password);
  if (!user || !ok || locked) {
    await db.transaction(async (tx) => {
      let details: Record<string, unknown> = { method: "password", reason: "invalid-credentials" };
      if (user && locked) details = { method: "password", reason: "locked" };
      else if (user && usableHash) details = { ...details, ...(await recordFailure(tx, user.id, now)) };
      // Never the typed text (access.md, no oracles): the account's id, or a keyed digest.
      if (!user)
        details = { ...details, typedUsernameDigest: typedUsernameDigest(ctx.keyring, input.username) };
      await appendAuditEntry(
        tx,
        { anonymous: true },
        {
          action: "session.login",
          resourceType: "session",
          resourceId: user?.id ?? null,
          outcome: "denied",
          details,
        },
      );
    });
    throw new AppError("invalid-credentials", failedLoginMessage);
  }
  const memberships = await listMembershipsOfUser(db, user.id);
  const pendingStep = nextLoginStep({
    hasSecondFactor: user.totpSecretSealed !== null,
    secondFactorGiven: false,
    mustChangePassword: user.mustChangePassword,
    holdsIdentityRole: memberships.some((m) => seesIdentities(m.role as Role)),
  });
  return db.transaction(async (tx) => {
    if (user.failedLoginCount > 0 || user.lockedUntil)
      await updateAccount(tx, user.id, { failedLoginCount: 0, lockedUntil: null });
    const opened = await openSession(tx, ctx, {
      userId: user.id,
      username: user.username,
      method: "password",
      level: 1,
      pendingStep,
      membershipId: onlyUsableMembership(ctx, memberships, 1),
      userAgent,
    });
    await appendAuditEntry(
      tx,
      { anonymous: true, username: user.username },
      {
        action: "session.login",
        resourceType: "session",
        resourceId: user.id,
        outcome: "success",
        details: { method: "password", pendingStep },
      },
    );
    return opened;
  });
}

/** Counts a failed password or code and locks the account with backoff; details for the log. */
export async function recordFailure(tx: Executor, userId: string, now: Date) {
  const count = await incrementFailedLogins(tx, userId);
  const lockedUntil = lockedUntilAfterFailure(count, now);
  if (lockedUntil) await updateAccount(tx, userId, { lockedUntil });
  return { failedAttempts: count, ...(lockedUntil ? { lockedUntil: lockedUntil.toISOString() } : {}) };
}

/** The roles a user may act in: read by the session endpoints only, not on every request. */
export function listSessionMemberships(db: Database, state: SessionState) {
  return listMembershipsOfUser(db, state.user.id);
}

export async function chooseMembership(
  ctx: SessionContext,
  state: SessionState,
  token: string,
  membershipId: string,
): Promise<Actor> {
  const { db } = ctx;
  const user = { userId: state.user.id, username: state.user.username, displayName: state.user.displayName };
  const actor = await findActorOfMembership(db, user, membershipId);
  if (!actor) throw new AppError("not-found", "Il ruolo indicato non è tra quelli dell'utente.");
  if (!mayActWithLevel(actor.role, state.authenticationLevel, ctx.config.identityRolesMinLevel)) {
    await db.transaction((tx) =>
      appendAuditEntry(tx, actor, {
        action: "session.choose-role",
        resourceType: "session",
        outcome: "denied",
        details: {
          reason: "authentication-level-insufficient",
          level: state.authenticationLevel,
          required: ctx.config.identityRolesMinLevel,
        },
      }),
    );
    throw new AppError("authentication-level-insufficient");
  }
  await db.transaction(async (tx) => {
    await updateSession(tx, hashToken(token), { membershipId });
    await appendAuditEntry(tx, actor, {
      action: "session.choose-role",
      resourceType: "session",
      outcome: "success",
    });
  });
  return actor;
}

export async function logOut(ctx: SessionContext, token: string) {
  await deleteSession(ctx.db, hashToken(token));
}
