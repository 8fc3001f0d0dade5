/**
 * The SINBA flow's costs, each against a baseline measured in the same run:
 * 1. records built and serialised per second: --cases generated cases (test/support/sinba-case-generator.ts)
 *    through buildSinbaRecord and serialiseSinbaFlow, against serialising the same, already built
 *    records from plain objects with the same XML library (fast-xml-parser's XMLBuilder);
 * 2. XSD validations per second (libxml2-wasm, SINBA.xsd) of --validations of those flows;
 * 3. the INPS e-service's read (GET /flussi): the flows after a sequence, for the enti INPS may read,
 *    chronological, 100 a page — `where sequence > $1 and service_organisation_id in (...) order by
 *    sequence limit 100` — p50/p99 over --reads pages at random sequences, with --flows rows in
 *    sinba_flow (bulk-inserted in SQL with generate_series, each a copy of one real flow), against a
 *    primary-key read of one flow; printed with its EXPLAIN.
 * Run: npx tsx bench/sinba/sinba.ts [--cases 100000] [--validations 10000] [--flows 1000000] [--reads 1000]
 * (PostgreSQL when DATABASE_URL is set, PGlite otherwise).
 */
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import fc from "fast-check";
import { XMLBuilder } from "fast-xml-parser";
import { queryRows } from "../../src/db/database.ts";
import { openDatabase } from "../../src/db/open-database.ts";
import { loadReferenceData } from "../../src/db/seed/reference-data.ts";
import { buildSinbaRecord, type SinbaRecord, sinbaAttributeOrder } from "../../src/domain/sinba/index.ts";
import { bindAuditKeys } from "../../src/server/core/audit-chain.ts";
import { generateKeyringFile, keyringOf } from "../../src/server/core/vault-keys.ts";
import { createOrganisation } from "../../src/server/features/access/users.service.ts";
import { idFlussoOf } from "../../src/server/features/sinba/sinba-flows.producer.ts";
import {
  type SinbaSender,
  serialiseSinbaFlow,
  sinbaNamespace,
} from "../../src/server/features/sinba/sinba-xml.ts";
import { validateAgainstXsd } from "../../src/server/features/sinba/xsd-validation.ts";
import { arbitrarySinbaCase } from "../../test/support/sinba-case-generator.ts";

const option = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const caseCount = option("cases", 100_000);
const validationCount = option("validations", 10_000);
const flowCount = option("flows", 1_000_000);
const reads = option("reads", 1_000);
const day = "2026-11-21";
const sender: SinbaSender = {
  code: "SST-BENCH",
  name: "Servizio sociale di prova",
  belfiore: "D612",
  taxCode: "01307110484",
};
const seconds = (started: number) => (performance.now() - started) / 1000;
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;

// 1. Build and serialise. The cases are drawn before the clock starts (fixed seed: the same cases each run).
const inputs = fc.sample(arbitrarySinbaCase({ complete: true }), { numRuns: caseCount, seed: 14 });
let started = performance.now();
const records: SinbaRecord[] = [];
const flows: string[] = [];
for (const [index, generated] of inputs.entries()) {
  const result = buildSinbaRecord(generated.input);
  if (!result.ok) continue;
  records.push(result.record);
  flows.push(serialiseSinbaFlow(idFlussoOf(sender.belfiore, day, index + 1), sender, [result.record]));
}
const buildSeconds = seconds(started);

// Baseline: the same records, already built, as plain objects in the document's shape, through the
// same library with the same options.
const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  suppressEmptyNode: true,
});
const plain = records.map((record, index) => {
  const attributes: Record<string, string> = {};
  for (const name of sinbaAttributeOrder)
    if (record[name] !== undefined) attributes[`@_${name}`] = record[name];
  return {
    "?xml": { "@_version": "1.0", "@_encoding": "UTF-8" },
    Flusso: {
      "@_xmlns": sinbaNamespace,
      IdentificazioneFlusso: {
        "@_Nome": idFlussoOf(sender.belfiore, day, index + 1),
        Ente: {
          "@_Codice": sender.code,
          "@_Denominazione": sender.name,
          "@_Indirizzo": sender.belfiore,
          "@_CFOperatore": sender.taxCode,
        },
      },
      SINBA: [
        {
          ...attributes,
          Prestazioni: { CodicePrestazione: record.Prestazioni },
          Famiglia: { ComposizioneFamiglia: record.ComposizioneFamiglia },
        },
      ],
    },
  };
});
started = performance.now();
let baselineBytes = 0;
for (const document of plain) baselineBytes += (builder.build(document) as string).length;
const baselineSeconds = seconds(started);
const buildRate = records.length / buildSeconds;
const baselineRate = plain.length / baselineSeconds;
console.log(
  `cases: ${inputs.length} generated, ${records.length} records (${flows.length} flows, ${baselineBytes} bytes in the baseline)`,
);
console.log(
  `buildSinbaRecord + serialiseSinbaFlow: ${buildRate.toFixed(0)} records/s (ratio to baseline ${(buildRate / baselineRate).toFixed(4)})`,
);
console.log(
  `baseline, XMLBuilder.build of the same records as plain objects: ${baselineRate.toFixed(0)} records/s`,
);

// 2. XSD validation.
const toValidate = flows.slice(0, validationCount);
started = performance.now();
let valid = 0;
for (const xml of toValidate) if (validateAgainstXsd(xml, "sinba").ok) valid += 1;
const validationRate = toValidate.length / seconds(started);
console.log(
  `validateAgainstXsd (SINBA.xsd): ${validationRate.toFixed(0)} validations/s (${valid} of ${toValidate.length} valid; ratio to the baseline's serialisations ${(validationRate / baselineRate).toFixed(4)})`,
);

