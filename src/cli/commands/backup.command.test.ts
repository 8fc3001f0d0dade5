import { execFileSync } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { adminUrlOf, withDatabaseName } from "../../../test/support/postgres-urls.ts";
import { admissionEvent, createActiveStructures, italianChild } from "../../../test/support/stay-fixtures.ts";
import { testToday } from "../../../test/support/test-app.ts";
import { openTestDatabase } from "../../../test/support/test-database.ts";
import { readBackupFile } from "../../db/backup-file.ts";
import { type Database, queryRows } from "../../db/database.ts";
import { openDatabase } from "../../db/open-database.ts";
import { demoZones } from "../../db/seed/demo-zones.ts";
import { loadReferenceData, loadZones } from "../../db/seed/reference-data.ts";
import { clockOnDay } from "../../domain/time/clock.ts";
import { readTestSettings } from "../../server/config.ts";
import { bindAuditKeys } from "../../server/core/audit-chain.ts";
import { takeAuditCheckpoint } from "../../server/core/audit-checkpoints.ts";
import { verifyAuditChain } from "../../server/core/audit-verification.ts";
import { generateKeyringFile, keyringOf } from "../../server/core/vault-keys.ts";
import { type EventSource, ingestEvent } from "../../server/features/stays/ingest-event.ts";
import { runBackup, runRestore } from "./backup.command.ts";
import { runReportCommand } from "./report.command.ts";

const keyFile = generateKeyringFile();
const keyring = keyringOf(keyFile);
const clock = clockOnDay(testToday);
const context = { keyring, regionCode: "09", suppressionThreshold: 3, clock };
const folder = fs.mkdtempSync(path.join(os.tmpdir(), "sirmi-backup-"));
const sourceDir = path.join(folder, "source");
const settingsOf = (dataDir: string) => ({
  databaseUrl: undefined,
  dataDir,
  keysFile: path.join(dataDir, "keys.json"),
});
let asOf: string;
let sourceReports: string[];
let sourceEntries: number;
let checkpoint: Awaited<ReturnType<typeof takeAuditCheckpoint>>;

/** Two children admitted through the real ingestion, in structures created as an import does. */
async function loadData(db: Database) {
  await createActiveStructures(db, ["ST000010", "ST000011"], 8);
  const source: EventSource = {
    kind: "user",
    id: randomUUID(),
    subject: { system: true, label: "test" },
    mayWrite: () => true,
  };
  const minors = [
    italianChild({ familyName: "Riva", givenName: "Tommaso", birthDate: "2012-03-14" }),
    italianChild({ familyName: "Conti", givenName: "Giulia", sex: "F", birthDate: "2013-05-02" }),
  ];
  for (const [index, minor] of minors.entries())
    await ingestEvent(
      db,
      { keyring, today: testToday },
      source,
      admissionEvent(`ST00001${index}`, `r-${index}`, "2026-02-01", minor),
    );
}

/** The same reports, as the command writes them, at one instant of knowledge. */
async function reportsOf(db: Database) {
  const outputs: string[] = [];
  const output = { data: (content: string) => outputs.push(content), say: () => undefined };
  await runReportCommand(db, context, "out-of-family-stock", { date: "2026-10-31", asOf }, output);
  await runReportCommand(
    db,
    context,
    "out-of-family-stock",
    { date: "2026-10-31", asOf, format: "csv" },
    output,
  );
  await runReportCommand(db, context, "admissions", { year: "2026", asOf, format: "csv" }, output);
  return outputs;
}

async function countAuditEntries(db: Database) {
  const [{ count }] = await queryRows<{ count: number }>(
    db,
    sql`select count(*)::int as count from audit_entry`,
  );
  return count;
}

function listing(dir: string) {
  return fs.readdirSync(dir, { recursive: true }).map(String).sort();
}

beforeAll(async () => {
  const template = inject("templatePath");
  const handle = await openDatabase({
    kind: "pglite",
    dataDir: sourceDir,
    loadDataDir: template ? new Blob([fs.readFileSync(template)]) : undefined,
  });
  try {
    if (!template) {
      await handle.migrate();
      await loadReferenceData(handle.db);
      await loadZones(handle.db, "09", demoZones);
    }
    bindAuditKeys(handle.db, keyring);
    await loadData(handle.db);
    asOf = new Date().toISOString();
    sourceReports = await reportsOf(handle.db);
    checkpoint = await takeAuditCheckpoint(handle.db, keyring, clock);
    sourceEntries = await countAuditEntries(handle.db);
  } finally {
    await handle.close();
  }
  // The key file sits in the data folder, as `sirmi start` puts it: the backup must leave it out.
  fs.writeFileSync(path.join(sourceDir, "keys.json"), JSON.stringify(keyFile), { mode: 0o600 });
});
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

