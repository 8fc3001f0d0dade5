import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/node-postgres";
import { migrate as migratePostgres } from "drizzle-orm/node-postgres/migrator";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import { lockDataDir } from "./data-dir-lock.ts";
import type { Database } from "./database.ts";
import * as schema from "./schema/index.ts";

export const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");

export type DatabaseHandle = {
  db: Database;
  kind: "pglite" | "postgres";
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** PGlite only: the whole data folder as a tarball (test databases are cloned from one, backups are one). */
  dumpDataDir?(compression?: "none" | "gzip"): Promise<Blob>;
};

export type OpenDatabaseOptions =
  | { kind: "postgres"; url: string; maxConnections?: number }
  | { kind: "pglite"; dataDir?: string; loadDataDir?: Blob };

export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  if (options.kind === "postgres") {
    const pool = new pg.Pool({ connectionString: options.url, max: options.maxConnections ?? 10 });
    // An idle connection closed by the server (a restart, a failover, an administrator) must not
    // bring the process down: the pool drops that client and opens a new one when next needed.
    pool.on("error", () => undefined);
    // pg returns date columns as JS Date by default; the domain uses ISO strings.
    const db = drizzlePostgres(pool, { schema }) as unknown as Database;
    return {
      db,
      kind: "postgres",
      migrate: () => migratePostgres(db as never, { migrationsFolder }),
      close: () => pool.end(),
    };
  }
  const release = options.dataDir ? lockDataDir(options.dataDir) : undefined;
  try {
    // Checked under the lock: loading a tarball never lands on a database someone else just put there.
    if (options.dataDir && options.loadDataDir && holdsFiles(path.join(options.dataDir, "pglite")))
      throw new DatabaseFolderNotEmptyError(options.dataDir);
    const client = await PGlite.create({
      dataDir: options.dataDir ? path.join(options.dataDir, "pglite") : undefined,
      loadDataDir: options.loadDataDir,
    });
    const db = drizzlePglite(client, { schema }) as unknown as Database;
    return {
      db,
      kind: "pglite",
      migrate: () => migratePglite(db as never, { migrationsFolder }),
      close: async () => {
        await client.close();
        release?.();
      },
      dumpDataDir: (compression = "none") => client.dumpDataDir(compression),
    };
  } catch (error) {
    release?.();
    throw error;
  }
}

export class DatabaseFolderNotEmptyError extends Error {
  constructor(readonly dataDir: string) {
    super(
      `La cartella dati ${dataDir} contiene già una base dati: ripristinare in una cartella nuova o vuota (--data-dir), poi sostituire quella vecchia a server fermo.`,
    );
  }
}

function holdsFiles(folder: string) {
  return fs.existsSync(folder) && fs.readdirSync(folder).length > 0;
}
