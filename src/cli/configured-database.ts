import { type DatabaseHandle, openDatabase } from "../db/open-database.ts";
import type { Config } from "../server/config.ts";
import { bindAuditKeys } from "../server/core/audit-chain.ts";
import { loadKeyring } from "../server/core/vault-keys.ts";

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
  // What a command records in the access log is sealed with the log's key, read when first needed.
  bindAuditKeys(handle.db, () => loadConfiguredKeyring(config));
  try {
    return await work(handle);
  } finally {
    await handle.close();
  }
}

/** The keys of the configuration (SIRMI_VAULT_KEYS or the key file); a command never creates them. */
export function loadConfiguredKeyring(config: Config) {
  return loadKeyring(
    { keysFile: config.keysFile, vaultKeysJson: config.vaultKeysJson, mayCreate: false },
    (message) => process.stderr.write(`${message}\n`),
  );
}
