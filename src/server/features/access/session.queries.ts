import { and, asc, desc, eq, gt, inArray, lte, or } from "drizzle-orm";
import type { Executor } from "../../../db/database.ts";
import { session } from "../../../db/schema/index.ts";

export type NewSession = typeof session.$inferInsert;

export async function insertSession(db: Executor, values: NewSession) {
  await db.insert(session).values(values);
}

export async function deleteSession(db: Executor, tokenHash: string) {
  await db.delete(session).where(eq(session.tokenHash, tokenHash));
}

export async function updateSession(
  db: Executor,
  tokenHash: string,
  values: Partial<Pick<NewSession, "membershipId" | "pendingStep" | "authenticationLevel" | "expiresAt">>,
) {
  await db.update(session).set(values).where(eq(session.tokenHash, tokenHash));
}

export async function deleteExpiredSessions(db: Executor, now: Date, idleSince: Date) {
  await db.delete(session).where(or(lte(session.expiresAt, now), lte(session.lastSeenAt, idleSince)));
}

/** A user's sessions still alive, most recently used first. */
export async function listLiveSessionsOfUser(db: Executor, userId: string, now: Date, idleSince: Date) {
  return db
    .select({
      id: session.id,
      tokenHash: session.tokenHash,
      createdAt: session.createdAt,
      lastSeenAt: session.lastSeenAt,
      expiresAt: session.expiresAt,
      authMethod: session.authMethod,
      authenticationLevel: session.authenticationLevel,
      userAgent: session.userAgent,
      pendingStep: session.pendingStep,
    })
    .from(session)
    .where(and(eq(session.userId, userId), gt(session.expiresAt, now), gt(session.lastSeenAt, idleSince)))
    .orderBy(desc(session.lastSeenAt), asc(session.createdAt));
}

export async function deleteSessionsById(db: Executor, userId: string, ids: string[]) {
  if (ids.length === 0) return 0;
  const rows = await db
    .delete(session)
    .where(and(eq(session.userId, userId), inArray(session.id, ids)))
    .returning({ id: session.id });
  return rows.length;
}

export async function deleteSessionsOfUser(db: Executor, userId: string) {
  const rows = await db.delete(session).where(eq(session.userId, userId)).returning({ id: session.id });
  return rows.length;
}

export async function clearSessionsMembership(db: Executor, membershipId: string) {
  await db.update(session).set({ membershipId: null }).where(eq(session.membershipId, membershipId));
}
