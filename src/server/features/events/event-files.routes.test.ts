import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { italianChild } from "../../../../test/support/registry-fixtures.ts";
import {
  admissionEvent,
  createActiveStructures,
  dischargeEvent,
  simpleEvent,
} from "../../../../test/support/stay-fixtures.ts";
import { createTestApp, json, type TestApp } from "../../../../test/support/test-app.ts";
import { queryRows } from "../../../db/database.ts";
import { csvOf, type FileStatus, getEventFile, jsonLinesOf, postEventFile } from "./event-files.fixtures.ts";
import {
  getEvent,
  type KeyedClient,
  publicUrl,
  registerClient,
  signToken,
} from "./machine-request.fixtures.ts";

let t: TestApp;
let client: KeyedClient;
let otherClient: KeyedClient;
let strictClient: KeyedClient;

const child = italianChild({ familyName: "Bianchi", givenName: "Luca", birthDate: "2011-05-04" });

async function storedFiles() {
  const [row] = await queryRows<{ files: number; lines: number }>(
    t.db,
    sql`select (select count(*)::int from event_file) as files, (select count(*)::int from event_file_line) as lines`,
  );
  return row;
}

/** Sends a file, waits for the background processing, returns its final status. */
async function processed(body: string, contentType = "application/x-ndjson") {
  const response = await postEventFile(t.app, client, body, { contentType });
  expect(response.statusCode, response.body).toBe(202);
  await t.app.eventFileWorker.drain();
  const status = await getEventFile(t.app, client, response.headers.location as string);
  expect(status.statusCode).toBe(200);
  return json<FileStatus>(status);
}

beforeAll(async () => {
  t = await createTestApp({ SIRMI_PUBLIC_URL: publicUrl, SIRMI_EVENT_FILE_MAX_BYTES: "4096" });
  await createActiveStructures(t.db, ["ST000123", "ST000124"]);
  client = await registerClient(t.db, ["ST000123"]);
  otherClient = await registerClient(t.db, ["ST000123"]);
  strictClient = await registerClient(t.db, ["ST000123"], { requireIntegrity: true });
});
afterAll(() => t.close());

