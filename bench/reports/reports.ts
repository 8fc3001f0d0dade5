/**
 * Reports at national scale: `ministry-survey` and `out-of-family-stock` computed by the report
 * engine on a synthetic base (1.2 M minors in the registry, 3,500 structures with their versions,
 * ten years of stays with ~30,000 children present on an ordinary day, ten years of foster care
 * with ~14,000 in out-of-family foster care on an ordinary day), against a baseline measured in
 * the same run: one hand-written SQL query computing the same main table (minors out of family
 * by setting × age class; the Ministry's by setting, without MSNA). Prints the median and p95 of
 * each, their ratio, whether both give the same counts, the load times and the database size.
 * Asserts nothing.
 *
 * Run:  npx tsx bench/reports/reports.ts [--scale 1|0.1|0.05] [--runs 15] [--warmup 2]
 *         [--without-vault] [--explain] [--data-dir <folder>] [--reuse]
 *   PGlite in a temporary folder by default (or in --data-dir, kept);
 *   PostgreSQL when DATABASE_URL is set, e.g.
 *     DATABASE_URL=postgres://postgres@127.0.0.1:5432/sirmi_bench_reports npx tsx bench/reports/reports.ts
 *   The database named there is dropped and created again (its name must start with sirmi_bench)
 *   unless --reuse, which keeps an already loaded base and skips loading.
 *   --without-vault loads the registry into `minor` only (no identity_vault, no identity_index):
 *   faster, and the reports read neither. --explain prints each statement of the engine with its
 *   time, the EXPLAIN (ANALYZE, BUFFERS) of the slowest (run inside the engine's own transaction,
 *   with its settings) and of the hand-written query, and writes the engine's statements, their
 *   parameters written in, to <tmpdir>/sirmi-bench-reports-<report>-<n>.sql for trying indexes or
 *   rewrites by hand (psql -f).
 * The hand-written query runs on its own, with the server's default settings.
 */

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { type SQL, sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { type Database, queryRows } from "../../src/db/database.ts";
import type { ReportRequest, ReportResult } from "../../src/domain/reports/report.ts";
import { todayInRome } from "../../src/domain/time/calendar.ts";
import { systemClock } from "../../src/domain/time/clock.ts";
import { bindAuditKeys } from "../../src/server/core/audit-chain.ts";
import { generateKeyringFile, keyringOf } from "../../src/server/core/vault-keys.ts";
import { computeReport } from "../../src/server/features/reports/report-engine.ts";
import { type BaseSummary, loadReportsBase, openBenchDatabase } from "./base.ts";
import { differences, handwrittenStock, handwrittenStockSql, type StockOptions } from "./handwritten.ts";

const argument = (name: string) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? process.argv[index + 1] : undefined;
};
const flag = (name: string) => process.argv.includes(`--${name}`);
const scale = Number(argument("scale") ?? 1);
const runs = Number(argument("runs") ?? 15);
const warmup = Number(argument("warmup") ?? 2);
const regionCode = "09";
const today = todayInRome();
const log = (line: string) => console.log(line);

const bench = await openBenchDatabase({
  databaseUrl: process.env.DATABASE_URL,
  dataDir: argument("data-dir"),
  reuse: flag("reuse"),
});
const db = bench.handle.db;
const [{ version }] = await queryRows<{ version: string }>(db, sql`select version()`);
log(
  `database: ${bench.handle.kind} (${version.split(" on ")[0]}); scale ${scale}; today ${today}; CPUs ${os.cpus().length}`,
);

const year = Number(today.slice(0, 4)) - 1;
const lastMonthEnd = new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 1, 0))
  .toISOString()
  .slice(0, 10);
