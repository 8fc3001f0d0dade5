/**
 * The database of the reports benchmark and the national-scale base loaded into it: reference
 * data and zones, the registry of minors, structures with their versions, ten years of stays and
 * of foster care.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import pg from "pg";
import { type Database, queryRows } from "../../src/db/database.ts";
import { type DatabaseHandle, openDatabase } from "../../src/db/open-database.ts";
import { demoZones } from "../../src/db/seed/demo-zones.ts";
import { loadReferenceData, loadZones } from "../../src/db/seed/reference-data.ts";
import type { Keyring } from "../../src/server/core/vault-keys.ts";
import { adminUrlOf } from "../../test/support/postgres-urls.ts";
import { type FosterCareSummary, loadSyntheticFosterCare } from "./synthetic-foster-care.ts";
import { loadSyntheticRegistry } from "./synthetic-minors.ts";
import { loadSyntheticStays, type StaysSummary } from "./synthetic-stays.ts";
import { loadSyntheticStructures } from "./synthetic-structures.ts";

export type BenchDatabase = {
  handle: DatabaseHandle;
  /** Whether it already holds a base (reused), so loading is skipped. */
  loaded: boolean;
  size(): Promise<number>;
  close(): Promise<void>;
};

/**
 * PostgreSQL when `databaseUrl` is given: the database it names is dropped and created again
 * (only a name starting with `sirmi_bench`), unless `reuse`. PGlite otherwise: in `dataDir`
 * (kept) or in a temporary folder (removed on close).
 */
export async function openBenchDatabase(options: {
  databaseUrl?: string;
  dataDir?: string;
  reuse: boolean;
}): Promise<BenchDatabase> {
  let folder: string | undefined;
  let handle: DatabaseHandle;
  if (options.databaseUrl) {
    const name = decodeURIComponent(new URL(options.databaseUrl).pathname.slice(1));
    if (!options.reuse) {
      if (!/^sirmi_bench\w*$/.test(name))
        throw new Error(`refusing to recreate database "${name}": its name must start with sirmi_bench`);
      const admin = new pg.Client({ connectionString: adminUrlOf(options.databaseUrl) });
      await admin.connect();
      await admin.query(`drop database if exists "${name}" with (force)`);
      await admin.query(`create database "${name}"`);
      await admin.end();
    }
    handle = await openDatabase({ kind: "postgres", url: options.databaseUrl, maxConnections: 2 });
  } else {
    folder = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), "sirmi-bench-reports-"));
    fs.mkdirSync(folder, { recursive: true });
    handle = await openDatabase({ kind: "pglite", dataDir: folder });
  }
  await handle.migrate();
  const [{ stays }] = await queryRows<{ stays: number }>(
    handle.db,
    sql`select count(*)::int as stays from stay`,
  );
  if (stays > 0 && !options.reuse)
    throw new Error("the benchmark database is not empty: pass --reuse, or give an empty one");
  const temporary = options.databaseUrl === undefined && options.dataDir === undefined;
  return {
    handle,
    loaded: stays > 0,
    size: async () => {
      const [{ bytes }] = await queryRows<{ bytes: string }>(
        handle.db,
        sql`select pg_database_size(current_database())::text as bytes`,
      );
      return Number(bytes);
    },
    close: async () => {
      await handle.close();
      if (temporary && folder) fs.rmSync(folder, { recursive: true, force: true });
    },
  };
}

export type BaseSummary = {
  minors: number;
  structures: number;
  structureVersions: number;
  stays: StaysSummary;
  fosterCare: FosterCareSummary;
  seconds: {
    reference: number;
    registry: number;
    structures: number;
    stays: number;
    fosterCare: number;
    analyze: number;
  };
};

/**
 * National scale at 1: 1.2 M minors, 3,500 structures, ~30,000 present on an ordinary day in a
 * structure and ~14,000 in out-of-family foster care.
 */
export async function loadReportsBase(
  db: Database,
  options: {
    scale: number;
    today: string;
    regionCode: string;
    keyring: Keyring;
    withVault: boolean;
    /** Days on which the summary counts who is in foster care. */
    referenceDays: readonly string[];
    log: (line: string) => void;
  },
): Promise<BaseSummary> {
  const seconds = { reference: 0, registry: 0, structures: 0, stays: 0, fosterCare: 0, analyze: 0 };
  const timed = async <T>(phase: keyof typeof seconds, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await work();
    seconds[phase] = (performance.now() - started) / 1000;
    return result;
  };
  await timed("reference", async () => {
    await loadReferenceData(db);
    await loadZones(db, options.regionCode, demoZones);
  });
  const size = Math.round(1_200_000 * options.scale);
  let lastLogged = 0;
  const pools = await timed("registry", () =>
    loadSyntheticRegistry(db, {
      size,
      today: options.today,
      keyring: options.keyring,
      withVault: options.withVault,
      onProgress: (loaded) => {
        if (loaded - lastLogged < 100_000) return;
        lastLogged = loaded;
        options.log(`  registry: ${loaded} / ${size} minors`);
      },
    }),
  );
  const structures = await timed("structures", () =>
    loadSyntheticStructures(db, {
      count: Math.max(20, Math.round(3500 * options.scale)),
      today: options.today,
      regionCode: options.regionCode,
    }),
  );
  options.log(`  structures: ${structures.length}`);
  const stays = await timed("stays", () =>
    loadSyntheticStays(db, {
      pools,
      structures,
      today: options.today,
      regionCode: options.regionCode,
      present: Math.round(30_000 * options.scale),
    }),
  );
  options.log(`  stays: ${stays.stays}, history rows: ${stays.historyRows}`);
  const fosterCare = await timed("fosterCare", () =>
    loadSyntheticFosterCare(db, {
      pools,
      today: options.today,
      regionCode: options.regionCode,
      present: Math.round(14_000 * options.scale),
      referenceDays: options.referenceDays,
    }),
  );
  options.log(`  foster care: ${fosterCare.episodes} episodes, history rows: ${fosterCare.historyRows}`);
  // After a bulk load the planner needs fresh statistics and the visibility map, as autovacuum
  // would give them later.
  await timed("analyze", () => db.execute(sql`vacuum analyze`));
  const [{ versions }] = await queryRows<{ versions: number }>(
    db,
    sql`select count(*)::int as versions from structure_version`,
  );
  return {
    minors: pools.loaded,
    structures: structures.length,
    structureVersions: versions,
    stays,
    fosterCare,
    seconds,
  };
}
