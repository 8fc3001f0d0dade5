/** A fresh, migrated database with the reference data: in-memory PGlite, or a new PostgreSQL database. */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { type DatabaseHandle, openDatabase } from "../../src/db/open-database.ts";
import { loadReferenceData } from "../../src/db/seed/reference-data.ts";
import { adminUrlOf, withDatabaseName } from "../../test/support/postgres-urls.ts";

export async function freshDatabase(databaseUrl: string | undefined): Promise<DatabaseHandle> {
  if (!databaseUrl) {
    const handle = await openDatabase({ kind: "pglite" });
    await handle.migrate();
    await loadReferenceData(handle.db);
    return handle;
  }
  const name = `sirmi_bench_ingest_${randomBytes(5).toString("hex")}`;
  const adminUrl = adminUrlOf(databaseUrl);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const handle = await openDatabase({ kind: "postgres", url: withDatabaseName(databaseUrl, name) });
  await handle.migrate();
  await loadReferenceData(handle.db);
  return {
    ...handle,
    close: async () => {
      await handle.close();
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}
