import { AppError } from "../../../domain/errors/app-error.ts";
import type { AuditSubject } from "../../core/actor.ts";
import { appendAuditEntry } from "../../core/audit.queries.ts";
import { deleteSessionsById, deleteSessionsOfUser, listLiveSessionsOfUser } from "./session.queries.ts";
import { idleSinceOf, type SessionContext, type SessionState } from "./session.service.ts";

/** A session as its owner or an administrator sees it: never the token, nor its digest. */
export async function listSessions(ctx: SessionContext, userId: string, currentSessionId?: string) {
  const now = ctx.clock.now();
  const rows = await listLiveSessionsOfUser(ctx.db, userId, now, idleSinceOf(ctx, now));
  return rows.map((row) => ({
    id: row.id,
    createdAt: row.createdAt.toISOString(),
    lastSeenAt: row.lastSeenAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    authMethod: row.authMethod as "password" | "oidc",
    authenticationLevel: row.authenticationLevel,
    userAgent: row.userAgent,
    current: row.id === currentSessionId,
  }));
}

/** Closes one of one's own sessions (another device, or this one). */
export async function revokeOwnSession(ctx: SessionContext, state: SessionState, sessionId: string) {
  await ctx.db.transaction(async (tx) => {
    const closed = await deleteSessionsById(tx, state.user.id, [sessionId]);
    if (closed === 0) throw new AppError("not-found", "La sessione indicata non esiste o è già chiusa.");
    await appendAuditEntry(tx, state.actor ?? { anonymous: true, username: state.user.username }, {
      action: "session.revoke",
      resourceType: "session",
      resourceId: sessionId,
      outcome: "success",
      details: { own: true },
    });
  });
}

/** Closes every session of a user; the caller has checked that the subject may. */
export async function revokeSessionsOfUser(ctx: SessionContext, subject: AuditSubject, userId: string) {
  return ctx.db.transaction(async (tx) => {
    const closed = await deleteSessionsOfUser(tx, userId);
    await appendAuditEntry(tx, subject, {
      action: "session.revoke",
      resourceType: "user",
      resourceId: userId,
      outcome: "success",
      details: { closedSessions: closed },
    });
    return closed;
  });
}
