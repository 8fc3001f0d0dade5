import fs from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { sql } from "drizzle-orm";
import { BackupFileError, type BackupHeader, readBackupFile, writeBackupFile } from "../../db/backup-file.ts";
import { DataDirLockedError } from "../../db/data-dir-lock.ts";
import { type Database, queryRows } from "../../db/database.ts";
import { DatabaseFolderNotEmptyError, openDatabase } from "../../db/open-database.ts";
import type { Clock } from "../../domain/time/clock.ts";
import type { Config } from "../../server/config.ts";

/** What the two commands read of the configuration. */
export type BackupSettings = Pick<Config, "databaseUrl" | "dataDir" | "keysFile">;

const postgresTools = "pg_dump -Fc e pg_restore (docs/operations.md, «Backup e ripristino»)";
const postgresProcedure = `con PostgreSQL si usano ${postgresTools}`;

/** The PGlite files live in `pglite` inside the data folder; the key file and the lock beside them. */
function databaseFolderOf(dataDir: string) {
  return path.join(dataDir, "pglite");
}

function holdsDatabase(dataDir: string) {
  const folder = databaseFolderOf(dataDir);
  return fs.existsSync(folder) && fs.readdirSync(folder).length > 0;
}

/**
 * `sirmi backup --out FILE`: the embedded database, with the data folder held (its lock) for the
 * whole copy, so that no other process writes while it is taken. A folder in use by a running
 * server is refused rather than copied: PGlite keeps pages in the server's memory, so only the
 * server itself could produce a consistent copy, and it offers no way to ask for one.
 */
export async function runBackup(
  settings: BackupSettings,
  out: string,
  clock: Clock,
  say: (message: string) => void,
): Promise<BackupHeader> {
  if (settings.databaseUrl)
    throw new Error(
      `DATABASE_URL è impostata: sirmi backup salva solo la base dati incorporata; ${postgresProcedure}.`,
    );
  const target = path.resolve(out);
  if (fs.existsSync(target))
    throw new Error(`Il file ${target} esiste già: indicare un file nuovo con --out.`);
  if (!fs.existsSync(path.dirname(target)))
    throw new Error(`La cartella ${path.dirname(target)} non esiste: crearla o indicare un altro file.`);
  if (!fs.existsSync(path.join(databaseFolderOf(settings.dataDir), "PG_VERSION")))
    throw new Error(
      `Nella cartella dati ${settings.dataDir} non c'è una base dati da salvare (SIRMI_DATA_DIR).`,
    );
  const handle = await openHeld(settings.dataDir, undefined, () =>
    [
      `La cartella dati ${settings.dataDir} è in uso da un server o da un altro comando: il backup della`,
      "base dati incorporata si fa a server fermo. Fermare il server e ripetere il comando; per i",
      `backup a server acceso usare PostgreSQL con ${postgresTools}.`,
    ].join(" "),
  );
  try {
    const { migrations, auditEntries } = await describeDatabase(handle.db);
    say("Copia della base dati in corso…");
    // The pages still in memory go to the files first: the copy then needs no recovery when opened.
    await handle.db.execute(sql`checkpoint`);
    const dump = await handle.dumpDataDir?.("gzip");
    if (!dump) throw new Error("La base dati incorporata non permette la copia.");
    const header = writeBackupFile(target, Buffer.from(await dump.arrayBuffer()), {
      createdAt: clock.now().toISOString(),
      migrations,
      auditEntries,
    });
    say(
      `Backup scritto in ${target} (${formatSize(header.payloadBytes)}; ${auditEntries} voci nel registro degli accessi). ` +
        `Il file delle chiavi (${settings.keysFile}) NON è nel backup: conservarne una copia a parte, su un altro supporto.`,
    );
    return header;
  } finally {
    await handle.close();
  }
}

/**
 * `sirmi restore FILE`: into a folder without a database, which is locked while it is filled;
 * then the migrations bring a backup of an older version up to this one. Nothing is written
 * before the file is known to be a whole backup, and a failed restore removes what it wrote.
 */
