import { and, eq, gt, sql } from "drizzle-orm";
import type { Executor } from "../../db/database.ts";
import { appUser, membership, organisation, session } from "../../db/schema/index.ts";
import type { OrganisationKind, Role } from "../../domain/access/roles.ts";
import type { Actor } from "./actor.ts";

/** A membership as the actor of a request sees it: the role, its organisation and structure. */
export const membershipColumns = {
  membershipId: membership.id,
  role: membership.role,
  structureId: membership.structureId,
  organisationId: organisation.id,
  organisationCode: organisation.code,
  organisationName: organisation.name,
  organisationKind: organisation.kind,
};

export async function findActorOfMembership(
  db: Executor,
  user: { userId: string; username: string; displayName: string },
  membershipId: string,
): Promise<Actor | undefined> {
  const [row] = await db
    .select(membershipColumns)
    .from(membership)
    .innerJoin(organisation, eq(organisation.id, membership.organisationId))
    .where(and(eq(membership.id, membershipId), eq(membership.userId, user.userId)))
    .limit(1);
  if (!row) return undefined;
  return {
    ...user,
    membershipId: row.membershipId,
    organisationId: row.organisationId,
    organisationCode: row.organisationCode,
    organisationName: row.organisationName,
    organisationKind: row.organisationKind as OrganisationKind,
    role: row.role as Role,
    structureId: row.structureId,
  };
}

/** The session of a cookie, neither expired nor idle too long, with its user. */
export async function findLiveSession(db: Executor, tokenHash: string, now: Date, idleSince: Date) {
  const [row] = await db
    .select({
      sessionId: session.id,
      tokenHash: session.tokenHash,
      csrfToken: session.csrfToken,
      membershipId: session.membershipId,
      authMethod: session.authMethod,
      authenticationLevel: session.authenticationLevel,
      pendingStep: session.pendingStep,
      lastSeenAt: session.lastSeenAt,
      idTokenSealed: session.idTokenSealed,
      idTokenKeyId: session.idTokenKeyId,
      userId: appUser.id,
      username: appUser.username,
      displayName: appUser.displayName,
      isActive: appUser.isActive,
      hasSecondFactor: sql<boolean>`${appUser.totpSecretSealed} is not null`,
    })
    .from(session)
    .innerJoin(appUser, eq(appUser.id, session.userId))
    .where(
      and(eq(session.tokenHash, tokenHash), gt(session.expiresAt, now), gt(session.lastSeenAt, idleSince)),
    )
    .limit(1);
  return row;
}

export async function touchSession(db: Executor, tokenHash: string, now: Date) {
  await db.update(session).set({ lastSeenAt: now }).where(eq(session.tokenHash, tokenHash));
}