describe("sirmi backup and sirmi restore (embedded database)", () => {
  const out = path.join(folder, "sirmi.backup");
  const restoredDir = path.join(folder, "restored");

  it("backs up without the keys, and the restore gives the same reports and a verifying chain", async () => {
    const messages: string[] = [];
    const header = await runBackup(settingsOf(sourceDir), out, clock, (message) => messages.push(message));
    expect(header.auditEntries).toBe(sourceEntries);
    expect(messages.at(-1)).toContain(out);
    expect(messages.at(-1)).toMatch(/NON è nel backup/);
    const tar = gunzipSync(readBackupFile(out).payload).toString("latin1");
    expect(tar).toContain("PG_VERSION");
    expect(tar).not.toContain("keys.json");
    expect(tar).not.toContain(keyFile.indexKey);
    await expect(runBackup(settingsOf(sourceDir), out, clock, () => undefined)).rejects.toThrow(/esiste già/);

    const restoreMessages: string[] = [];
    await runRestore(settingsOf(folder), out, restoredDir, (message) => restoreMessages.push(message));
    expect(restoreMessages.at(-1)).toMatch(/Ripristinato.*sirmi audit verify/);
    expect(fs.existsSync(path.join(restoredDir, "keys.json"))).toBe(false);

    const restored = await openDatabase({ kind: "pglite", dataDir: restoredDir });
    try {
      bindAuditKeys(restored.db, keyring);
      // The checkpoint taken before the backup attests the restored log.
      expect(
        await verifyAuditChain(restored.db, keyring, [{ checkpoint, source: "prima del backup" }]),
      ).toEqual({
        ok: true,
        checked: sourceEntries,
        checkpoints: 1,
      });
      const restoredReports = await reportsOf(restored.db);
      expect(restoredReports).toHaveLength(3);
      for (const [index, report] of restoredReports.entries()) expect(report).toBe(sourceReports[index]);
      expect(
        JSON.parse(restoredReports[0]).tables.find((table: { id: string }) => table.id === "by-province")
          ?.total,
      ).toBe(2);
    } finally {
      await restored.close();
    }
  });

  it("refuses a garbage file, a truncated backup and a folder that holds a database, touching nothing", async () => {
    const fresh = path.join(folder, "fresh");
    const garbage = path.join(folder, "garbage.bin");
    fs.writeFileSync(garbage, randomBytes(10_000));
    await expect(runRestore(settingsOf(folder), garbage, fresh, () => undefined)).rejects.toThrow(
      /non è un backup di S\.I\.R\.MI.*Nessun dato è stato scritto/,
    );
    const truncated = path.join(folder, "truncated.backup");
    const whole = fs.readFileSync(out);
    fs.writeFileSync(truncated, whole.subarray(0, whole.length - 4096));
    await expect(runRestore(settingsOf(folder), truncated, fresh, () => undefined)).rejects.toThrow(
      /incompleto/,
    );
    const altered = Buffer.from(whole);
    altered[altered.length - 10] ^= 0xff;
    fs.writeFileSync(truncated, altered);
    await expect(runRestore(settingsOf(folder), truncated, fresh, () => undefined)).rejects.toThrow(
      /alterato/,
    );
    await expect(
      runRestore(settingsOf(folder), path.join(folder, "none"), fresh, () => undefined),
    ).rejects.toThrow(/non esiste/);
    expect(fs.existsSync(fresh)).toBe(false);

    const before = listing(restoredDir);
    await expect(runRestore(settingsOf(folder), out, restoredDir, () => undefined)).rejects.toThrow(
      /contiene già una base dati/,
    );
    expect(listing(restoredDir)).toEqual(before);
  });

  it("refuses a folder in use by another process, and points to pg_dump with DATABASE_URL", async () => {
    // Another live process (the test runner that started this worker) holds the folder.
    const lock = path.join(sourceDir, "sirmi.lock");
    fs.writeFileSync(lock, String(process.ppid));
    const busyOut = path.join(folder, "busy.backup");
    try {
      await expect(runBackup(settingsOf(sourceDir), busyOut, clock, () => undefined)).rejects.toThrow(
        /a server fermo.*pg_dump/,
      );
    } finally {
      fs.rmSync(lock);
    }
    expect(fs.existsSync(busyOut)).toBe(false);

    const lockedDir = path.join(folder, "locked");
    fs.mkdirSync(lockedDir);
    fs.writeFileSync(path.join(lockedDir, "sirmi.lock"), String(process.ppid));
    await expect(runRestore(settingsOf(folder), out, lockedDir, () => undefined)).rejects.toThrow(/in uso/);
    expect(listing(lockedDir)).toEqual(["sirmi.lock"]);

    const postgres = { ...settingsOf(sourceDir), databaseUrl: "postgres://sirmi@db-host/sirmi" };
    await expect(runBackup(postgres, busyOut, clock, () => undefined)).rejects.toThrow(/pg_dump -Fc/);
    await expect(runRestore(postgres, out, undefined, () => undefined)).rejects.toThrow(/pg_restore/);
    await expect(
      runBackup(settingsOf(path.join(folder, "empty")), busyOut, clock, () => undefined),
    ).rejects.toThrow(/non c'è una base dati/);
  });
});

const databaseUrl = readTestSettings().databaseUrl;
const hasPostgresTools = (() => {
  try {
    execFileSync("pg_dump", ["--version"], { stdio: "ignore" });
    execFileSync("pg_restore", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

describe.runIf(databaseUrl && hasPostgresTools)("the PostgreSQL procedure (pg_dump -Fc, pg_restore)", () => {
  it("restores into a new database with the same reports and a verifying chain", async () => {
    const source = await openTestDatabase();
    const dump = path.join(folder, "sirmi.dump");
    const name = `sirmi_restored_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: adminUrlOf(databaseUrl as string) });
    await admin.connect();
    try {
      bindAuditKeys(source.db, keyring);
      await loadData(source.db);
      asOf = new Date().toISOString();
      const reports = await reportsOf(source.db);
      const entries = await countAuditEntries(source.db);
      execFileSync("pg_dump", ["-Fc", "-d", source.url as string, "-f", dump]);
      await admin.query(`create database ${name}`);
      const url = withDatabaseName(databaseUrl as string, name);
      execFileSync("pg_restore", ["-d", url, dump]);
      const restored = await openDatabase({ kind: "postgres", url });
      try {
        bindAuditKeys(restored.db, keyring);
        expect(await verifyAuditChain(restored.db, keyring, [])).toMatchObject({
          ok: true,
          checked: entries,
        });
        expect(await reportsOf(restored.db)).toEqual(reports);
      } finally {
        await restored.close();
      }
    } finally {
      await source.close();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });
});