export async function runRestore(
  settings: BackupSettings,
  file: string,
  dataDir: string | undefined,
  say: (message: string) => void,
): Promise<BackupHeader> {
  if (settings.databaseUrl && !dataDir)
    throw new Error(
      `DATABASE_URL è impostata: sirmi restore ripristina solo la base dati incorporata (indicare la cartella con --data-dir); ${postgresProcedure}.`,
    );
  const target = path.resolve(dataDir ?? settings.dataDir);
  let backup: ReturnType<typeof readBackupFile>;
  try {
    backup = readBackupFile(file);
  } catch (error) {
    if (error instanceof BackupFileError) throw new Error(`${error.message} Nessun dato è stato scritto.`);
    throw error;
  }
  if (holdsDatabase(target)) throw new DatabaseFolderNotEmptyError(target);
  const createdFolder = !fs.existsSync(target);
  const handle = await openHeld(
    target,
    new Blob([new Uint8Array(backup.payload)]),
    () =>
      `La cartella dati ${target} è in uso da un altro processo: fermarlo o ripristinare in un'altra cartella.`,
  ).catch((error: unknown) => {
    // Refused before writing (in use, or a database there): nothing of ours to remove.
    if (!(error instanceof DataDirLockedError || error instanceof DatabaseFolderNotEmptyError))
      removeRestored(target, createdFolder);
    throw error;
  });
  try {
    say(`Dati ripristinati in ${target}; verifica delle migrazioni…`);
    await handle.migrate();
    const { migrations, auditEntries } = await describeDatabase(handle.db);
    if (auditEntries !== backup.header.auditEntries)
      throw new Error(
        `Il registro degli accessi ripristinato ha ${auditEntries} voci invece delle ${backup.header.auditEntries} del backup.`,
      );
    await handle.close();
    say(
      `Ripristinato il backup del ${backup.header.createdAt} in ${target}: ${auditEntries} voci nel registro degli accessi, ` +
        `migrazioni applicate ${migrations} (nel backup ${backup.header.migrations}). Il file delle chiavi non è nel backup: ` +
        `rimetterlo prima di avviare (SIRMI_KEYS_FILE; predefinito ${path.join(target, "keys.json")}), poi eseguire sirmi audit verify.`,
    );
    return backup.header;
  } catch (error) {
    await handle.close().catch(() => undefined);
    removeRestored(target, createdFolder);
    throw error;
  }
}

async function openHeld(dataDir: string, loadDataDir: Blob | undefined, lockedMessage: () => string) {
  try {
    return await openDatabase({ kind: "pglite", dataDir, loadDataDir });
  } catch (error) {
    if (error instanceof DataDirLockedError)
      throw new DataDirLockedError(dataDir, error.ownerPid, lockedMessage());
    throw error;
  }
}

/** Only what the restore itself wrote: the database folder (empty before), the folder if it was new. */
function removeRestored(target: string, createdFolder: boolean) {
  fs.rmSync(createdFolder ? target : databaseFolderOf(target), { recursive: true, force: true });
}

async function describeDatabase(db: Database) {
  const [row] = await queryRows<{ migrations: number; auditEntries: number }>(
    db,
    sql`select
          case when to_regclass('drizzle.__drizzle_migrations') is null then 0
               else (select count(*)::int from drizzle.__drizzle_migrations) end as migrations,
          case when to_regclass('public.audit_entry') is null then 0
               else (select count(*)::int from audit_entry) end as "auditEntries"`,
  );
  return row;
}

function formatSize(bytes: number) {
  return bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KiB` : `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

export function registerBackupCommands(program: Command, config: () => Config, clock: Clock) {
  const say = (message: string) => process.stderr.write(`${message}\n`);
  program
    .command("backup")
    .description(
      "Salva la base dati incorporata (PGlite) in un file, a server fermo; le chiavi restano fuori dal backup. Con PostgreSQL usare pg_dump",
    )
    .requiredOption("--out <file>", "file del backup da creare (non viene mai sovrascritto)")
    .action(async (options: { out: string }) => {
      await runBackup(config(), options.out, clock, say);
    });
  program
    .command("restore <file>")
    .description(
      "Ripristina un backup di sirmi backup in una cartella dati nuova o vuota e applica le migrazioni; il file delle chiavi va rimesso a parte",
    )
    .option("--data-dir <dir>", "cartella dati da creare (predefinita: SIRMI_DATA_DIR)")
    .action(async (file: string, options: { dataDir?: string }) => {
      await runRestore(config(), file, options.dataDir, say);
    });
}
