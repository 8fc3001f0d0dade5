import fs from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import pg from "pg";
import pino from "pino";
import { openDatabase } from "../../db/open-database.ts";
import { loadReferenceData } from "../../db/seed/reference-data.ts";
import { systemClock } from "../../domain/time/clock.ts";
import { buildApp } from "../../server/app.ts";
import { type Config, loadConfig } from "../../server/config.ts";
import { generateKeyringFile, keyringOf } from "../../server/core/vault-keys.ts";
import { withDatabase } from "../configured-database.ts";

export function registerDatabaseCommands(program: Command, config: () => Config) {
  program
    .command("migrate")
    .description("Applica le migrazioni e carica i dati di riferimento (comuni, tipologie)")
    .action(async () => {
      await withDatabase(
        config(),
        async (handle) => {
          await handle.migrate();
          const { comuni } = await loadReferenceData(handle.db);
          process.stdout.write(`Migrazioni applicate; comuni caricati: ${comuni}\n`);
        },
        "migrate",
      );
    });

  program
    .command("grant-app-role")
    .description(
      "PostgreSQL: concede al ruolo dell'applicazione i permessi minimi (eseguire come proprietario)",
    )
    .requiredOption("--role <name>", "ruolo PostgreSQL usato dall'applicazione")
    .action(async (options: { role: string }) => {
      const settings = config();
      const url = settings.migrationDatabaseUrl;
      if (!url)
        throw new Error(
          "Il comando richiede DATABASE_URL (o SIRMI_MIGRATION_DATABASE_URL) verso PostgreSQL.",
        );
      if (!/^[a-z_][a-z0-9_]{0,62}$/.test(options.role)) throw new Error("Nome di ruolo non valido.");
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        const role = options.role;
        await client.query(`grant usage on schema public to ${role}`);
        await client.query(`grant select, insert, update, delete on all tables in schema public to ${role}`);
        await client.query(`revoke update, delete, truncate on audit_entry from ${role}`);
        await client.query(`revoke insert, update, delete, truncate on audit_keying from ${role}`);
        await client.query(`grant usage, select on all sequences in schema public to ${role}`);
        process.stdout.write(
          `Permessi concessi a ${role}; sul registro degli accessi solo SELECT e INSERT.\n`,
        );
      } finally {
        await client.end();
      }
    });

  program
    .command("openapi")
    .description("Scrive il documento OpenAPI generato dal codice")
    .option("--out <file>", "file di destinazione", "dist/openapi.json")
    .option(
      "--server-url <url>",
      "indirizzo pubblico del server da dichiarare (predefinito: SIRMI_PUBLIC_URL)",
    )
    .option(
      "--default-settings",
      "usa le impostazioni predefinite e non le variabili SIRMI_* dell'ambiente (documento riproducibile)",
    )
    .action(async (options: { out: string; serverUrl?: string; defaultSettings?: boolean }) => {
      const base = options.defaultSettings ? loadConfig({}) : config();
      const settings = { ...base, ...(options.serverUrl ? { publicUrl: options.serverUrl } : {}) };
      const handle = await openDatabase({ kind: "pglite" });
      try {
        const keyring = keyringOf(generateKeyringFile());
        const app = await buildApp({
          config: settings,
          db: handle.db,
          logger: pino({ level: "silent" }),
          keyring,
          clock: systemClock,
        });
        await app.ready();
        fs.mkdirSync(path.dirname(path.resolve(options.out)), { recursive: true });
        fs.writeFileSync(options.out, `${JSON.stringify(app.swagger(), null, 2)}\n`);
        await app.close();
        process.stdout.write(`Documento OpenAPI scritto in ${options.out}\n`);
      } finally {
        await handle.close();
      }
    });
}
