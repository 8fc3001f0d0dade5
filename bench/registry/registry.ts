/**
 * The registry of minors at scale: a synthetic registry (faker, Italian locale, minors without a
 * fiscal code, near-duplicates) bulk-loaded into the vault, then measured:
 *   fiscal-code lookup p50/p99, candidate search p50/p99, resolutions per second, and the
 *   precision/recall of duplicate detection on a sample of the generated near-duplicates.
 * Baselines in the same run: a primary-key read of one row (for the lookups) and a one-row insert
 * in its own transaction (for resolutions).
 * Run: npx tsx bench/registry/registry.ts [--size 1200000] [--sample 1000]
 *      PostgreSQL when DATABASE_URL is set (the database is emptied first), PGlite otherwise.
 */
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { queryRows } from "../../src/db/database.ts";
import { openDatabase } from "../../src/db/open-database.ts";
import { identityIndex, identityVault, minor } from "../../src/db/schema/index.ts";
import type { MinorIdentity } from "../../src/domain/registry/minor-identity.ts";
import { todayInRome } from "../../src/domain/time/calendar.ts";
import { bindAuditKeys } from "../../src/server/core/audit-chain.ts";
import { generateKeyringFile, keyringOf } from "../../src/server/core/vault-keys.ts";
import {
  fiscalCodeDigest,
  indexEntriesOf,
  type StoredIdentity,
  sealIdentity,
} from "../../src/server/features/registry/identity-vault.ts";
import { newPseudonym } from "../../src/server/features/registry/pseudonym.ts";
import { findMinorsByIndex } from "../../src/server/features/registry/registry.queries.ts";
import { BatchMinorResolver } from "../../src/server/features/registry/resolve-minors-batch.ts";
import { resolveIdentity } from "../../test/support/registry-fixtures.ts";
import { generateSyntheticRegistry, precisionRecall, type SyntheticMinor } from "./synthetic-registry.ts";

const argument = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const size = argument("size", 200_000);
const sample = argument("sample", 1000);
const databaseUrl = process.env.DATABASE_URL;
const folder = databaseUrl ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), "sirmi-bench-registry-"));
const handle = databaseUrl
  ? await openDatabase({ kind: "postgres", url: databaseUrl })
  : await openDatabase({ kind: "pglite", dataDir: folder });
await handle.migrate();
const db = handle.db;
const [{ existing }] = await queryRows<{ existing: number }>(
  db,
  sql`select count(*)::int as existing from minor`,
);
if (existing > 0) {
  // Stay events are append-only, so an old run is not emptied here: give a new database.
  console.error("The benchmark needs an empty database (for example: createdb sirmi_bench_registry).");
  process.exit(2);
}
const keyring = keyringOf(generateKeyringFile());
bindAuditKeys(db, keyring);
const today = todayInRome();

const identityOf = (record: SyntheticMinor): StoredIdentity => ({
  fiscalCode: record.fiscalCode ?? undefined,
  familyName: record.familyName,
  givenName: record.givenName,
  sex: record.sex,
  birthDate: record.birthDate,
  birthPlace: record.birthPlace,
  citizenship: record.citizenship,
});
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};
const timeEach = async (count: number, work: (index: number) => Promise<unknown>) => {
  const times: number[] = [];
  for (let index = 0; index < count; index++) {
    const started = performance.now();
    await work(index);
    times.push(performance.now() - started);
  }
  return {
    p50: percentile(times, 50),
    p99: percentile(times, 99),
    mean: times.reduce((a, b) => a + b, 0) / times.length,
  };
};

// 1. Bulk load: originals straight into the vault; near-duplicates held back to be resolved.
const minorOfRecord = new Map<number, string>();
const recordOfMinor = new Map<string, number>();
const nearDuplicates: SyntheticMinor[] = [];
const loaded: SyntheticMinor[] = [];
let batch: SyntheticMinor[] = [];
const loadStarted = performance.now();
const flush = async () => {
  if (batch.length === 0) return;
  const minors = batch.map((record) => ({ record, id: randomUUID() }));
  await db.transaction(async (tx) => {
    await tx.insert(minor).values(
      minors.map(({ record, id }) => ({
        id,
        pseudonym: newPseudonym(),
        sex: record.sex,
        birthYearMonth: record.birthDate.slice(0, 7),
        citizenship: record.citizenship,
      })),
    );
    await tx
      .insert(identityVault)
      .values(minors.map(({ record, id }) => sealIdentity(keyring, id, identityOf(record))));
    await tx
      .insert(identityIndex)
      .values(
        minors.flatMap(({ record, id }) =>
          indexEntriesOf(keyring, identityOf(record)).map((entry) => ({ ...entry, minorId: id })),
        ),
      )
      .onConflictDoNothing();
  });
  for (const { record, id } of minors) {
    minorOfRecord.set(record.recordId, id);
    recordOfMinor.set(id, record.recordId);
  }
  batch = [];
};
for (const record of generateSyntheticRegistry({ size, seed: 42, referenceDate: today })) {
  if (record.duplicateOf !== null) {
    nearDuplicates.push(record);
    continue;
  }
  batch.push(record);
  if (loaded.length < 20_000) loaded.push(record);
  if (batch.length === 1000) await flush();
}
await flush();
// After a bulk load the planner needs fresh statistics, as autovacuum would give it later.
await db.execute(sql`analyze`);
const loadSeconds = (performance.now() - loadStarted) / 1000;
const [{ count: minors }] = await queryRows<{ count: number }>(
  db,
  sql`select count(*)::int as count from minor`,
);

