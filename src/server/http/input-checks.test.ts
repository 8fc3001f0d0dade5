import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { italianChild } from "../../../test/support/registry-fixtures.ts";
import { admissionEvent, createActiveStructures } from "../../../test/support/stay-fixtures.ts";
import {
  type Client,
  createOrganisationFor,
  createTestApp,
  createUserFor,
  json,
  logInAs,
  type TestApp,
} from "../../../test/support/test-app.ts";
import { queryRows } from "../../db/database.ts";
import { type FileStatus, getEventFile, postEventFile } from "../features/events/event-files.fixtures.ts";
import {
  getEvent,
  type KeyedClient,
  postEvents,
  publicUrl,
  registerClient,
  signToken,
} from "../features/events/machine-request.fixtures.ts";

type ProblemBody = {
  code: string;
  status: number;
  detail: string;
  problems?: { path: string; code: string }[];
};

let t: TestApp;
let admin: Client;
let auditor: Client;
let client: KeyedClient;

const nested = (depth: number) => `${"[".repeat(depth)}${"]".repeat(depth)}`;

function login(payload: string | Buffer, contentType = "application/json") {
  return t.app.inject({
    method: "POST",
    url: "/api/v1/session",
    headers: { "content-type": contentType },
    payload,
  });
}

function expectProblem(response: { statusCode: number; headers: Record<string, unknown> }, status: number) {
  expect(response.statusCode).toBe(status);
  expect(String(response.headers["content-type"])).toMatch(/^application\/problem\+json/);
}

async function count(table: "app_user" | "stay_event") {
  const [row] = await queryRows<{ n: number }>(
    t.db,
    sql`select count(*)::int as n from ${sql.identifier(table)}`,
  );
  return row.n;
}

beforeAll(async () => {
  t = await createTestApp({ SIRMI_PUBLIC_URL: publicUrl });
  await createOrganisationFor(t, "REGIONE", "region");
  await createUserFor(t, "admin", "region-admin", "REGIONE");
  await createUserFor(t, "revisore", "auditor", "REGIONE");
  await createActiveStructures(t.db, ["ST000701"]);
  client = await registerClient(t.db, ["ST000701"]);
  admin = await logInAs(t.app, "admin");
  auditor = await logInAs(t.app, "revisore");
});
afterAll(() => t.close());

describe("U+0000 and lone surrogates are refused at the edge, naming the field", () => {
  it("in the anonymous login, a value or a field's name", async () => {
    for (const [payload, path] of [
      ['{"username":"a\\u0000b","password":"x"}', "/body/username"],
      ['{"username":"a","password":"x\\ud800"}', "/body/password"],
      ['{"username":"a","password":"x","no\\udc00me":1}', "/body"],
    ]) {
      const response = await login(payload);
      expectProblem(response, 422);
      const problem = json<ProblemBody>(response);
      expect(problem.code).toBe("invalid-character");
      expect(problem.detail).toContain(`«${path}»`);
      expect(problem.problems).toEqual([expect.objectContaining({ path, code: "invalid-character" })]);
    }
  });

  it("in query and path values, before any query runs", async () => {
    for (const [response, path] of [
      [await admin.get("/api/v1/comuni?q=Fi%00"), "/querystring/q"],
      [await admin.get("/api/v1/free-places?zone=firenze%00"), "/querystring/zone"],
      [await auditor.get("/api/v1/audit-entries?action=session.%00"), "/querystring/action"],
      [await admin.get("/api/v1/reports/occupancy%00?date=2026-01-01"), "/params/id"],
      [await admin.get("/api/v1/reports/occupancy?date=2026-01-01%00"), "/querystring/date"],
    ] as const) {
      expectProblem(response, 422);
      expect(json<ProblemBody>(response).problems?.[0].path).toBe(path);
    }
  });

  it("in a write, which stores nothing", async () => {
    const before = await count("app_user");
    const response = await admin.post("/api/v1/users", {
      username: "nuovo",
      displayName: "Nome\u0000Cognome",
      password: "una-password-lunga-1",
      role: "region-analyst",
      organisationCode: "REGIONE",
    });
    expectProblem(response, 422);
    expect(json<ProblemBody>(response).problems?.[0].path).toBe("/body/displayName");
    expect(await count("app_user")).toBe(before);
  });
});

