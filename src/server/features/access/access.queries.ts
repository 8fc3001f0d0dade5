import { asc, eq } from "drizzle-orm";
import type { Executor } from "../../../db/database.ts";
import { appUser, membership, organisation } from "../../../db/schema/index.ts";
import { findActorOfMembership, membershipColumns } from "../../core/session.queries.ts";

export { findActorOfMembership };

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