const yearEnd = `${year}-12-31`;
const keyring = keyringOf(generateKeyringFile());
bindAuditKeys(db, keyring);
let base: BaseSummary | undefined;
const loadStarted = performance.now();
if (bench.loaded) {
  log("base: reused (already loaded)");
} else {
  base = await loadReportsBase(db, {
    scale,
    today,
    regionCode,
    keyring,
    withVault: !flag("without-vault"),
    referenceDays: [lastMonthEnd, yearEnd],
    log,
  });
}
const loadSeconds = (performance.now() - loadStarted) / 1000;
const counts = await queryRows<{
  minors: number;
  vault: number;
  structures: number;
  stays: number;
  history: number;
  fosterHistory: number;
}>(
  db,
  sql`select (select count(*) from minor)::int as minors, (select count(*) from identity_vault)::int as vault,
        (select count(*) from structure)::int as structures, (select count(*) from stay)::int as stays,
        (select count(*) from stay_history)::int as history,
        (select count(*) from foster_care_history)::int as "fosterHistory"`,
);
const bytes = await bench.size();
if (base) {
  const s = base.seconds;
  log(
    `load: ${loadSeconds.toFixed(1)} s total — reference data and zones ${s.reference.toFixed(1)} s, registry ${s.registry.toFixed(1)} s, ` +
      `structures ${s.structures.toFixed(1)} s, stays ${s.stays.toFixed(1)} s, foster care ${s.fosterCare.toFixed(1)} s, ` +
      `vacuum analyze ${s.analyze.toFixed(1)} s`,
  );
  const st = base.stays;
  log(
    `base: ${base.minors} minors (vault rows ${counts[0].vault}), ${base.structures} structures (${base.structureVersions} versions), ` +
      `${st.stays} stays of ${st.children} children (${st.msnaStays} MSNA, ${st.overlappingStays} overlapping, ${st.correctedStays} with a corrected admission), ` +
      `${st.historyRows} history rows; planned presence ${st.meanPresent.toFixed(0)} on an ordinary day`,
  );
  const fc = base.fosterCare;
  log(
    `foster care: ${fc.services} social services, ${fc.cases} cases, ${fc.episodes} episodes (${fc.notOutOfFamily} daytime or under five nights, ` +
      `${fc.correctedEpisodes} with a corrected start), ${fc.casesWithStay} cases of minors also in a structure, ${fc.historyRows} history rows; ` +
      `planned ${fc.meanPresent.toFixed(0)} out of family on an ordinary day (${fc.meanInBoth.toFixed(0)} also in a structure); ` +
      fc.presentOn
        .map((p) => `on ${p.day} ${p.fosterCare} (${p.alsoInStructure} also in a structure)`)
        .join(", "),
  );
} else {
  const c = counts[0];
  log(
    `base: ${c.minors} minors (vault rows ${c.vault}), ${c.structures} structures, ${c.stays} stays, ${c.history} history rows, ` +
      `${c.fosterHistory} foster care history rows`,
  );
}
log(`database size: ${(bytes / 1024 / 1024).toFixed(0)} MB`);

/** Records every statement the engine runs, with its time, for --explain. */
const statements: { query: SQL; ms: number; plan?: string }[] = [];
/** While set, each traced statement is also explained where it ran (same transaction and settings). */
let explainTraced = false;
function traced<T extends object>(executor: T): T {
  return new Proxy(executor, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      // The engine runs its statements in a transaction (or a savepoint): trace inside it too.
      if (property === "transaction")
        return (work: (tx: object) => unknown, config?: unknown) =>
          (value as (w: (tx: object) => unknown, c?: unknown) => unknown).call(
            target,
            (tx: object) => work(traced(tx)),
            config,
          );
      if (property !== "execute") return value;
      return async (query: SQL) => {
        const started = performance.now();
        const result = await (value as (q: SQL) => Promise<unknown>).call(target, query);
        const ms = performance.now() - started;
        if (/^set local/i.test(new PgDialect().sqlToQuery(query).sql)) return result;
        const plan = explainTraced
          ? (
              (await (value as (q: SQL) => Promise<unknown>).call(
                target,
                sql`explain (analyze, buffers) ${query}`,
              )) as { rows: { "QUERY PLAN": string }[] }
            ).rows
              .map((row) => row["QUERY PLAN"])
              .join("\n")
          : undefined;
        statements.push({ query, ms, plan });
        return result;
      };
    },
  });
}
const tracing = traced(db) as Database;

const context = {
  keyring,
  subject: { system: true as const, label: "bench" },
  regionCode,
  clock: systemClock,
};
const cases: { request: ReportRequest; table: string; day: string; options: StockOptions }[] = [
  {
    request: { id: "ministry-survey", parameters: { year }, scope: { kind: "region" } },
    table: "stock-by-setting",
    day: yearEnd,
    options: { excludeMsna: true, byAgeClass: false },
  },
  {
    request: { id: "out-of-family-stock", parameters: { date: lastMonthEnd }, scope: { kind: "region" } },
    table: "by-setting-age-class",
    day: lastMonthEnd,
    options: { excludeMsna: false, byAgeClass: true },
  },
];
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const timed = async <T>(work: () => Promise<T>) => {
  const started = performance.now();
  const result = await work();
  return { result, ms: performance.now() - started };
};