describe("the interchange standard judges each event alone", () => {
  it("rejects only the event that cannot be stored, and keeps no record of it", async () => {
    const good = admissionEvent("ST000701", "NUL-1", "2026-11-02");
    const withNul = { ...admissionEvent("ST000701", "NUL-2", "2026-11-02"), stayRef: "NUL\u00003" };
    const withSurrogate = admissionEvent("ST000701", "NUL-4", "2026-11-02", {
      ...good.minor,
      familyName: "Ros\ud83dsi",
    });
    // Written by hand: JSON.stringify itself cannot go 5,000 levels deep.
    const deep = `${JSON.stringify(admissionEvent("ST000701", "NUL-5", "2026-11-02")).slice(0, -1)},"extra":${nested(5000)}}`;
    const events = [good, withNul, withSurrogate].map((event) => JSON.stringify(event));
    const response = await postEvents(t.app, client, `{"events":[${[...events, deep].join(",")}]}`);
    expect(response.statusCode, response.body).toBe(200);
    const results = json<{
      results: { id: string; status: string; errors: { code: string; path: string }[] }[];
    }>(response).results;
    expect(results.map((result) => result.status)).toEqual(["accepted", "rejected", "rejected", "rejected"]);
    expect(results.slice(1).map((result) => result.errors[0])).toEqual([
      expect.objectContaining({ code: "invalid-json-shape", path: "/stayRef" }),
      expect.objectContaining({ code: "invalid-json-shape", path: "/minor/familyName" }),
      expect.objectContaining({ code: "invalid-json-shape", path: expect.stringMatching(/^\/extra(\/0)+$/) }),
    ]);
    expect(results[1].id).toBe(withNul.id);
    expect((await getEvent(t.app, client, good.id)).statusCode).toBe(200);
    expect((await getEvent(t.app, client, withNul.id)).statusCode).toBe(404);
  });

  it("still refuses the request when the character is outside the events", async () => {
    const response = await postEvents(t.app, client, '{"events":[],"nota":"a\\u0000"}');
    expectProblem(response, 422);
    expect(json<ProblemBody>(response).problems?.[0].path).toBe("/body/nota");
  });

  it("rejects a file's line that cannot be stored or is nested 5,000 levels deep, not the file", async () => {
    const other = italianChild({ familyName: "Verdi", givenName: "Anna", sex: "F", birthDate: "2013-07-01" });
    const good = admissionEvent("ST000701", "FILE-1", "2026-11-03", other);
    const withNul = { ...admissionEvent("ST000701", "FILE-2", "2026-11-03"), stayRef: "F\u00002" };
    const withSurrogate = { ...admissionEvent("ST000701", "FILE-3", "2026-11-03"), stayRef: "F\udfff3" };
    const lines = [good, withNul, withSurrogate].map((event) => JSON.stringify(event));
    const deepObject = `${'{"a":'.repeat(5000)}1${"}".repeat(5000)}`;
    const body = `${[...lines, nested(5000), deepObject].join("\n")}\n`;
    const posted = await postEventFile(t.app, client, body);
    expect(posted.statusCode, posted.body).toBe(202);
    await t.app.eventFileWorker.drain();
    const status = json<FileStatus>(await getEventFile(t.app, client, posted.headers.location as string));
    expect(status.outcomes.map((outcome) => [outcome.line, outcome.status])).toEqual([
      [1, "accepted"],
      [2, "rejected"],
      [3, "rejected"],
      [4, "rejected"],
      [5, "rejected"],
    ]);
    expect(status.outcomes.slice(1).map((outcome) => outcome.errors[0].code)).toEqual(
      Array(4).fill("invalid-json-shape"),
    );
    expect(status.outcomes[1].errors[0].path).toBe("/stayRef");
  });
});

describe("nesting and encodings", () => {
  it("answers 400 to a body nested deeper than any document of the API", async () => {
    for (const payload of [
      nested(40),
      nested(5000),
      `{"username":${'{"a":'.repeat(5000)}1${"}".repeat(5000)}}`,
    ]) {
      const response = await login(payload);
      expectProblem(response, 400);
      expect(json<ProblemBody>(response).code).toBe("invalid-request");
    }
  });

  it("reads JSON only in UTF-8: another charset is 415, bytes that are not UTF-8 are 400", async () => {
    const body = JSON.stringify({ username: "però", password: "x" });
    expectProblem(await login(Buffer.from(body, "latin1"), "application/json; charset=latin1"), 415);
    expectProblem(await login(Buffer.from(body, "utf16le"), "application/json; charset=utf-16"), 415);
    expectProblem(await login(Buffer.from(body, "latin1"), "application/json"), 400);
    expectProblem(await login(body, "text/plain"), 415);
    // UTF-8, however it is written, with or without a byte order mark, is read.
    expectProblem(await login(body, 'application/json; charset="UTF-8"'), 401);
    expectProblem(await login(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(body)])), 401);
    expect(json<ProblemBody>(await login(body, "application/json;charset=utf8")).code).toBe(
      "invalid-credentials",
    );
  });

  it("applies the same rule to the machine endpoints, which store nothing of such a request", async () => {
    const before = await count("stay_event");
    const event = admissionEvent("ST000701", "LATIN-1", "2026-11-03");
    const response = await t.app.inject({
      method: "POST",
      url: "/api/v1/events",
      headers: {
        "content-type": "application/json; charset=iso-8859-1",
        authorization: `Bearer ${await signToken(client)}`,
      },
      payload: Buffer.from(JSON.stringify({ events: [event] }), "latin1"),
    });
    expectProblem(response, 415);
    expect(await count("stay_event")).toBe(before);
  });
});
