import { sql } from "drizzle-orm";
import type { Database } from "../../../db/database.ts";

/** The cheapest statement the database must answer. */
export async function pingDatabase(db: Database) {
  await db.execute(sql`select 1`);
}
