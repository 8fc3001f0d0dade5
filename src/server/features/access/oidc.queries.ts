import { eq, lte } from "drizzle-orm";
import type { Executor } from "../../../db/database.ts";
import { oidcLoginRequest } from "../../../db/schema/index.ts";

export async function insertLoginRequest(db: Executor, values: typeof oidcLoginRequest.$inferInsert) {
  await db.insert(oidcLoginRequest).values(values);
}

export async function deleteExpiredLoginRequests(db: Executor, now: Date) {
  await db.delete(oidcLoginRequest).where(lte(oidcLoginRequest.expiresAt, now));
}

/** Takes the request out, so that the same answer can never be used twice (even concurrently). */
export async function takeLoginRequest(db: Executor, stateDigest: string) {
  const [row] = await db
    .delete(oidcLoginRequest)
    .where(eq(oidcLoginRequest.stateDigest, stateDigest))
    .returning();
  return row;
}
