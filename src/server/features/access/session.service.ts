import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Database } from "../../../db/database.ts";
import { AppError } from "../../../domain/errors/app-error.ts";
import type { Actor } from "../../core/actor.ts";
import { appendAuditEntry } from "../../core/audit.queries.ts";
import { findActorOfMembership, findLiveSession } from "../../core/session.queries.ts";
import { hashToken, type SessionState } from "../../core/session-state.ts";
import {
  deleteExpiredSessions,
  deleteSession,
  findUserByUsername,
  insertSession,
  listMembershipsOfUser,
  setSessionMembership,
} from "./access.queries.ts";
import { verifyPassword } from "./passwords.ts";

export async function logIn(
  db: Database,
  input: { username: string; password: string },
  sessionHours: number,
) {
  const user = await findUserByUsername(db, input.username);
  const ok = await verifyPassword(user?.isActive ? user.passwordHash : undefined, input.password);
  if (!user || !ok) {
    await db.transaction((tx) =>
      appendAuditEntry(
        tx,
        { anonymous: true, username: input.username.slice(0, 64) },
        { action: "session.login", resourceType: "session", outcome: "denied" },
      ),
    );
    throw new AppError("invalid-credentials");
  }
  const memberships = await listMembershipsOfUser(db, user.id);
  const token = randomBytes(32).toString("base64url");
  const csrfToken = randomBytes(24).toString("base64url");
  const membershipId = memberships.length === 1 ? memberships[0].membershipId : null;
  await db.transaction(async (tx) => {
    await deleteExpiredSessions(tx);
    await insertSession(tx, {
      tokenHash: hashToken(token),
      userId: user.id,
      membershipId,
      csrfToken,
      expiresAt: sql`now() + make_interval(secs => ${sessionHours * 3600})`,
    });
    await appendAuditEntry(
      tx,
      { anonymous: true, username: user.username },
      { action: "session.login", resourceType: "session", resourceId: user.id, outcome: "success" },
    );
  });
  return { token, csrfToken };
}

/** The roles a user may act in: read by the session endpoints only, not on every request. */
export function listSessionMemberships(db: Database, state: SessionState) {
  return listMembershipsOfUser(db, state.user.id);
}

export async function chooseMembership(db: Database, token: string, membershipId: string): Promise<Actor> {
  const live = await findLiveSession(db, hashToken(token));
  if (!live) throw new AppError("not-authenticated");
  const user = { userId: live.userId, username: live.username, displayName: live.displayName };
  const actor = await findActorOfMembership(db, user, membershipId);
  if (!actor) throw new AppError("not-found", "Il ruolo indicato non è tra quelli dell'utente.");
  await db.transaction(async (tx) => {
    await setSessionMembership(tx, hashToken(token), membershipId);
    await appendAuditEntry(tx, actor, {
      action: "session.choose-role",
      resourceType: "session",
      outcome: "success",
    });
  });
  return actor;
}

export async function logOut(db: Database, token: string) {
  await deleteSession(db, hashToken(token));
}
