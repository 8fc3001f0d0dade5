import { and, eq, isNull, sql } from "drizzle-orm";
import type { Executor } from "../../../db/database.ts";
import { appUser, recoveryCode } from "../../../db/schema/index.ts";

export type AccountRow = typeof appUser.$inferSelect;

export async function findUserById(db: Executor, userId: string): Promise<AccountRow | undefined> {
  const [row] = await db.select().from(appUser).where(eq(appUser.id, userId)).limit(1);
  return row;
}

/** Locks the account's row for the rest of the transaction (counters, one-time codes). */
export async function findUserByIdForUpdate(db: Executor, userId: string): Promise<AccountRow | undefined> {
  const [row] = await db.select().from(appUser).where(eq(appUser.id, userId)).limit(1).for("update");
  return row;
}

export async function findUserByFiscalCodeDigest(db: Executor, digest: string) {
  const [row] = await db.select().from(appUser).where(eq(appUser.fiscalCodeDigest, digest)).limit(1);
  return row;
}

export async function updateAccount(
  db: Executor,
  userId: string,
  values: Partial<Omit<typeof appUser.$inferInsert, "id" | "username" | "createdAt">>,
) {
  await db.update(appUser).set(values).where(eq(appUser.id, userId));
}

/** One more failed attempt; returns the new count. */
export async function incrementFailedLogins(db: Executor, userId: string): Promise<number> {
  const [row] = await db
    .update(appUser)
    .set({ failedLoginCount: sql`${appUser.failedLoginCount} + 1` })
    .where(eq(appUser.id, userId))
    .returning({ count: appUser.failedLoginCount });
  return row?.count ?? 0;
}

export async function replaceRecoveryCodes(db: Executor, userId: string, digests: string[]) {
  await db.delete(recoveryCode).where(eq(recoveryCode.userId, userId));
  if (digests.length > 0)
    await db.insert(recoveryCode).values(digests.map((codeDigest) => ({ userId, codeDigest })));
}

/** Marks an unused recovery code used; false when there is none with that digest. */
export async function consumeRecoveryCode(db: Executor, userId: string, digest: string, now: Date) {
  const rows = await db
    .update(recoveryCode)
    .set({ usedAt: now })
    .where(
      and(eq(recoveryCode.userId, userId), eq(recoveryCode.codeDigest, digest), isNull(recoveryCode.usedAt)),
    )
    .returning({ userId: recoveryCode.userId });
  return rows.length > 0;
}

export async function countUnusedRecoveryCodes(db: Executor, userId: string): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(recoveryCode)
    .where(and(eq(recoveryCode.userId, userId), isNull(recoveryCode.usedAt)));
  return row?.count ?? 0;
}
