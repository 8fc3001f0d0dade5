/**
 * The baseline's writes: plain multi-row `INSERT … VALUES ($1, …), (…)` statements sent straight
 * to the driver, one transaction per request. The text and parameters are built here in a single
 * pass, as any hand-written bulk loader does, so that the figure is the database's cost of the
 * rows and not the cost of a query builder walking half a million parameters.
 */

import type { PGlite } from "@electric-sql/pglite";
import { getTableColumns, getTableName } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type pg from "pg";
import type { DatabaseHandle } from "../../src/db/open-database.ts";

type Row = Record<string, unknown>;
type Query = (text: string, params: unknown[]) => Promise<unknown>;

/** The statement for some rows of a table, with the driver values of its columns (jsonb as text). */
export function insertStatement(table: PgTable, rows: Row[]): { text: string; params: unknown[] } {
  const columns = Object.entries(getTableColumns(table)).filter(([key]) => key in rows[0]);
  const params: unknown[] = [];
  const tuples: string[] = [];
  for (const row of rows) {
    const placeholders: string[] = [];
    for (const [key, column] of columns) {
      const value = row[key];
      params.push(value === null || value === undefined ? null : column.mapToDriverValue(value));
      placeholders.push(`$${params.length}`);
    }
    tuples.push(`(${placeholders.join(", ")})`);
  }
  const names = columns.map(([, column]) => `"${column.name}"`).join(", ");
  return { text: `insert into "${getTableName(table)}" (${names}) values ${tuples.join(", ")}`, params };
}

/** Runs `work` in one transaction on the handle's own driver connection. */
export async function inDriverTransaction(handle: DatabaseHandle, work: (query: Query) => Promise<void>) {
  const client = (handle.db as unknown as { $client: pg.Pool | PGlite }).$client;
  if (handle.kind === "pglite") {
    await (client as PGlite).transaction(async (tx) => work((text, params) => tx.query(text, params)));
    return;
  }
  const connection = await (client as pg.Pool).connect();
  try {
    await connection.query("begin");
    await work((text, params) => connection.query(text, params));
    await connection.query("commit");
  } catch (error) {
    await connection.query("rollback");
    throw error;
  } finally {
    connection.release();
  }
}
