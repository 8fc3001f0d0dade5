import { asc, eq, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../../db/database.ts";
import { appUser, membership, organisation, session } from "../../../db/schema/index.ts";
import { membershipColumns } from "../../core/session.queries.ts";

export async function findUserByUsername(db: Executor, username: string) {
  const [user] = await db.select().from(appUser).where(eq(appUser.username, username)).limit(1);
  return user;
}

export async function listMembershipsOfUser(db: Executor, userId: string) {
  return db
    .select(membershipColumns)
    .from(membership)
    .innerJoin(organisation, eq(organisation.id, membership.organisationId))
    .where(eq(membership.userId, userId))
    .orderBy(asc(organisation.name), asc(membership.role));
}

export async function insertSession(
  db: Executor,
  values: {
    tokenHash: string;
    userId: string;
    membershipId: string | null;
    csrfToken: string;
    expiresAt: Date | SQL;
  },
) {
  await db.insert(session).values(values);
}

export async function deleteSession(db: Executor, tokenHash: string) {
  await db.delete(session).where(eq(session.tokenHash, tokenHash));
}

export async function setSessionMembership(db: Executor, tokenHash: string, membershipId: string) {
  await db.update(session).set({ membershipId }).where(eq(session.tokenHash, tokenHash));
}

export async function deleteExpiredSessions(db: Executor) {
  await db.delete(session).where(sql`${session.expiresAt} <= now()`);
}

export async function findOrganisationByCode(db: Executor, code: string) {
  const [row] = await db.select().from(organisation).where(eq(organisation.code, code)).limit(1);
  return row;
}

export async function findOrganisationByFiscalCode(db: Executor, fiscalCode: string) {
  const [row] = await db.select().from(organisation).where(eq(organisation.fiscalCode, fiscalCode)).limit(1);
  return row;
}

export async function insertOrganisation(db: Executor, values: typeof organisation.$inferInsert) {
  const [row] = await db.insert(organisation).values(values).returning();
  return row;
}

export async function listOrganisations(db: Executor) {
  return db.select().from(organisation).orderBy(asc(organisation.kind), asc(organisation.name));
}

export async function insertUser(db: Executor, values: typeof appUser.$inferInsert) {
  const [row] = await db
    .insert(appUser)
    .values(values)
    .onConflictDoNothing({ target: appUser.username })
    .returning({ id: appUser.id, username: appUser.username });
  return row;
}

/** False when the user already held that role there. */
export async function insertMembership(
  db: Executor,
  values: typeof membership.$inferInsert,
): Promise<boolean> {
  const rows = await db
    .insert(membership)
    .values(values)
    .onConflictDoNothing()
    .returning({ id: membership.id });
  return rows.length > 0;
}

export async function listUsersWithMemberships(db: Executor) {
  return db
    .select({
      userId: appUser.id,
      username: appUser.username,
      displayName: appUser.displayName,
      isActive: appUser.isActive,
      role: membership.role,
      organisationCode: organisation.code,
      organisationName: organisation.name,
    })
    .from(appUser)
    .leftJoin(membership, eq(membership.userId, appUser.id))
    .leftJoin(organisation, eq(organisation.id, membership.organisationId))
    .orderBy(asc(appUser.username));
}
