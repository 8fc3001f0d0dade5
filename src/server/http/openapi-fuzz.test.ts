import { sql } from "drizzle-orm";
import fc from "fast-check";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createActiveStructures } from "../../../test/support/stay-fixtures.ts";
import { vatNumber } from "../../../test/support/structure-fixtures.ts";
import {
  createOrganisationFor,
  createTestApp,
  createUserFor,
  logInAs,
  type TestApp,
} from "../../../test/support/test-app.ts";
import { queryRows } from "../../db/database.ts";
import {
  type KeyedClient,
  publicUrl,
  registerClient,
  signToken,
} from "../features/events/machine-request.fixtures.ts";
import {
  arbitraryOf,
  type JsonSchema,
  type Operation,
  operationsOf,
  pathWith,
  queryOf,
  rawBodies,
  shapedWith,
  spoiledSegments,
  textClasses,
} from "./openapi-fuzz.fixtures.ts";

/**
 * Every operation of the OpenAPI document, generated from the document itself, as anonymous, as
 * people of two roles and (machine endpoints) as a signed client, with spoiled paths, queries
 * and bodies: no answer is a 5xx, and every refusal is problem+json with a stable code.
 */
let t: TestApp;
let client: KeyedClient;
let operations: Operation[];
let components: Record<string, JsonSchema>;
let structureId: string;
const roles = [
  { username: "fuzz-admin", role: "region-admin" as const, organisation: "REGIONE" },
  { username: "fuzz-operator", role: "structure-operator" as const, organisation: "COOP" },
];

beforeAll(async () => {
  t = await createTestApp({ SIRMI_PUBLIC_URL: publicUrl, SIRMI_LOGIN_RATE_LIMIT_PER_MINUTE: "100000" });
  await createOrganisationFor(t, "REGIONE", "region");
  await createOrganisationFor(t, "COOP", "operator", vatNumber("0123456789"), "Cooperativa Sociale Esempio");
  await createActiveStructures(t.db, ["ST000901"]);
  [{ id: structureId }] = await queryRows<{ id: string }>(t.db, sql`select id from structure`);
  await createUserFor(t, roles[0].username, roles[0].role, roles[0].organisation);
  await createUserFor(t, roles[1].username, roles[1].role, roles[1].organisation, structureId);
  client = await registerClient(t.db, ["ST000901"]);
  const document = t.app.swagger() as Parameters<typeof operationsOf>[0];
  // Operations that end the caller's own session go last: logging in again costs a second factor's
  // code, good once per 30 s step, and the other operations keep their session.
  const endsSession = (operation: Operation) =>
    operation.path.startsWith("/api/v1/session") && operation.method !== "GET";
  operations = operationsOf(document).sort(
    (left, right) => Number(endsSession(left)) - Number(endsSession(right)),
  );
  components = document.components?.schemas ?? {};
}, 120_000);
afterAll(() => t?.close());

type Caller = { kind: "anonymous" } | { kind: "person"; username: string } | { kind: "machine" };

async function headersOf(caller: Caller, url: string): Promise<Record<string, string>> {
  if (caller.kind === "anonymous") return {};
  if (caller.kind === "machine") {
    const token = await signToken(client, { aud: `${publicUrl}${url.split("?")[0]}` });
    return { authorization: `Bearer ${token}` };
  }
  // One session per person. When a fuzzed logout, password change or revocation ended it, a new
  // person of the same role takes over: logging the same one in again would wait for a fresh
  // second-factor step (each code is good once per 30 s).
  let session = sessions.get(caller.username);
  const alive =
    session && (await t.app.inject({ method: "GET", url: "/api/v1/session", headers: session.headers }));
  if (!session || !alive || alive.statusCode !== 200) {
    const person = roles.find((candidate) => candidate.username === caller.username);
    if (!person) throw new Error(`no fuzz person ${caller.username}`);
    const username = session ? `${person.username}-${++replacements}` : person.username;
    if (session)
      await createUserFor(
        t,
        username,
        person.role,
        person.organisation,
        person.role === "structure-operator" ? structureId : undefined,
      );
    session = await logInAs(t.app, username);
    sessions.set(caller.username, session);
  }
  return session.headers;
}

const sessions = new Map<string, Awaited<ReturnType<typeof logInAs>>>();
let replacements = 0;

function expectNoServerError(operation: Operation, url: string, response: LightMyRequestResponse) {
  const where = `${operation.method} ${operation.path} → ${response.statusCode} (${url.slice(0, 120)})`;
  expect(response.statusCode, where).toBeLessThan(500);
  if (response.statusCode < 400) return;
  expect(String(response.headers["content-type"]), where).toMatch(/^application\/problem\+json/);
  const body = JSON.parse(response.body) as { code?: unknown; detail?: unknown };
  expect(body.code, where).toMatch(/^[a-z][a-z0-9-]*$/);
  expect(typeof body.detail, where).toBe("string");
}

