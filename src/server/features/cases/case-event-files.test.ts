import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type CaseEventOf,
  generateCaseHistory,
  shuffled,
} from "../../../../test/support/case-history-generator.ts";
import { italianChild } from "../../../../test/support/registry-fixtures.ts";
import { createActiveStructures } from "../../../../test/support/stay-fixtures.ts";
import {
  createOrganisationFor,
  createTestApp,
  json,
  type TestApp,
} from "../../../../test/support/test-app.ts";
import { queryRows } from "../../../db/database.ts";
import { buildApp } from "../../app.ts";
import { createLogger } from "../../http/logger.ts";
import {
  type FileStatus,
  getEventFile,
  jsonLinesOf,
  postCaseEventFile,
  postEventFile,
} from "../events/event-files.fixtures.ts";
import {
  type KeyedClient,
  postCaseEvents,
  publicUrl,
  registerClient,
  registerServiceClient,
} from "../events/machine-request.fixtures.ts";

type Problem = { code: string; path: string; message: string };
type Outcome = { line: number; id: string; status: string; warnings: Problem[]; errors: Problem[] };

let t: TestApp;
let serviceA: KeyedClient;
let serviceB: KeyedClient;
let structureClient: KeyedClient;
const maxBytes = 200_000;

beforeAll(async () => {
  // Chunks of four lines: a file of a few cases spans many chunks.
  t = await createTestApp({
    SIRMI_PUBLIC_URL: publicUrl,
    SIRMI_EVENT_FILE_CHUNK_LINES: "4",
    SIRMI_EVENT_FILE_MAX_BYTES: String(maxBytes),
  });
  await createActiveStructures(t.db, ["ST000801"]);
  await createOrganisationFor(t, "SST-FA", "social-service");
  await createOrganisationFor(t, "SST-FB", "social-service");
  serviceA = await registerServiceClient(t.db, "SST-FA");
  serviceB = await registerServiceClient(t.db, "SST-FB");
  structureClient = await registerClient(t.db, ["ST000801"]);
});
afterAll(() => t.close());

/** Sends a case event file, waits for the background processing, returns its final status. */
async function processed(client: KeyedClient, body: string) {
  const response = await postCaseEventFile(t.app, client, body);
  expect(response.statusCode, response.body).toBe(202);
  const location = response.headers.location as string;
  expect(location).toBe(`/api/v1/case-event-files/${json<FileStatus>(response).id}`);
  await t.app.eventFileWorker.drain();
  const status = await getEventFile(t.app, client, location);
  expect(status.statusCode, status.body).toBe(200);
  return json<Omit<FileStatus, "outcomes"> & { outcomes: Outcome[] }>(status);
}

/** The same history under other ids (a case's id, and every event id in the events' references). */
function renamed(events: readonly CaseEventOf[], caseIds: Map<string, string>) {
  return events.map((event) => {
    const rename = (id: unknown) =>
      typeof id === "string" ? `${id.slice(0, 24)}${(caseIds.get(event.caseId) ?? "").slice(24)}` : id;
    const copy: Record<string, unknown> = {
      ...event,
      id: rename(event.id),
      caseId: caseIds.get(event.caseId),
    };
    if (event.type === "case-opened") copy.id = copy.caseId;
    for (const key of ["interventionStart", "fosterCareStart", "corrects", "voids"])
      if (key in event) copy[key] = rename(event[key]);
    return copy as CaseEventOf;
  });
}

/** The projections of a history's cases sent under other ids, written back under the history's own. */
async function projectionsUnder(
  events: readonly CaseEventOf[],
  sent: readonly CaseEventOf[],
  caseIds: string[],
) {
  const rows = await queryRows<{ id: string; projection: unknown }>(
    t.db,
    sql`select id, projection from social_case where id in (${sql.join(
      caseIds.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})`,
  );
  let text = JSON.stringify(caseIds.map((id) => rows.find((row) => row.id === id)?.projection ?? null));
  sent.forEach((event, at) => {
    text = text.replaceAll(event.id, events[at].id);
  });
  return JSON.parse(text) as unknown[];
}

