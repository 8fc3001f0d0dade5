import { sql } from "drizzle-orm";
import { type Database, queryRows } from "../db/database.ts";

/** A database is new when the migrations have never created the organisation table. */
export async function isDatabaseEmpty(db: Database): Promise<boolean> {
  const rows = await queryRows<{ exists: boolean }>(
    db,
    sql`select to_regclass('public.organisation') is not null as "exists"`,
  );
  if (!rows[0]?.exists) return true;
  const [{ count }] = await queryRows<{ count: number }>(
    db,
    sql`select count(*)::int as count from organisation`,
  );
  return count === 0;
}

export async function isVaultEmpty(db: Database): Promise<boolean> {
  const [{ count }] = await queryRows<{ count: number }>(
    db,
    sql`select count(*)::int as count from identity_vault`,
  );
  return count === 0;
}