const lines: string[] = [];
const checks: string[] = [];
const populations: string[] = [];
for (const item of cases) {
  const engine = () => computeReport(db, context, item.request);
  const handwritten = () => handwrittenStock(db, item.day, item.options);
  for (let index = 0; index < warmup; index++) {
    await engine();
    await handwritten();
  }
  const engineTimes: number[] = [];
  const handwrittenTimes: number[] = [];
  let report: ReportResult | undefined;
  let rows: Awaited<ReturnType<typeof handwritten>> = [];
  // Interleaved, so that both see the same load of a shared machine.
  for (let index = 0; index < runs; index++) {
    const a = await timed(engine);
    engineTimes.push(a.ms);
    report = a.result;
    const b = await timed(handwritten);
    handwrittenTimes.push(b.ms);
    rows = b.result;
  }
  const table = report?.tables.find((candidate) => candidate.id === item.table);
  const dimensions = item.options.byAgeClass ? ["setting", "ageClass"] : ["setting"];
  const found = table ? differences(table.rows, rows, dimensions) : [`the engine has no table ${item.table}`];
  const total = rows.reduce((sum, row) => sum + row.count, 0);
  const totalOf = (id: string) => report?.tables.find((candidate) => candidate.id === id)?.total ?? "-";
  const cellOf = (id: string, column: string, value: string) =>
    report?.tables.find((candidate) => candidate.id === id)?.rows.find((row) => row[column] === value)
      ?.count ?? "-";
  const bySetting = (id: string) =>
    `${cellOf(id, "setting", "residential")} in structures, ${cellOf(id, "setting", "foster-care")} in foster care`;
  const inBoth = cellOf("data-quality", "issue", "in-both-settings");
  populations.push(
    item.request.id === "ministry-survey"
      ? `${item.request.id} on ${item.day}: ${totalOf("stock-by-setting")} minors out of family without MSNA (${bySetting("stock-by-setting")}), ` +
          `${totalOf("stock-msna-by-age-class-sex")} MSNA in structures, ${inBoth} persons in both settings, ` +
          `${totalOf("stock-young-adults-by-sex-citizenship-group")} aged 18-21 in structures; ${totalOf("foster-ends-by-outcome")} foster care ends in ${year}`
      : `${item.request.id} on ${item.day}: ${totalOf("by-setting")} minors out of family (${bySetting("by-setting")}; ` +
          `${cellOf("by-citizenship-group", "citizenshipGroup", "msna")} MSNA), ${inBoth} persons in both settings, ` +
          `${totalOf("young-adults-by-setting-sex")} aged 18-21`,
  );
  checks.push(
    found.length === 0
      ? `${item.request.id} ${item.table} on ${item.day}: same counts from the engine and the hand-written query (total ${total})`
      : `${item.request.id} ${item.table} on ${item.day}: DIFFERENT counts — ${found.join("; ")}`,
  );
  const [engineMedian, handMedian] = [percentile(engineTimes, 50), percentile(handwrittenTimes, 50)];
  lines.push(
    `${`${item.request.id} (${item.day})`.padEnd(36)} ${engineMedian.toFixed(1).padStart(9)} ${percentile(engineTimes, 95).toFixed(1).padStart(9)}` +
      ` ${handMedian.toFixed(1).padStart(14)} ${percentile(handwrittenTimes, 95).toFixed(1).padStart(9)} ${(engineMedian / handMedian).toFixed(2).padStart(7)}`,
  );
}
log(`\n${runs} runs each after ${warmup} warm-up runs, interleaved; times in ms`);
log(
  `${"report".padEnd(36)} ${"engine_ms".padStart(9)} ${"p95".padStart(9)} ${"handwritten_ms".padStart(14)} ${"p95".padStart(9)} ${"ratio".padStart(7)}`,
);
for (const line of lines) log(line);
for (const check of [...checks, ...populations]) log(check);

const explain = async (query: SQL) =>
  (await queryRows<{ "QUERY PLAN": string }>(db, sql`explain (analyze, buffers) ${query}`))
    .map((row) => row["QUERY PLAN"])
    .join("\n");
if (flag("explain")) {
  for (const item of cases) {
    statements.length = 0;
    explainTraced = true;
    await computeReport(tracing, context, item.request);
    explainTraced = false;
    log(
      `\n${item.request.id}: ${statements.length} statements, ${statements.map((s) => `${s.ms.toFixed(1)} ms`).join(", ")}`,
    );
    const slowest = statements.reduce((a, b) => (b.ms > a.ms ? b : a));
    // Every statement, parameters written in, for trying indexes or rewrites by hand (psql -f).
    statements.forEach((statement, index) => {
      const { sql: text, params } = new PgDialect().sqlToQuery(statement.query);
      const literal = (value: unknown) =>
        value === null ? "null" : `'${String(value).replaceAll("'", "''")}'`;
      const file = path.join(os.tmpdir(), `sirmi-bench-reports-${item.request.id}-${index + 1}.sql`);
      fs.writeFileSync(file, `${text.replace(/\$(\d+)\b/g, (_, n) => literal(params[Number(n) - 1]))};\n`);
    });
    log(
      `engine statements written to ${path.join(os.tmpdir(), `sirmi-bench-reports-${item.request.id}-*.sql`)}`,
    );
    log(`engine, slowest statement (explained in the engine's transaction):\n${slowest.plan}`);
    log(`hand-written query:\n${await explain(handwrittenStockSql(item.day, item.options))}`);
  }
}
await bench.close();