// 2. Lookups by fiscal code, and the primary-key baseline.
const withCode = loaded.filter((record) => record.fiscalCode);
const lookup = await timeEach(sample, (index) =>
  findMinorsByIndex(db, "fiscal-code", [
    fiscalCodeDigest(keyring, withCode[(index * 7919) % withCode.length].fiscalCode as string),
  ]),
);
const ids = [...minorOfRecord.values()];
const primaryKey = await timeEach(sample, (index) =>
  queryRows(db, sql`select * from minor where id = ${ids[(index * 104_729) % ids.length]}`),
);

// 3. Candidate search on names, birth date and sex: a batch of one read and decided, nothing written.
const candidates = await timeEach(sample, async (index) => {
  const { fiscalCode: _, ...named } = identityOf(loaded[(index * 6151) % loaded.length]);
  const identity = named as MinorIdentity;
  const resolver = await BatchMinorResolver.digest(keyring, today, [identity]).read(db);
  return resolver.resolve(identity);
});

// 4. Resolutions per second (new children), against one-row inserts each in its own transaction.
const fresh = [
  ...generateSyntheticRegistry({ size: sample, seed: 7, referenceDate: today, nearDuplicateShare: 0 }),
].map((record) => ({
  ...record,
  familyName: `${record.familyName}x`,
  fiscalCode: null,
}));
let started = performance.now();
for (const record of fresh) {
  await resolveIdentity(db, identityOf(record) as MinorIdentity, { keyring, today });
}
const resolutionsPerSecond = fresh.length / ((performance.now() - started) / 1000);
started = performance.now();
for (let index = 0; index < fresh.length; index++) {
  await db.transaction((tx) =>
    tx.insert(minor).values({ id: randomUUID(), pseudonym: newPseudonym(), sex: "M" }),
  );
}
const insertsPerSecond = fresh.length / ((performance.now() - started) / 1000);

// 5. Duplicate detection on a sample of near-duplicates: linked or queued with the original.
const tested = nearDuplicates.slice(0, sample);
const predicted: [number, number][] = [];
for (const record of tested) {
  const resolved = await resolveIdentity(db, identityOf(record) as MinorIdentity, { keyring, today });
  if (resolved.outcome === "linked") {
    predicted.push([record.recordId, recordOfMinor.get(resolved.minorId) ?? -1]);
  } else {
    recordOfMinor.set(resolved.minorId, record.recordId);
    const partners = await queryRows<{ other: string }>(
      db,
      sql`select case when first_minor_id = ${resolved.minorId} then second_minor_id else first_minor_id end as other
          from duplicate_review where ${resolved.minorId} in (first_minor_id, second_minor_id)`,
    );
    for (const partner of partners) predicted.push([record.recordId, recordOfMinor.get(partner.other) ?? -1]);
  }
}
const truth = tested.map((record) => [record.recordId, record.duplicateOf as number] as const);
const quality = precisionRecall(truth, predicted);
const byPerturbation = new Map<string, { found: number; total: number }>();
for (const record of tested) {
  const entry = byPerturbation.get(record.perturbation ?? "") ?? { found: 0, total: 0 };
  entry.total++;
  if (predicted.some(([a, b]) => a === record.recordId && b === record.duplicateOf)) entry.found++;
  byPerturbation.set(record.perturbation ?? "", entry);
}

const ms = (value: number) => `${value.toFixed(2)} ms`;
console.log(
  `database: ${handle.kind}; registry: ${minors} minors loaded in ${loadSeconds.toFixed(0)} s (${size} generated, ${nearDuplicates.length} near-duplicates held back)`,
);
console.log(
  `fiscal-code lookup: p50 ${ms(lookup.p50)}, p99 ${ms(lookup.p99)}  | baseline primary-key read p50 ${ms(primaryKey.p50)}, p99 ${ms(primaryKey.p99)}  | ratio p99 ${(lookup.p99 / primaryKey.p99).toFixed(2)}`,
);
console.log(
  `candidate search: p50 ${ms(candidates.p50)}, p99 ${ms(candidates.p99)}  | ratio p99 to primary-key read ${(candidates.p99 / primaryKey.p99).toFixed(2)}`,
);
console.log(
  `resolutions: ${resolutionsPerSecond.toFixed(0)}/s  | baseline one-row insert per transaction ${insertsPerSecond.toFixed(0)}/s  | ratio ${(resolutionsPerSecond / insertsPerSecond).toFixed(3)}`,
);
console.log(
  `duplicate detection on ${tested.length} near-duplicates: precision ${quality.precision.toFixed(3)}, recall ${quality.recall.toFixed(3)} (TP ${quality.truePositives}, FP ${quality.falsePositives}, FN ${quality.falseNegatives})`,
);
console.log(
  `recall by perturbation: ${[...byPerturbation].map(([kind, entry]) => `${kind} ${entry.found}/${entry.total}`).join(", ")}`,
);
await handle.close();
if (folder) fs.rmSync(folder, { recursive: true, force: true });
