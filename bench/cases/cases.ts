/**
 * The case file's costs, each against a baseline measured in the same run:
 * 1. case events per second through the one case pipeline (validation, identity resolution of the
 *    openings, decision, projection, audit) — one event per transaction and batches of 500 as the
 *    services' software sends them — against a raw multi-row INSERT of as many rows into case_event;
 * 2. the case page's timeline (the service's read of a case with every stay of the child), p50 and
 *    p99, on a base of --cases cases and --minors minors, against a primary-key read of the case row.
 * Run: npx tsx bench/cases/cases.ts [--template 500] [--cases 100000] [--minors 1200000] [--reads 1000]
 * (PostgreSQL when DATABASE_URL is set, PGlite otherwise).
 */
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { queryRows } from "../../src/db/database.ts";
import { openDatabase } from "../../src/db/open-database.ts";
import { loadReferenceData } from "../../src/db/seed/reference-data.ts";
import { addDays } from "../../src/domain/time/calendar.ts";
import type { Actor } from "../../src/server/core/actor.ts";
import { bindAuditKeys } from "../../src/server/core/audit-chain.ts";
import { generateKeyringFile, keyringOf } from "../../src/server/core/vault-keys.ts";
import { createOrganisation } from "../../src/server/features/access/users.service.ts";
import { recordClientCaseEvents } from "../../src/server/features/cases/record-case-events.ts";
import { getCaseTimeline } from "../../src/server/features/cases/timeline.service.ts";
import { type EventSource, ingestEvents } from "../../src/server/features/stays/index.ts";
import { type CaseEventOf, generateCaseHistory } from "../../test/support/case-history-generator.ts";
import { admissionEvent, createActiveStructures, simpleEvent } from "../../test/support/stay-fixtures.ts";
import { copyCaseBase } from "./case-base.ts";

const option = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const templateCases = option("template", 500);
const baseCases = option("cases", 100_000);
const baseMinors = option("minors", 1_200_000);
const reads = option("reads", 1_000);
// A fixed day after every generated fact: the figures do not depend on the calendar.
const today = "2026-11-21";
const now = new Date(`${today}T10:00:00Z`);

const databaseUrl = process.env.DATABASE_URL;
const handle = databaseUrl
  ? await openDatabase({ kind: "postgres", url: databaseUrl })
  : await openDatabase({ kind: "pglite" });
await handle.migrate();
await loadReferenceData(handle.db);
const db = handle.db;
const keyring = keyringOf(generateKeyringFile());
bindAuditKeys(db, keyring);
const system = { system: true as const, label: "bench" };
const tag = Date.now().toString(36);
const services: Awaited<ReturnType<typeof createOrganisation>>[] = [];
for (let index = 0; index < 10; index++) {
  services.push(
    await createOrganisation(db, system, {
      code: `SST-B${tag}-${index}`,
      name: `Servizio sociale di prova ${index + 1}`,
      kind: "social-service",
      fiscalCode: null,
    }),
  );
}
const structureCodes = Array.from({ length: 20 }, (_, index) => `ST${String(800_000 + index)}`);
await createActiveStructures(db, structureCodes, 60).catch(() => undefined);

// The template's case files, as a service's software sends them: seeds of 20 cases each.
const events: CaseEventOf[] = [];
for (let seed = 1; events.filter((event) => event.type === "case-opened").length < templateCases; seed++) {
  const remaining = templateCases - events.filter((event) => event.type === "case-opened").length;
  events.push(...generateCaseHistory(seed, { cases: Math.min(20, remaining) }).events);
}
const client = { id: randomUUID(), serviceId: services[0].id, serviceCode: services[0].code };
const context = { today, now, keyring };
const openings = events.flatMap((event, index) => (event.type === "case-opened" ? [index] : []));
const half = openings[Math.floor(openings.length / 2)];
let started = performance.now();
let singleAccepted = 0;
for (const event of events.slice(0, half)) {
  const [result] = await recordClientCaseEvents(db, context, client, [event]);
  if (result.status === "accepted") singleAccepted += 1;
}
const singleSeconds = (performance.now() - started) / 1000;
started = performance.now();
let batchAccepted = 0;
for (let start = half; start < events.length; start += 500) {
  const results = await recordClientCaseEvents(db, context, client, events.slice(start, start + 500));
  batchAccepted += results.filter((result) => result.status === "accepted").length;
}
const batchSeconds = (performance.now() - started) / 1000;

// Baseline: as many rows into the same table, raw, 500 per statement.
const baselineRows = events.map((event) => ({ ...event, id: randomUUID() }));
started = performance.now();
for (let start = 0; start < baselineRows.length; start += 500) {
  const chunk = baselineRows.slice(start, start + 500);
  await db.execute(sql`insert into case_event (id, source_kind, source_id, content_digest, status, type, case_id,
      occurred_on, payload, warnings, errors)
    values ${sql.join(
      chunk.map(
        (row) =>
          sql`(${row.id}, 'client', ${client.id}, 'x', 'accepted', ${row.type}, ${row.caseId}, ${String((row as CaseEventOf).occurredOn)}, ${JSON.stringify(row)}::jsonb, '[]'::jsonb, '[]'::jsonb)`,
      ),
      sql`, `,
    )}`);
}
const baselineSeconds = (performance.now() - started) / 1000;
// The baseline's rows belong to no case the bench reads: they go, and the table keeps its shape.
await db.execute(sql`alter table case_event disable trigger case_event_append_only`);
await db.execute(sql`delete from case_event where content_digest = 'x'`);
await db.execute(sql`alter table case_event enable trigger case_event_append_only`);