// 3. The e-service's read on --flows stored flows.
const databaseUrl = process.env.DATABASE_URL;
const handle = databaseUrl
  ? await openDatabase({ kind: "postgres", url: databaseUrl })
  : await openDatabase({ kind: "pglite" });
await handle.migrate();
await loadReferenceData(handle.db);
const db = handle.db;
bindAuditKeys(db, keyringOf(generateKeyringFile()));
const system = { system: true as const, label: "bench" };
const tag = Date.now().toString(36);
const services: string[] = [];
for (let index = 0; index < 10; index++)
  services.push(
    (
      await createOrganisation(db, system, {
        code: `SST-S${tag}-${index}`,
        name: `Servizio sociale di prova ${index + 1}`,
        kind: "social-service",
        fiscalCode: null,
      })
    ).id,
  );
// One case per service (the flows' owners): the read never looks at the case, only at its key.
const cases: string[] = [];
for (const [index, service] of services.entries()) {
  const minorId = randomUUID();
  const caseId = randomUUID();
  await db.execute(
    sql`insert into minor (id, pseudonym, sex) values (${minorId}, ${`MB${tag}${index}`}, 'F')`,
  );
  await db.execute(sql`insert into social_case (id, minor_id, service_organisation_id, status, opened_on, projection)
    values (${caseId}, ${minorId}, ${service}, 'open', ${day}, '{}'::jsonb)`);
  cases.push(caseId);
}
const xml = flows[0] as string;
const record = JSON.stringify(records[0]);
started = performance.now();
const [before] = await queryRows<{ count: number }>(db, sql`select count(*)::int as count from sinba_flow`);
for (let from = 1; from <= flowCount; from += 100_000) {
  const to = Math.min(flowCount, from + 99_999);
  await db.execute(sql`insert into sinba_flow (id, id_flusso, service_organisation_id, case_id, reason, reference_day,
      record, record_digest, xml)
    select gen_random_uuid(), ${`B${tag}.SINBA.`} || lpad(i::text, 8, '0'),
      (${sql.raw(`array[${services.map((id) => `'${id}'::uuid`).join(",")}]`)})[1 + i % 10],
      (${sql.raw(`array[${cases.map((id) => `'${id}'::uuid`).join(",")}]`)})[1 + i % 10],
      'opened', ${day}::date, ${record}::jsonb, md5(i::text), ${xml}
    from generate_series(${from}::int, ${to}::int) as i`);
}
await db.execute(sql`analyze sinba_flow`);
const loadSeconds = seconds(started);
const [bounds] = await queryRows<{ min: number; max: number; count: number }>(
  db,
  sql`select min(sequence)::int as min, max(sequence)::int as max, count(*)::int as count from sinba_flow`,
);
console.log(
  `database: ${handle.kind}; sinba_flow: ${bounds?.count} rows (${(bounds?.count ?? 0) - (before?.count ?? 0)} bulk-inserted in ${loadSeconds.toFixed(1)} s, each a copy of one ${xml.length}-character flow)`,
);
// INPS reads the enti it is scoped to: three of the ten services.
const readable = sql.join(
  services.slice(0, 3).map((id) => sql`${id}::uuid`),
  sql`, `,
);
const page = (after: number) =>
  sql`select id, sequence, id_flusso, xml, recorded_at from sinba_flow
      where sequence > ${after} and service_organisation_id in (${readable})
      order by sequence limit 100`;
const low = bounds?.min ?? 0;
const high = bounds?.max ?? 0;
// A fixed sequence of offsets (not Math.random): the same pages each run.
const offsets = fc.sample(fc.integer({ min: low - 1, max: high }), { numRuns: reads, seed: 15 });
for (const after of offsets.slice(0, 20)) await queryRows(db, page(after));
const pageTimes: number[] = [];
let returned = 0;
for (const after of offsets) {
  const start = performance.now();
  returned += (await queryRows(db, page(after))).length;
  pageTimes.push(performance.now() - start);
}
const ids = await queryRows<{ id: string }>(
  db,
  sql`select id from sinba_flow order by sequence limit ${reads}`,
);
const keyTimes: number[] = [];
for (const { id } of ids) {
  const start = performance.now();
  await queryRows(db, sql`select id, sequence, id_flusso, xml, recorded_at from sinba_flow where id = ${id}`);
  keyTimes.push(performance.now() - start);
}
pageTimes.sort((a, b) => a - b);
keyTimes.sort((a, b) => a - b);
const plan = await queryRows<Record<string, string>>(
  db,
  sql`explain analyze ${page(Math.floor((low + high) / 2))}`,
);
console.log(
  "e-service read (the SQL GET /api/inps-waas/v1/flussi would run: the route is not on this branch), 100 a page after a random sequence, 3 of 10 enti:",
);
console.log(
  `  p50 ${percentile(pageTimes, 50).toFixed(2)} ms, p99 ${percentile(pageTimes, 99).toFixed(2)} ms over ${pageTimes.length} pages (${returned} flows read); ratio of p99 to the baseline's p99 ${(percentile(pageTimes, 99) / percentile(keyTimes, 99)).toFixed(2)}`,
);
console.log(
  `baseline, primary-key read of one flow: p50 ${percentile(keyTimes, 50).toFixed(2)} ms, p99 ${percentile(keyTimes, 99).toFixed(2)} ms over ${keyTimes.length} reads`,
);
console.log("EXPLAIN ANALYZE of one page:");
for (const row of plan) console.log(`  ${Object.values(row)[0]}`);
await handle.close();
