/**
 * Cost of the ASMI pipeline in-process: events per second through ingestEvent (validation,
 * identity resolution, storage, projection, audit), against a baseline measured in the same run:
 * a raw multi-row INSERT of as many rows into stay_event.
 * Run: npx tsx bench/stays/pipeline.ts [--stays 500]   (PostgreSQL when DATABASE_URL is set)
 */
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { openDatabase } from "../../src/db/open-database.ts";
import { loadReferenceData } from "../../src/db/seed/reference-data.ts";
import { encodeFiscalCode } from "../../src/domain/identity/fiscal-code-encoding.ts";
import { addDays, todayInRome } from "../../src/domain/time/calendar.ts";
import { bindAuditKeys } from "../../src/server/core/audit-chain.ts";
import { generateKeyringFile, keyringOf } from "../../src/server/core/vault-keys.ts";
import { type EventSource, ingestEvent, ingestEvents } from "../../src/server/features/stays/ingest-event.ts";
import { createActiveStructures } from "../../test/support/stay-fixtures.ts";

const staysArgument = process.argv.indexOf("--stays");
const stays = staysArgument > 0 ? Number(process.argv[staysArgument + 1]) : 500;
const databaseUrl = process.env.DATABASE_URL;
const handle = databaseUrl
  ? await openDatabase({ kind: "postgres", url: databaseUrl })
  : await openDatabase({ kind: "pglite" });
await handle.migrate();
await loadReferenceData(handle.db);
const keyring = keyringOf(generateKeyringFile());
bindAuditKeys(handle.db, keyring);
const codes = Array.from({ length: 20 }, (_, index) => `ST${String(900_000 + index)}`);
await createActiveStructures(handle.db, codes, 40).catch(() => undefined);
const today = todayInRome();
const names = ["Rossi", "Bianchi", "Verdi", "Neri", "Gialli", "Bruni", "Galli", "Conti", "Marini", "Costa"];
const given = ["Luca", "Marco", "Paolo", "Andrea", "Piero", "Carlo", "Dario", "Enzo", "Fabio", "Guido"];

function eventsOfStay(index: number) {
  const structureCode = codes[index % codes.length];
  const stayRef = `B-${Date.now().toString(36)}-${index}`;
  const admittedOn = addDays("2024-01-01", index % 300);
  const familyName = `${names[index % 10]}${String.fromCharCode(65 + (Math.floor(index / 10) % 26))}`;
  const givenName = given[Math.floor(index / 260) % 10];
  const birthDate = addDays("2010-01-01", index % 2000);
  const fiscalCode = encodeFiscalCode({ familyName, givenName, sex: "M", birthDate, birthPlaceCode: "D612" });
  return [
    {
      id: randomUUID(),
      type: "admission",
      structureCode,
      stayRef,
      occurredOn: admittedOn,
      minor: {
        fiscalCode,
        familyName,
        givenName,
        sex: "M",
        birthDate,
        birthPlace: { comune: "048017" },
        citizenship: "100",
      },
      admission: {
        kind: "planned",
        legalBasis: "judicial",
        referringService: { code: "SVC-1", comune: "048017" },
        withParent: false,
        origin: "family-of-origin",
        reasons: ["7"],
      },
    },
    {
      id: randomUUID(),
      type: "activity",
      structureCode,
      stayRef,
      occurredOn: addDays(admittedOn, 10),
      activity: { code: "school", hours: 100 },
    },
    {
      id: randomUUID(),
      type: "discharge",
      structureCode,
      stayRef,
      occurredOn: addDays(admittedOn, 200),
      discharge: { reason: "project-completed", destination: "family-of-origin" },
    },
  ];
}

const events = Array.from({ length: stays }, (_, index) => eventsOfStay(index)).flat();
const source: EventSource = {
  kind: "client",
  id: randomUUID(),
  subject: { system: true, label: "bench" },
  mayWrite: () => true,
};
// The first half one event per transaction (the web app's way), the second in batches of 500.
const half = Math.floor(events.length / 2);
let started = performance.now();
let accepted = 0;
for (const event of events.slice(0, half)) {
  const result = await ingestEvent(handle.db, { keyring, today }, source, event);
  if (result.status === "accepted") accepted += 1;
}
const singleSeconds = (performance.now() - started) / 1000;
const singleAccepted = accepted;
started = performance.now();
for (let start = half; start < events.length; start += 500) {
  const results = await ingestEvents(
    handle.db,
    { keyring, today },
    source,
    events.slice(start, Math.min(start + 500, events.length)),
  );
  accepted += results.filter((result) => result.status === "accepted").length;
}
const batchSeconds = (performance.now() - started) / 1000;

// Baseline: the same number of rows into the same table, raw, 500 per statement.
const baselineRows = events.map((event) => ({ ...event, id: randomUUID() }));
started = performance.now();
for (let start = 0; start < baselineRows.length; start += 500) {
  const chunk = baselineRows.slice(start, start + 500);
  await handle.db.execute(sql`insert into stay_event (id, source_kind, source_id, content_digest, status, type, occurred_on, payload, warnings, errors)
    values ${sql.join(
      chunk.map(
        (row) =>
          sql`(${row.id}, 'client', ${source.id}, 'x', 'accepted', ${row.type}, ${row.occurredOn}, ${JSON.stringify(row)}::jsonb, '[]'::jsonb, '[]'::jsonb)`,
      ),
      sql`, `,
    )}`);
}
const baselineSeconds = (performance.now() - started) / 1000;
const singleRate = singleAccepted / singleSeconds;
const batchRate = (accepted - singleAccepted) / batchSeconds;
const baselineRate = baselineRows.length / baselineSeconds;
console.log(`database: ${handle.kind}; events: ${events.length} (${accepted} accepted), ${stays} stays`);
console.log(
  `pipeline, one event per transaction: ${singleRate.toFixed(0)} events/s (ratio to baseline ${(singleRate / baselineRate).toFixed(4)})`,
);
console.log(
  `pipeline, batches of 500 in one transaction: ${batchRate.toFixed(0)} events/s (ratio to baseline ${(batchRate / baselineRate).toFixed(4)})`,
);
console.log(
  `baseline, raw multi-row INSERT of the same rows (500 per statement): ${baselineRate.toFixed(0)} rows/s`,
);
await handle.close();
