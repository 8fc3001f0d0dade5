import { type DatabaseHandle, openDatabase } from "../db/open-database.ts";
import type { Config } from "../server/config.ts";

/** PostgreSQL when DATABASE_URL is set, otherwise the embedded PGlite in the data folder. */
export function openConfiguredDatabase(
  config: Config,
  purpose: "app" | "migrate" = "app",
): Promise<DatabaseHandle> {
  const url = purpose === "migrate" ? config.migrationDatabaseUrl : config.databaseUrl;
  if (url) return openDatabase({ kind: "postgres", url });
  return openDatabase({ kind: "pglite", dataDir: config.dataDir });
}

export async function withDatabase<T>(
  config: Config,
  work: (handle: DatabaseHandle) => Promise<T>,
  purpose: "app" | "migrate" = "app",
) {
  const handle = await openConfiguredDatabase(config, purpose);
  try {
    return await work(handle);
  } finally {
    await handle.close();
  }
}
