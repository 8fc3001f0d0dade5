/**
 * Throughput of the interchange API over HTTP: the real app (buildApp) listening on a loopback
 * port, a registered machine client signing each request (ModI ID_AUTH_REST_02), and realistic
 * requests of 500 events (admissions with identity resolution, activities, discharges; see
 * realistic-events.ts) sent one after the other with fetch. Baseline, measured in the same run:
 * the rows the pipeline stored (minor, identity_vault, identity_index, stay, stay_event) inserted
 * raw, one multi-row INSERT per table and request-sized chunk, into a second fresh database; the
 * statements are written out and sent to the driver directly (raw-insert.ts), since drizzle's
 * insert builder alone takes about as long as the database to store these rows.
 * Prints figures only; asserts nothing about timing.
 * Run: npx tsx bench/ingest/ingest.ts [--events 10000] [--concurrency 1]   (PostgreSQL when DATABASE_URL is set)
 * --concurrency N keeps N requests in flight, as several structures' software sending at once.
 * SIRMI_BENCH_CPU_PROFILE=file.cpuprofile profiles the pipeline phase (profile.ts);
 * SIRMI_BENCH_BUILDER_BASELINE=1 also times the same INSERTs built by drizzle, into a third database.
 */

import type { AddressInfo } from "node:net";
import { sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import pino from "pino";
import type { Database } from "../../src/db/database.ts";
import {
  identityIndex,
  identityVault,
  minor,
  stay,
  stayEvent,
  structure,
} from "../../src/db/schema/index.ts";
import { systemClock } from "../../src/domain/time/clock.ts";
import { buildApp } from "../../src/server/app.ts";
import { loadConfig } from "../../src/server/config.ts";
import { bindAuditKeys } from "../../src/server/core/audit-chain.ts";
import { generateKeyringFile, keyringOf } from "../../src/server/core/vault-keys.ts";
import { registerClient, signToken } from "../../src/server/features/events/machine-request.fixtures.ts";
import { createActiveStructures } from "../../test/support/stay-fixtures.ts";
import { freshDatabase } from "./fresh-database.ts";
import { startProfiler } from "./profile.ts";
import { inDriverTransaction, insertStatement } from "./raw-insert.ts";
import { realisticBatches } from "./realistic-events.ts";

const eventsArgument = process.argv.indexOf("--events");
const eventCount = eventsArgument > 0 ? Number(process.argv[eventsArgument + 1]) : 10_000;
const concurrencyArgument = process.argv.indexOf("--concurrency");
const concurrency = concurrencyArgument > 0 ? Number(process.argv[concurrencyArgument + 1]) : 1;
const batchSize = 500;
const databaseUrl = process.env.DATABASE_URL;
const structureCodes = Array.from({ length: 50 }, (_, index) => `ST${String(800_000 + index)}`);

// The app, as `sirmi start` builds it, on a fresh database.
const handle = await freshDatabase(databaseUrl);
const keyring = keyringOf(generateKeyringFile());
bindAuditKeys(handle.db, keyring);
await createActiveStructures(handle.db, structureCodes, 60);
const publicUrl = "https://sirmi.example.it";
const config = loadConfig({
  SIRMI_PUBLIC_URL: publicUrl,
  SIRMI_LOG_LEVEL: "warn",
  SIRMI_RATE_LIMIT_PER_MINUTE: "100000",
  SIRMI_BODY_LIMIT_BYTES: String(16 * 1024 * 1024),
});
const app = await buildApp({
  config,
  db: handle.db,
  logger: pino({ level: "warn" }),
  keyring,
  clock: systemClock,
});
await app.listen({ host: "127.0.0.1", port: 0 });
const { port } = app.server.address() as AddressInfo;
const client = await registerClient(handle.db, structureCodes);

const batches = realisticBatches(eventCount, structureCodes, batchSize);
const total = batches.reduce((sum, batch) => sum + batch.length, 0);
const statuses = new Map<string, number>();
const codes = new Map<string, number>();
const count = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);

async function send(events: unknown[]) {
  const response = await fetch(`http://127.0.0.1:${port}/api/v1/events`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      authorization: `Bearer ${await signToken(client, { aud: `${publicUrl}/api/v1/events` })}`,
    },
    body: JSON.stringify({ events }),
  });
  if (response.status !== 200) throw new Error(`HTTP ${response.status}: ${await response.text()}`);
  return (await response.json()) as {
    results: { status: string; warnings: { code: string }[]; errors: { code: string }[] }[];
  };
}

const profiler = await startProfiler(process.env.SIRMI_BENCH_CPU_PROFILE);
const started = performance.now();
const cpuBefore = process.cpuUsage();
let next = 0;
async function sender() {
  while (next < batches.length) {
    const batch = batches[next++];
    const { results } = await send(batch);
    for (const result of results) {
      count(statuses, result.status);
      for (const problem of [...result.warnings, ...result.errors]) count(codes, problem.code);
    }
  }
}
await Promise.all(Array.from({ length: concurrency }, sender));
const pipelineSeconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuBefore);
await profiler?.stop();
await app.close();

// Baseline: the same rows, as the pipeline stored them, into a second fresh database.
type Row = Record<string, unknown>;
async function rowsOf(db: Database, table: PgTable, order: ReturnType<typeof sql>) {
  return (await db.select().from(table).orderBy(order)) as Row[];
}
const stored = {
  minor: await rowsOf(handle.db, minor, sql`created_at`),
  identityVault: await rowsOf(handle.db, identityVault, sql`minor_id`),
  identityIndex: await rowsOf(handle.db, identityIndex, sql`minor_id`),
  stay: await rowsOf(handle.db, stay, sql`id`),
  stayEvent: (await rowsOf(handle.db, stayEvent, sql`arrival`)).map(({ arrival: _, ...row }) => row),
};
const structureCodeOf = new Map(
  (await handle.db.select({ id: structure.id, code: structure.code }).from(structure)).map((row) => [
    row.id,
    row.code,
  ]),
);
await handle.close();