describe("POST /api/v1/event-files", () => {
  it("stores a JSON Lines file before answering 202, then records an outcome per line", async () => {
    const admission = admissionEvent("ST000123", "F-001", "2026-01-10", child);
    const activity = simpleEvent("activity", "ST000123", "F-001", "2026-01-12", {
      activity: { code: "school", hours: 20 },
    });
    const discharge = dischargeEvent("ST000123", "F-001", "2026-02-01");
    const response = await postEventFile(t.app, client, jsonLinesOf([admission, activity, discharge]));
    expect(response.statusCode, response.body).toBe(202);
    const location = response.headers.location as string;
    const created = json<FileStatus & { receivedAt: string }>(response);
    expect(location).toBe(`/api/v1/event-files/${created.id}`);
    expect(created).toMatchObject({ format: "jsonl", counts: { lines: 3 } });
    expect(["queued", "processing", "done"]).toContain(created.status);
    expect(created.receivedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);

    await t.app.eventFileWorker.drain();
    const status = json<FileStatus & { completedAt: string }>(await getEventFile(t.app, client, location));
    expect(status).toMatchObject({
      status: "done",
      progress: 1,
      counts: { lines: 3, processed: 3, accepted: 3, duplicate: 0, rejected: 0 },
      nextCursor: null,
    });
    expect(status.completedAt).toMatch(/Z$/);
    expect(status.outcomes.map(({ line, id, status }) => ({ line, id, status }))).toEqual([
      { line: 1, id: admission.id, status: "accepted" },
      { line: 2, id: activity.id, status: "accepted" },
      { line: 3, id: discharge.id, status: "accepted" },
    ]);
    expect(json(await getEvent(t.app, client, discharge.id))).toMatchObject({ status: "accepted" });
    const [stay] = await queryRows<{ status: string; dischargeDate: string }>(
      t.db,
      sql`select status, discharge_date::text as "dischargeDate" from stay where stay_ref = 'F-001'`,
    );
    expect(stay).toEqual({ status: "closed", dischargeDate: "2026-02-01" });
    // Once processed, the file keeps outcomes only: no identity stays behind in its lines.
    const [sealed] = await queryRows<{ count: number }>(
      t.db,
      sql`select count(*)::int as count from event_file_line where sealed_content is not null`,
    );
    expect(sealed.count).toBe(0);
    expect(t.logLines.join("")).not.toContain(child.fiscalCode as string);
  });

  it("reads the flat CSV layout into the same events", async () => {
    const admission = admissionEvent("ST000123", "F-002", "2026-01-10", {
      ...italianChild({ familyName: "Verdi", givenName: "Anna", sex: "F", birthDate: "2012-07-01" }),
      otherIds: [{ kind: "stp", value: "STP090201001" }],
      unaccompaniedForeignMinor: false,
    });
    const activity = simpleEvent("activity", "ST000123", "F-002", "2026-01-11", {
      sequence: 2,
      activity: { code: "school", until: "2026-06-10", hours: 120 },
    });
    const discharge = dischargeEvent("ST000123", "F-002", "2026-03-01");
    const columns = [
      "id",
      "type",
      "structureCode",
      "stayRef",
      "occurredOn",
      "sequence",
      "minor.fiscalCode",
      "minor.otherIds",
      "minor.familyName",
      "minor.givenName",
      "minor.sex",
      "minor.birthDate",
      "minor.birthPlace.comune",
      "minor.citizenship",
      "minor.unaccompaniedForeignMinor",
      "admission.kind",
      "admission.legalBasis",
      "admission.referringService.code",
      "admission.referringService.comune",
      "admission.withParent",
      "admission.origin",
      "admission.reasons",
      "discharge.reason",
      "discharge.destination",
      "activity.code",
      "activity.until",
      "activity.hours",
    ];
    const status = await processed(
      csvOf([admission, activity, discharge], columns),
      "text/csv; charset=utf-8",
    );
    expect(status.counts).toEqual({ lines: 3, processed: 3, accepted: 3, duplicate: 0, rejected: 0 });
    expect(status.outcomes.map((o) => [o.line, o.id, o.status])).toEqual([
      [2, admission.id, "accepted"],
      [3, activity.id, "accepted"],
      [4, discharge.id, "accepted"],
    ]);
    // The same events sent as JSON are recognised as identical: CSV gives the very same objects.
    const again = await processed(jsonLinesOf([admission, activity, discharge]));
    expect(again.outcomes.map((o) => o.status)).toEqual(["duplicate", "duplicate", "duplicate"]);
    const [stay] = await queryRows<{ reasons: string[]; withParent: boolean }>(
      t.db,
      sql`select reasons, with_parent as "withParent" from stay where stay_ref = 'F-002'`,
    );
    expect(stay).toEqual({ reasons: ["7", "2"], withParent: false });
  });

  it("rejects unreadable lines one by one and keeps the good ones next to them", async () => {
    const good = admissionEvent("ST000123", "F-003", "2026-01-10", arrived("Omar"));
    const unknownType = simpleEvent("teleport", "ST000123", "F-003", "2026-01-11");
    const otherStructure = simpleEvent("activity", "ST000124", "F-003", "2026-01-11", {
      activity: { code: "school" },
    });
    const last = simpleEvent("activity", "ST000123", "F-003", "2026-01-12", { activity: { code: "school" } });
    const body = [
      JSON.stringify(good),
      '{"id": "broken',
      "",
      JSON.stringify(unknownType),
      JSON.stringify(otherStructure),
      "[1, 2]",
      JSON.stringify(last),
    ].join("\r\n");
    const status = await processed(body, "application/jsonl");
    expect(status.counts).toEqual({ lines: 6, processed: 6, accepted: 2, duplicate: 0, rejected: 4 });
    expect(status.outcomes.map((o) => [o.line, o.status, o.errors[0]?.code])).toEqual([
      [1, "accepted", undefined],
      [2, "rejected", "invalid-json-shape"],
      [4, "rejected", "unknown-type"],
      [5, "rejected", "structure-not-allowed"],
      [6, "rejected", "invalid-json-shape"],
      [7, "accepted", undefined],
    ]);
  });

  it("rejects CSV records with the wrong number of columns or unreadable values", async () => {
    const good = simpleEvent("activity", "ST000123", "F-003", "2026-01-13");
    const body = [
      "id,type,structureCode,stayRef,occurredOn,activity.code,activity.hours",
      `${good.id},activity,ST000123,F-003,2026-01-13,school,4`,
      `${randomUUID()},activity,ST000123,F-003,2026-01-13,school`,
      `${randomUUID()},activity,ST000123,F-003,2026-01-13,school,many`,
      `${randomUUID()},activity,ST000123,F-003,2026-01-13,"sch"ool",4`,
    ].join("\n");
    const status = await processed(body, "text/csv");
    expect(status.outcomes.map((o) => [o.line, o.status, o.errors[0]?.code, o.errors[0]?.path])).toEqual([
      [2, "accepted", undefined, undefined],
      [3, "rejected", "invalid-json-shape", ""],
      [4, "rejected", "invalid-json-shape", "/activity/hours"],
      [5, "rejected", "invalid-json-shape", ""],
    ]);
  });

  it("answers duplicate for every line of a file sent again", async () => {
    const events = [
      admissionEvent("ST000123", "F-004", "2026-01-10", arrived("Karim")),
      dischargeEvent("ST000123", "F-004", "2026-01-20"),
    ];
    const first = await processed(jsonLinesOf(events));
    expect(first.counts.accepted).toBe(2);
    const second = await processed(jsonLinesOf(events));
    expect(second.counts).toEqual({ lines: 2, processed: 2, accepted: 0, duplicate: 2, rejected: 0 });
    const [count] = await queryRows<{ count: number }>(
      t.db,
      sql`select count(*)::int as count from stay_event where id in (${events[0].id}, ${events[1].id})`,
    );
    expect(count.count).toBe(2);
  });

  it("pages the outcomes with a cursor", async () => {
    const events = ["2026-01-10", "2026-01-11", "2026-01-12"].map((day) =>
      simpleEvent("activity", "ST000123", "F-004", day, { activity: { code: "sport-and-leisure" } }),
    );
    const response = await postEventFile(t.app, client, jsonLinesOf(events));
    await t.app.eventFileWorker.drain();
    const location = response.headers.location as string;
    const first = json<FileStatus>(await getEventFile(t.app, client, `${location}?limit=2`));
    expect(first.outcomes.map((o) => o.line)).toEqual([1, 2]);
    expect(first.nextCursor).toBe(2);
    const rest = json<FileStatus>(await getEventFile(t.app, client, `${location}?limit=2&cursor=2`));
    expect(rest.outcomes.map((o) => o.line)).toEqual([3]);
    expect(rest.nextCursor).toBeNull();
  });

  it("shows a file only to the client that sent it", async () => {
    const response = await postEventFile(
      t.app,
      client,
      jsonLinesOf([dischargeEvent("ST000123", "X", "2026-01-01")]),
    );
    const location = response.headers.location as string;
    const other = await getEventFile(t.app, otherClient, location);
    expect(other.statusCode).toBe(404);
    expect(other.headers["content-type"]).toContain("application/problem+json");
    expect((await getEventFile(t.app, otherClient, `/api/v1/event-files/${randomUUID()}`)).statusCode).toBe(
      404,
    );
    await t.app.eventFileWorker.drain();
  });
});

