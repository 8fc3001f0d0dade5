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

/** The session of a cookie, still valid, with its user and (when chosen) the active membership. */
export async function findLiveSession(db: Executor, tokenHash: string) {
  const [row] = await db
    .select({
      tokenHash: session.tokenHash,
      csrfToken: session.csrfToken,
      membershipId: session.membershipId,
      userId: appUser.id,
      username: appUser.username,
      displayName: appUser.displayName,
      isActive: appUser.isActive,
    })
    .from(session)
    .innerJoin(appUser, eq(appUser.id, session.userId))
    .where(and(eq(session.tokenHash, tokenHash), gt(session.expiresAt, sql`now()`)))
    .limit(1);
  return row;
}

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