function requestOf(operation: Operation, components: Record<string, JsonSchema>) {
  const queryParameters = operation.parameters.filter((parameter) => parameter.in === "query");
  return fc.record({
    segment: fc.constantFrom(...spoiledSegments, structureId),
    query: fc.record(
      Object.fromEntries(
        queryParameters.map((parameter) => [parameter.name, arbitraryOf(parameter.schema, components)]),
      ),
      { requiredKeys: [] },
    ),
    body: fc.oneof(
      {
        weight: 3,
        arbitrary: arbitraryOf(operation.bodySchema, components).map((value) => ({ json: value })),
      },
      { weight: 1, arbitrary: fc.constantFrom(...rawBodies).map((raw) => ({ raw })) },
    ),
  });
}

const statuses = new Map<number, number>();
const reachedOperations = new Set<string>();

async function send(operation: Operation, caller: Caller, request: Record<string, unknown>) {
  const { segment, query, body } = request as {
    segment: string;
    query: Record<string, unknown>;
    body: { json?: unknown; raw?: { payload: string | Buffer; contentType?: string } };
  };
  const url = `${pathWith(operation.path, () => segment)}${queryOf(query)}`;
  const headers = await headersOf(caller, url);
  const hasBody = operation.method !== "GET" && operation.method !== "DELETE";
  const payload = !hasBody ? undefined : body.raw ? body.raw.payload : JSON.stringify(body.json ?? null);
  const contentType = !hasBody
    ? undefined
    : body.raw
      ? body.raw.contentType
      : (operation.bodyMediaTypes[0] ?? "application/json");
  const response = await t.app.inject({
    method: operation.method as "GET",
    url,
    headers: { ...headers, ...(contentType ? { "content-type": contentType } : {}) },
    ...(payload !== undefined ? { payload } : {}),
  });
  statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
  if (response.statusCode < 400 || response.statusCode === 422)
    reachedOperations.add(`${operation.method} ${operation.path}`);
  expectNoServerError(operation, url, response);
}

describe("every operation of the OpenAPI document, fuzzed", () => {
  it("is generated from a document that has operations of every kind", () => {
    expect(operations.length).toBeGreaterThan(40);
    expect(operations.some((operation) => operation.isMachine)).toBe(true);
    expect(operations.some((operation) => operation.bodySchema)).toBe(true);
  });

  it("refuses each class of bad text in every field of every operation at once, without a 5xx", async () => {
    for (const operation of operations) {
      const callers: Caller[] = operation.isMachine
        ? [{ kind: "machine" }]
        : roles.map((role) => ({ kind: "person" as const, username: role.username }));
      const queryNames = operation.parameters.filter((parameter) => parameter.in === "query");
      for (const caller of callers)
        for (const textClass of textClasses) {
          // Once in the path and the query, once in the body with a valid path.
          await send(operation, caller, {
            segment: textClass.segment,
            query: Object.fromEntries(queryNames.map((parameter) => [parameter.name, textClass.text])),
            body: { json: shapedWith(operation.bodySchema, components, textClass.text) },
          });
          await send(operation, caller, {
            segment: structureId,
            query: {},
            body: { json: shapedWith(operation.bodySchema, components, textClass.text) },
          });
        }
    }
  }, 600_000);

  it("never answers 5xx, and refuses with problem+json and a stable code", async () => {
    for (const [index, operation] of operations.entries()) {
      const callers: Caller[] = operation.isMachine
        ? [{ kind: "anonymous" }, { kind: "machine" }]
        : [
            { kind: "anonymous" },
            ...roles.map((role) => ({ kind: "person" as const, username: role.username })),
          ];
      for (const caller of callers) {
        await fc.assert(
          fc.asyncProperty(requestOf(operation, components), (request) => send(operation, caller, request)),
          { numRuns: 10, seed: 20_261_121 + index, endOnFailure: true },
        );
      }
    }
    // The fuzzer got past authentication and into the handlers, not only to the front door.
    const sent = [...statuses.values()].reduce((sum, count) => sum + count, 0);
    expect(sent).toBeGreaterThan(operations.length * 12);
    expect(reachedOperations.size).toBeGreaterThan(operations.length / 2);
    console.info(
      `fuzz: ${sent} requests, statuses ${JSON.stringify(Object.fromEntries(statuses))}, ${reachedOperations.size}/${operations.length} operations reached`,
    );
    expect([...statuses.keys()].some((status) => status < 300)).toBe(true);
  }, 600_000);
});