const singleRate = singleAccepted / singleSeconds;
const batchRate = batchAccepted / batchSeconds;
const baselineRate = baselineRows.length / baselineSeconds;
console.log(
  `database: ${handle.kind}; case events: ${events.length} (${singleAccepted + batchAccepted} accepted), ${openings.length} cases`,
);
console.log(
  `pipeline, one event per transaction: ${singleRate.toFixed(0)} events/s (ratio to baseline ${(singleRate / baselineRate).toFixed(4)})`,
);
console.log(
  `pipeline, batches of 500 in one transaction: ${batchRate.toFixed(0)} events/s (ratio to baseline ${(batchRate / baselineRate).toFixed(4)})`,
);
console.log(
  `baseline, raw multi-row INSERT of the same rows (500 per statement): ${baselineRate.toFixed(0)} rows/s`,
);

// The children's stays, through the ASMI pipeline: every one admitted, some away and back (one
// absence voided), some discharged and admitted again elsewhere.
const stayEvents = events
  .filter((event) => event.type === "case-opened")
  .flatMap((event, index) => {
    const minor = (event.opening as { minor: object }).minor;
    const code = structureCodes[index % structureCodes.length];
    const ref = `B${tag}-${index}`;
    const admitted = addDays(event.occurredOn as string, 25);
    const facts: object[] = [admissionEvent(code, ref, admitted, minor)];
    if (index % 2 === 0) {
      facts.push(
        simpleEvent("absence-start", code, ref, addDays(admitted, 10), { absence: { kind: "ran-away" } }),
      );
      facts.push(simpleEvent("absence-end", code, ref, addDays(admitted, 12)));
      const voided = simpleEvent("absence-start", code, ref, addDays(admitted, 14), {
        absence: { kind: "hospital" },
      });
      facts.push(voided, simpleEvent("void", code, ref, addDays(admitted, 14), { voids: voided.id }));
    }
    if (index % 3 === 0) {
      const next = structureCodes[(index + 1) % structureCodes.length];
      facts.push(
        simpleEvent("discharge", code, ref, addDays(admitted, 20), {
          discharge: { reason: "transferred", destination: "other-residential" },
        }),
        admissionEvent(next, `${ref}-2`, addDays(admitted, 21), minor),
      );
    }
    return facts;
  });
const structureSource: EventSource = {
  kind: "client",
  id: randomUUID(),
  subject: system,
  mayWrite: () => true,
};
for (let start = 0; start < stayEvents.length; start += 500) {
  await ingestEvents(db, { keyring, today }, structureSource, stayEvents.slice(start, start + 500));
}

started = performance.now();
await copyCaseBase(db, {
  cases: baseCases,
  minors: baseMinors,
  serviceIds: services.map((service) => service.id),
  progress: (line) => process.stderr.write(`${line}\n`),
});
const loadSeconds = (performance.now() - started) / 1000;
const [base] = await queryRows<{
  cases: number;
  minors: number;
  stays: number;
  stayEvents: number;
  caseEvents: number;
}>(
  db,
  sql`select (select count(*)::int from social_case) as cases, (select count(*)::int from minor) as minors,
      (select count(*)::int from stay) as stays, (select count(*)::int from stay_event) as "stayEvents",
      (select count(*)::int from case_event) as "caseEvents"`,
);
console.log(
  `base: ${base.cases} cases, ${base.minors} minors, ${base.stays} stays, ${base.stayEvents} stay events, ${base.caseEvents} case events (copied in ${loadSeconds.toFixed(0)} s)`,
);

// The reads: random cases, each read by an operator of the case's service.
const sample = await queryRows<{ id: string; serviceId: string }>(
  db,
  sql`select id, service_organisation_id as "serviceId" from social_case order by md5(id::text) limit ${reads}`,
);
const actorOf = (serviceId: string): Actor => {
  const service = services.find((candidate) => candidate.id === serviceId) ?? services[0];
  return {
    userId: randomUUID(),
    username: "bench",
    displayName: "Operatore di prova",
    membershipId: randomUUID(),
    organisationId: service.id,
    organisationCode: service.code,
    organisationName: service.name,
    organisationKind: "social-service",
    role: "service-operator",
    structureId: null,
  };
};
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
let entries = 0;
for (const row of sample.slice(0, 50)) await getCaseTimeline(db, actorOf(row.serviceId), row.id);
const timings: number[] = [];
for (const row of sample) {
  const start = performance.now();
  const timeline = await getCaseTimeline(db, actorOf(row.serviceId), row.id);
  timings.push(performance.now() - start);
  entries += timeline.entries.length;
}
const baselineTimings: number[] = [];
for (const row of sample) {
  const start = performance.now();
  await queryRows(db, sql`select projection from social_case where id = ${row.id}`);
  baselineTimings.push(performance.now() - start);
}
const p50 = percentile(timings, 50);
const p99 = percentile(timings, 99);
const baselineP50 = percentile(baselineTimings, 50);
const baselineP99 = percentile(baselineTimings, 99);
console.log(
  `case timeline, ${sample.length} reads (${(entries / sample.length).toFixed(1)} entries each): p50 ${p50.toFixed(2)} ms, p99 ${p99.toFixed(2)} ms (ratio to baseline p50 ${(p50 / baselineP50).toFixed(1)}, p99 ${(p99 / baselineP99).toFixed(1)})`,
);
console.log(
  `baseline, primary-key read of the case row: p50 ${baselineP50.toFixed(2)} ms, p99 ${baselineP99.toFixed(2)} ms`,
);
await handle.close();
