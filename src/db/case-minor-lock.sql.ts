import { sql } from "drizzle-orm";
import type { Executor } from "./database.ts";

/**
 * Serialises, per minor, whatever can put two open cases of one service on the same minor: the
 * opening of a case and a merge of two minors (which moves the cases of one onto the other).
 * Transaction-scoped advisory locks, taken in sorted order so that two writers never deadlock.
 */
export async function lockMinorsForCases(db: Executor, minorIds: string[]) {
  for (const id of [...new Set(minorIds)].sort()) {
    await db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`case-minor:${id}`}, 0))`);
  }
}