const target = await freshDatabase(databaseUrl);
bindAuditKeys(target.db, keyring);
await createActiveStructures(target.db, structureCodes, 60);
const structureIdOf = new Map(
  (await target.db.select({ id: structure.id, code: structure.code }).from(structure)).map((row) => [
    row.code,
    row.id,
  ]),
);
const restructured = (row: Row) =>
  row.structureId
    ? { ...row, structureId: structureIdOf.get(structureCodeOf.get(row.structureId as string) as string) }
    : row;
const tables: [PgTable, Row[]][] = [
  [minor, stored.minor],
  [identityVault, stored.identityVault],
  [identityIndex, stored.identityIndex],
  [stay, stored.stay.map(restructured)],
  [stayEvent, stored.stayEvent.map(restructured)],
];
const rowCount = tables.reduce((sum, [, rows]) => sum + rows.length, 0);
// Each row goes with the request that first produced it: an event with its request, a stay and a
// minor (with its vault row and index entries) with the request of their first event.
const requestOfEvent = new Map(
  batches.flatMap((batch, index) => batch.map((event) => [event.id, index] as const)),
);
const requestOfStay = new Map<unknown, number>();
const requestOfMinor = new Map<unknown, number>();
for (const row of stored.stayEvent) {
  const request = requestOfEvent.get(row.id as string) ?? 0;
  if (row.stayId && !requestOfStay.has(row.stayId)) requestOfStay.set(row.stayId, request);
  if (row.minorId && !requestOfMinor.has(row.minorId)) requestOfMinor.set(row.minorId, request);
}
const requestOf = (table: PgTable, row: Row) =>
  table === stayEvent
    ? (requestOfEvent.get(row.id as string) ?? 0)
    : table === stay
      ? (requestOfStay.get(row.id) ?? 0)
      : (requestOfMinor.get(table === minor ? row.id : row.minorId) ?? 0);
const perRequest = batches.map((_, request) =>
  tables.map(([table, rows]) => [table, rows.filter((row) => requestOf(table, row) === request)] as const),
);
const baselineStarted = performance.now();
for (const shares of perRequest) {
  // One transaction per request, as the pipeline commits per request; one INSERT per table,
  // split only where the bind-parameter limit requires it (500 rows a statement).
  await inDriverTransaction(target, async (query) => {
    for (const [table, rows] of shares)
      for (let start = 0; start < rows.length; start += 500) {
        const { text, params } = insertStatement(table, rows.slice(start, start + 500));
        await query(text, params);
      }
  });
}
const baselineSeconds = (performance.now() - baselineStarted) / 1000;
// The same statements built by drizzle's insert builder, into a third fresh database, for comparison.
const builderTarget = process.env.SIRMI_BENCH_BUILDER_BASELINE ? await freshDatabase(databaseUrl) : undefined;
let builderSeconds: number | undefined;
if (builderTarget) {
  await createActiveStructures(builderTarget.db, structureCodes, 60);
  const ids = new Map(
    (await builderTarget.db.select({ id: structure.id, code: structure.code }).from(structure)).map((row) => [
      structureIdOf.get(row.code as string),
      row.id,
    ]),
  );
  const started = performance.now();
  for (const shares of perRequest)
    await builderTarget.db.transaction(async (tx) => {
      for (const [table, rows] of shares)
        for (let start = 0; start < rows.length; start += 500)
          await tx
            .insert(table)
            .values(
              rows
                .slice(start, start + 500)
                .map((row) =>
                  row.structureId ? { ...row, structureId: ids.get(row.structureId as string) } : row,
                ) as never,
            );
    });
  builderSeconds = (performance.now() - started) / 1000;
  await builderTarget.close();
}
await target.close();

const pipelineRate = total / pipelineSeconds;
const baselineRate = total / baselineSeconds;
const summary = (map: Map<string, number>) =>
  [...map.entries()]
    .sort()
    .map(([key, value]) => `${key} ${value}`)
    .join(", ") || "none";
console.log(
  `database: ${handle.kind}; ${total} events in ${batches.length} requests of ≤${batchSize} over HTTP, ${concurrency} in flight (${summary(statuses)}); codes: ${summary(codes)}`,
);
console.log(
  `pipeline, POST /api/v1/events: ${pipelineRate.toFixed(0)} events/s (${pipelineSeconds.toFixed(2)} s)`,
);
// On a busy machine the wall time varies from run to run; this process's CPU time much less.
console.log(
  `  CPU of this process (server and client) during the pipeline: ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms`,
);
console.log(
  `baseline, raw multi-row INSERT of the same ${rowCount} rows (minor, identity_vault, identity_index, stay, stay_event) into a fresh database: ${baselineRate.toFixed(0)} events/s (${baselineSeconds.toFixed(2)} s)`,
);
if (builderSeconds !== undefined)
  console.log(
    `the same INSERTs built by drizzle's insert builder: ${(total / builderSeconds).toFixed(0)} events/s (${builderSeconds.toFixed(2)} s)`,
  );
console.log(`ratio pipeline / baseline: ${(pipelineRate / baselineRate).toFixed(3)}`);
