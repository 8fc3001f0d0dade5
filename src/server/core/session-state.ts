import { createHash } from "node:crypto";
import { mayActWithLevel } from "../../domain/access/authentication-levels.ts";
import type { LoginStep } from "../../domain/access/login-steps.ts";
import type { Actor } from "./actor.ts";
import type { AppDependencies } from "./dependencies.ts";
import { findActorOfMembership, findLiveSession, touchSession } from "./session.queries.ts";

/**
 * The session of a request, read once by the HTTP edge before any route: the core reads it, so
 * that the edge never reaches into the access feature (which manages logins and people).
 */
export type SessionContext = Pick<AppDependencies, "db" | "config" | "clock" | "keyring">;

export type SessionState = {
  sessionId: string;
  user: { id: string; username: string; displayName: string };
  csrfToken: string;
  actor: Actor | null;
  authMethod: "password" | "oidc";
  authenticationLevel: number;
  pendingStep: LoginStep | null;
  hasSecondFactor: boolean;
};

/** lastSeenAt is written at most once a minute per session, not on every request. */
const touchEveryMs = 60_000;

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export const idleSinceOf = (ctx: SessionContext, now: Date) =>
  new Date(now.getTime() - ctx.config.sessionIdleMinutes * 60_000);

export async function findSessionState(
  ctx: SessionContext,
  token: string,
): Promise<SessionState | undefined> {
  const { db } = ctx;
  const now = ctx.clock.now();
  const tokenHash = hashToken(token);
  const live = await findLiveSession(db, tokenHash, now, idleSinceOf(ctx, now));
  if (!live?.isActive) return undefined;
  if (now.getTime() - live.lastSeenAt.getTime() >= touchEveryMs) await touchSession(db, tokenHash, now);
  const user = { userId: live.userId, username: live.username, displayName: live.displayName };
  const candidate =
    live.membershipId && !live.pendingStep
      ? await findActorOfMembership(db, user, live.membershipId)
      : undefined;
  const actor =
    candidate && mayActWithLevel(candidate.role, live.authenticationLevel, ctx.config.identityRolesMinLevel)
      ? candidate
      : null;
  return {
    sessionId: live.sessionId,
    user: { id: live.userId, username: live.username, displayName: live.displayName },
    csrfToken: live.csrfToken,
    actor,
    authMethod: live.authMethod as "password" | "oidc",
    authenticationLevel: live.authenticationLevel,
    pendingStep: live.pendingStep as LoginStep | null,
    hasSecondFactor: live.hasSecondFactor,
  };
}