describe("POST /api/v1/case-event-files", () => {
  const history = generateCaseHistory(21, { cases: 3 });
  const fileIds = new Map(history.caseIds.map((id) => [id, randomUUID()]));
  const fileEvents = renamed(history.events, fileIds);
  const fileBody = jsonLinesOf(shuffled(fileEvents, 5));

  it("records a file's case events as POST /api/v1/case-events does, whatever the order of its lines", async () => {
    const status = await processed(serviceA, fileBody);
    expect(status).toMatchObject({ kind: "case", format: "jsonl", status: "done", progress: 1 });
    const rejected = status.outcomes.filter((outcome) => outcome.status !== "accepted");
    expect(rejected, JSON.stringify(rejected)).toEqual([]);
    expect(status.counts).toEqual({
      lines: fileEvents.length,
      processed: fileEvents.length,
      accepted: fileEvents.length,
      duplicate: 0,
      rejected: 0,
    });
    expect(status.outcomes.map((outcome) => outcome.line)).toEqual(fileEvents.map((_, index) => index + 1));

    // The same events in one request, by another service under other ids.
    const requestIds = new Map(history.caseIds.map((id) => [id, randomUUID()]));
    const requestEvents = renamed(history.events, requestIds);
    const response = await postCaseEvents(t.app, serviceB, { events: requestEvents });
    expect(response.statusCode, response.body).toBe(200);
    const fromFile = await projectionsUnder(history.events, fileEvents, [...fileIds.values()]);
    const fromRequest = await projectionsUnder(history.events, requestEvents, [...requestIds.values()]);
    expect(fromFile).toEqual(fromRequest);
    expect(fromFile.every((projection) => projection !== null)).toBe(true);
    expect(JSON.stringify(fromFile)).toContain("foster");

    // Audited as the endpoint's events are, under the client's name.
    const [audit] = await queryRows<{ entries: number }>(
      t.db,
      sql`select count(*)::int as entries from audit_entry
          where username = ${`sistema:client:${serviceA.id}`} and resource_type = 'case'`,
    );
    expect(audit.entries).toBe(fileEvents.length);
  }, 60_000);

  it("answers a file sent again line by line as duplicates, changing nothing", async () => {
    const before = await projectionsUnder(history.events, fileEvents, [...fileIds.values()]);
    const status = await processed(serviceA, fileBody);
    expect(status.counts).toMatchObject({ accepted: 0, duplicate: fileEvents.length, rejected: 0 });
    expect(new Set(status.outcomes.map((outcome) => outcome.status))).toEqual(new Set(["duplicate"]));
    expect(await projectionsUnder(history.events, fileEvents, [...fileIds.values()])).toEqual(before);
  }, 60_000);

  it("rejects a bad line, an invalid event and another service's case on their own, keeping every good line", async () => {
    const caseId = randomUUID();
    const otherCase = randomUUID();
    const child = italianChild({ familyName: "Neri", givenName: "Lia", sex: "F", birthDate: "2015-04-09" });
    const other = italianChild({ familyName: "Gallo", givenName: "Rita", sex: "F", birthDate: "2013-01-19" });
    const opened = await postCaseEvents(t.app, serviceB, {
      events: [opening(otherCase, other, "2026-06-01")],
    });
    expect(json<{ results: { status: string }[] }>(opened).results[0].status).toBe("accepted");
    const situation = fact(caseId, "situation", "2026-07-02", { situation: { school: "6" } });
    const body = [
      JSON.stringify(situation),
      '{"id": "tronca", "type": "situation", ',
      JSON.stringify(fact(caseId, "inventato", "2026-07-03", {})),
      JSON.stringify(fact(otherCase, "situation", "2026-07-03", { situation: { school: "6" } })),
      JSON.stringify(
        fact(caseId, "assessment", "2026-07-04", {
          assessment: { child: { values: ["99"], prevalent: "99" } },
        }),
      ),
      JSON.stringify(opening(caseId, child, "2026-07-01")),
    ].join("\n");
    const status = await processed(serviceA, `${body}\n`);
    const byLine = status.outcomes.map((outcome) => [
      outcome.line,
      outcome.status,
      outcome.errors.map((e) => e.code),
    ]);
    expect(byLine).toEqual([
      [1, "accepted", []],
      [2, "rejected", ["invalid-json-shape"]],
      [3, "rejected", ["unknown-type"]],
      [4, "rejected", ["unknown-case"]],
      [5, "rejected", ["unknown-code", "unknown-code"]],
      [6, "accepted", []],
    ]);
    expect(status.counts).toMatchObject({ lines: 6, accepted: 2, rejected: 4 });
    for (const outcome of status.outcomes.filter((o) => o.status === "rejected"))
      expect(outcome.errors[0].message).toMatch(/^[A-Z].+\.$/);
    // Another service's case answers exactly as a missing one, and stays as it was.
    expect(status.outcomes[3].errors[0].message).toBe("La cartella indicata non esiste.");
    const [otherRow] = await queryRows<{ events: number }>(
      t.db,
      sql`select count(*)::int as events from case_event where case_id = ${otherCase} and status = 'accepted'`,
    );
    expect(otherRow.events).toBe(1);
    const [row] = await queryRows<{ projection: { situation?: unknown } }>(
      t.db,
      sql`select projection from social_case where id = ${caseId}`,
    );
    expect(JSON.stringify(row.projection)).toContain('"school":"6"');
    // No line keeps its content once processed: only the outcomes are left.
    const [sealed] = await queryRows<{ lines: number }>(
      t.db,
      sql`select count(*)::int as lines from event_file_line where file_id = ${status.id} and sealed_content is not null`,
    );
    expect(sealed.lines).toBe(0);
  });

  it("refuses CSV, a structure's software, and a body over the size limit; a file is seen only by its client and its kind", async () => {
    const csv = await postCaseEventFile(t.app, serviceA, "id,type\n", { contentType: "text/csv" });
    expect(csv.statusCode).toBe(415);
    expect(json<{ code: string; detail: string }>(csv)).toMatchObject({ code: "unsupported-media-type" });
    expect(json<{ detail: string }>(csv).detail).toContain("JSON Lines");
    const structure = await postCaseEventFile(t.app, structureClient, fileBody);
    expect(structure.statusCode).toBe(403);
    expect(json<{ code: string }>(structure).code).toBe("forbidden");
    const stayFile = await postEventFile(t.app, serviceA, fileBody);
    expect(stayFile.statusCode).toBe(403);
    const tooLarge = await postCaseEventFile(t.app, serviceA, " ".repeat(maxBytes + 1));
    expect(tooLarge.statusCode).toBe(413);
    const [files] = await queryRows<{ files: number }>(
      t.db,
      sql`select count(*)::int as files from event_file where client_id in (${structureClient.id}, ${serviceA.id})`,
    );

    const sent = await postCaseEventFile(t.app, serviceA, jsonLinesOf([fileEvents[0]]));
    expect(sent.statusCode).toBe(202);
    const id = json<FileStatus>(sent).id;
    expect((await getEventFile(t.app, serviceB, `/api/v1/case-event-files/${id}`)).statusCode).toBe(404);
    expect((await getEventFile(t.app, serviceA, `/api/v1/event-files/${id}`)).statusCode).toBe(404);
    expect((await getEventFile(t.app, serviceA, `/api/v1/case-event-files/${id}`)).statusCode).toBe(200);
    const [after] = await queryRows<{ files: number }>(
      t.db,
      sql`select count(*)::int as files from event_file where client_id in (${structureClient.id}, ${serviceA.id})`,
    );
    expect(after.files).toBe(files.files + 1);
    await t.app.eventFileWorker.drain();
  });
});

