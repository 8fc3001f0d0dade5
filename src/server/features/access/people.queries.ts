import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "../../../db/database.ts";
import { appUser, membership, organisation } from "../../../db/schema/index.ts";
import type { HeldMembership } from "../../../domain/access/grants.ts";
import type { OrganisationKind, Role } from "../../../domain/access/roles.ts";
import { membershipColumns as actorMembershipColumns } from "../../core/session.queries.ts";

export type PersonMembership = HeldMembership & {
  membershipId: string;
  organisationCode: string;
  organisationName: string;
};

const membershipColumns = { userId: membership.userId, ...actorMembershipColumns };

function asHeld(row: {
  membershipId: string;
  role: string;
  structureId: string | null;
  organisationId: string;
  organisationCode: string;
  organisationName: string;
  organisationKind: string;
}): PersonMembership {
  return {
    membershipId: row.membershipId,
    role: row.role as Role,
    structureId: row.structureId,
    organisationId: row.organisationId,
    organisationCode: row.organisationCode,
    organisationName: row.organisationName,
    organisationKind: row.organisationKind as OrganisationKind,
  };
}

/** Every membership of the given users (all of them when userIds is undefined). */
export async function listMembershipsOfUsers(db: Executor, userIds?: string[]) {
  if (userIds && userIds.length === 0) return new Map<string, PersonMembership[]>();
  const rows = await db
    .select(membershipColumns)
    .from(membership)
    .innerJoin(organisation, eq(organisation.id, membership.organisationId))
    .where(userIds ? inArray(membership.userId, userIds) : undefined)
    .orderBy(asc(organisation.name), asc(membership.role));
  const byUser = new Map<string, PersonMembership[]>();
  for (const row of rows) byUser.set(row.userId, [...(byUser.get(row.userId) ?? []), asHeld(row)]);
  return byUser;
}

const accountColumns = {
  id: appUser.id,
  username: appUser.username,
  displayName: appUser.displayName,
  isActive: appUser.isActive,
  hasPassword: sql<boolean>`${appUser.passwordHash} is not null`,
  signsInWithProvider: sql<boolean>`${appUser.fiscalCodeDigest} is not null`,
  hasSecondFactor: sql<boolean>`${appUser.totpSecretSealed} is not null`,
  mustChangePassword: appUser.mustChangePassword,
  lockedUntil: appUser.lockedUntil,
};

/** Accounts with a membership in the organisation (and structure), or all accounts. */
export async function listAccounts(
  db: Executor,
  within?: { organisationId: string; structureId: string | null },
) {
  const condition = within
    ? sql`exists (select 1 from ${membership} where ${membership.userId} = ${appUser.id}
        and ${membership.organisationId} = ${within.organisationId}
        ${within.structureId ? sql`and ${membership.structureId} = ${within.structureId}` : sql``})`
    : undefined;
  return db.select(accountColumns).from(appUser).where(condition).orderBy(asc(appUser.username));
}

export async function findAccount(db: Executor, userId: string) {
  const [row] = await db.select(accountColumns).from(appUser).where(eq(appUser.id, userId)).limit(1);
  return row;
}

export async function findMembership(db: Executor, userId: string, membershipId: string) {
  const [row] = await db
    .select(membershipColumns)
    .from(membership)
    .innerJoin(organisation, eq(organisation.id, membership.organisationId))
    .where(and(eq(membership.id, membershipId), eq(membership.userId, userId)))
    .limit(1);
  return row ? asHeld(row) : undefined;
}

export async function deleteMembership(db: Executor, membershipId: string) {
  await db.delete(membership).where(eq(membership.id, membershipId));
}
