import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { inject } from "vitest";
import { type DatabaseHandle, openDatabase } from "../../src/db/open-database.ts";
import { readTestSettings } from "../../src/server/config.ts";
import { bindAuditKeys } from "../../src/server/core/audit-chain.ts";
import { generateKeyringFile, keyringOf } from "../../src/server/core/vault-keys.ts";
import { adminUrlOf, withDatabaseName } from "./postgres-urls.ts";

/**
 * A private database for one test file, cloned from the run's migrated template. Its access log
 * is keyed with keys of its own until an app built on it brings its keyring.
 */
export async function openTestDatabase(): Promise<DatabaseHandle & { url?: string }> {
  const handle = await openClonedDatabase();
  bindAuditKeys(handle.db, keyringOf(generateKeyringFile()));
  return handle;
}

async function openClonedDatabase(): Promise<DatabaseHandle & { url?: string }> {
  const settings = readTestSettings();
  if (settings.databaseUrl) {
    const pg = (await import("pg")).default;
    const name = `sirmi_test_${randomBytes(6).toString("hex")}`;
    const adminUrl = adminUrlOf(settings.databaseUrl);
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name} template ${inject("templateDatabase")}`);
    await admin.end();
    const url = withDatabaseName(settings.databaseUrl, name);
    const handle = await openDatabase({ kind: "postgres", url, maxConnections: 60 });
    return {
      ...handle,
      url,
      close: async () => {
        await handle.close();
        const cleanup = new pg.Client({ connectionString: adminUrl });
        await cleanup.connect();
        await cleanup.query(`drop database if exists ${name} with (force)`);
        await cleanup.end();
      },
    };
  }
  const blob = new Blob([fs.readFileSync(inject("templatePath"))]);
  return openDatabase({ kind: "pglite", loadDataDir: blob });
}