describe("docs/case-interchange.md, case event files", () => {
  it("has its file example processed as printed", async () => {
    const document = fs.readFileSync(
      path.resolve(import.meta.dirname, "../../../../docs/case-interchange.md"),
      "utf8",
    );
    const file = document.match(/```jsonl\n([\s\S]*?)```/)?.[1] as string;
    await createOrganisationFor(t, "SST-048017-01", "social-service");
    const software = await registerServiceClient(t.db, "SST-048017-01");
    const status = await processed(software, file);
    const printed = JSON.parse(document.match(/```jsonc\n([\s\S]*?)```/)?.[1] as string) as FileStatus;
    expect(status.counts).toEqual(printed.counts);
    expect(status.outcomes).toEqual(printed.outcomes);
    expect(Object.keys(status).sort()).toEqual(Object.keys(printed).sort());
  });
});

describe("an interrupted worker", () => {
  it("resumes a case file from its last committed chunk, the chunk in flight keeping its own outcomes", async () => {
    // This server's worker stops: the state a crash leaves behind is written below.
    await t.app.eventFileWorker.stop();
    const generated = generateCaseHistory(33, { cases: 2 });
    const own = renamed(generated.events, new Map(generated.caseIds.map((id) => [id, randomUUID()])));
    const response = await postCaseEventFile(t.app, serviceA, jsonLinesOf(shuffled(own, 9)));
    expect(response.statusCode, response.body).toBe(202);
    const id = json<FileStatus>(response).id;
    const sentInOrder = shuffled(own, 9);
    // The first chunk, in the file's processing order, ingested by the dying worker…
    const firstChunk = await queryRows<{ line: number }>(
      t.db,
      sql`select line from event_file_line where file_id = ${id} order by processing_order limit 4`,
    );
    await t.db.execute(
      sql`update event_file set status = 'processing', started_at = now(), lease_owner = gen_random_uuid(),
            lease_expires_at = now() + interval '1 hour', chunk_started_at = now() where id = ${id}`,
    );
    const inFlight = await postCaseEvents(t.app, serviceA, {
      events: firstChunk.map(({ line }) => sentInOrder[line - 1]),
    });
    expect(json<{ results: { status: string }[] }>(inFlight).results.map((r) => r.status)).toEqual(
      firstChunk.map(() => "accepted"),
    );
    // …which never recorded its outcomes. Another server takes the file once the lease expires.
    const second = await buildApp({
      config: t.config,
      db: t.db,
      logger: createLogger("silent"),
      keyring: t.keyring,
      clock: t.clock,
    });
    await second.ready();
    await second.eventFileWorker.drain();
    const [waiting] = await queryRows<{ status: string; processed: number }>(
      t.db,
      sql`select status, processed_count as processed from event_file where id = ${id}`,
    );
    expect(waiting).toEqual({ status: "processing", processed: 0 });
    await t.db.execute(
      sql`update event_file set lease_expires_at = now() - interval '1 second' where id = ${id}`,
    );
    await second.eventFileWorker.drain();
    const status = json<FileStatus>(await getEventFile(second, serviceA, `/api/v1/case-event-files/${id}`));
    expect(status.status).toBe("done");
    expect(status.counts).toEqual({
      lines: own.length,
      processed: own.length,
      accepted: own.length,
      duplicate: 0,
      rejected: 0,
    });
    const [stored] = await queryRows<{ events: number }>(
      t.db,
      sql`select count(distinct id)::int as events from case_event where status = 'accepted' and id in (${sql.join(
        own.map((event) => sql`${event.id}::uuid`),
        sql`, `,
      )})`,
    );
    expect(stored.events).toBe(own.length);
    await second.close();
  }, 60_000);
});

function opening(caseId: string, minor: object, occurredOn: string) {
  return {
    id: caseId,
    type: "case-opened",
    caseId,
    occurredOn,
    opening: { minor, firstReportOn: occurredOn.slice(0, 7), reportSource: "13" },
  };
}

function fact(caseId: string, type: string, occurredOn: string, content: object) {
  return { id: randomUUID(), type, caseId, occurredOn, ...content };
}