describe("refused files store nothing", () => {
  const body = jsonLinesOf([dischargeEvent("ST000123", "R-1", "2026-01-01")]);

  it.each([
    ["a bad signature", { token: "x.y.z" }, 401, "invalid-client-token"],
    ["a token for another endpoint", { aud: true }, 401, "token-claims-invalid"],
    ["a Digest of other bytes", { integrity: true, digest: "SHA-256=AAAA" }, 401, "integrity-invalid"],
    ["a JSON body", { contentType: "application/json" }, 415, "unsupported-media-type"],
    ["a Latin-1 charset", { contentType: "text/csv; charset=iso-8859-1" }, 415, "unsupported-media-type"],
  ])("%s", async (_name, options, status, code) => {
    const before = await storedFiles();
    const token = (options as { aud?: boolean }).aud
      ? await signToken(client, { aud: `${publicUrl}/api/v1/events` })
      : (options as { token?: string }).token;
    const response = await postEventFile(t.app, client, body, { ...options, token });
    expect(response.statusCode).toBe(status);
    expect(json(response).code).toBe(code);
    expect(await storedFiles()).toEqual(before);
  });

  it("requires INTEGRITY_REST_01 of a client registered for it, and accepts it when right", async () => {
    const before = await storedFiles();
    const missing = await postEventFile(t.app, strictClient, body);
    expect(json(missing).code).toBe("integrity-invalid");
    expect(await storedFiles()).toEqual(before);
    const signed = await postEventFile(t.app, strictClient, body, { integrity: true });
    expect(signed.statusCode, signed.body).toBe(202);
    await t.app.eventFileWorker.drain();
  });

  it.each([
    ["an empty file", "", 400, "invalid-request"],
    ["only blank lines", "\n\n", 400, "invalid-request"],
    ["bytes that are not UTF-8", Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), 400, "invalid-request"],
    ["a file over the limit", "x".repeat(5000), 413, "payload-too-large"],
  ])("%s", async (_name, payload, status, code) => {
    const before = await storedFiles();
    const response = await postEventFile(t.app, client, payload);
    expect(response.statusCode).toBe(status);
    expect(response.headers["content-type"]).toContain("application/problem+json");
    expect(json(response).code).toBe(code);
    expect(await storedFiles()).toEqual(before);
  });

  it("a CSV header with unknown columns", async () => {
    const before = await storedFiles();
    const response = await postEventFile(t.app, client, "id,type,colour\n1,activity,red\n", {
      contentType: "text/csv",
    });
    expect(response.statusCode).toBe(400);
    expect(json(response).detail).toContain("colour");
    expect(await storedFiles()).toEqual(before);
  });
});

function arrived(givenName: string) {
  return {
    familyName: "Haddad",
    givenName,
    sex: "M",
    birthDate: "2010-06-02",
    birthPlace: { country: "436" },
    citizenship: "436",
    unaccompaniedForeignMinor: true,
  };
}
