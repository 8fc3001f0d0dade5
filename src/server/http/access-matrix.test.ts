import { sql } from "drizzle-orm";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/support/test-app.ts";
import { queryRows } from "../../db/database.ts";
import { accessPolicy, identityDaysAfterDischarge } from "../../domain/access/policy.ts";
import { type Role, roleCodes } from "../../domain/access/roles.ts";
import { addDays } from "../../domain/time/calendar.ts";
import { approvedIdentityDaysAfterDischarge, approvedPolicy } from "./access-matrix-approved.fixtures.ts";
import { operationCases, procuraTargets, resolveBody } from "./access-matrix-cases.fixtures.ts";
import type { Allowed, MatrixRequest, OperationCase, Target } from "./access-matrix-targets.fixtures.ts";
import { buildWorld, callerOf, type World } from "./access-matrix-world.fixtures.ts";
import { operationsOf } from "./openapi-fuzz.fixtures.ts";

/**
 * The access protocol, whole: every operation of the OpenAPI document × every role × the records
 * it is tried on (in scope, out of scope, no relationship, and the edges: stays closed 89, 90 and
 * 91 days ago, merged and unmerged minors, emergency accesses running and expired, an operator
 * assigned to one structure of its operator's two, an admission to be confirmed). The expected
 * answer comes from the approved policy table and the protocol's reading of each scope (access-matrix-scopes.fixtures.ts), never from the server:
 * no permission → 403, out of scope → 404, else allowed. One app, one world, one session per role.
 */
let t: TestApp;
let world: World;
let documentOperations: string[];

beforeAll(async () => {
  t = await createTestApp({ SIRMI_LOGIN_RATE_LIMIT_PER_MINUTE: "100000" });
  world = await buildWorld(t);
  const document = t.app.swagger() as Parameters<typeof operationsOf>[0];
  documentOperations = operationsOf(document).map((operation) => `${operation.method} ${operation.path}`);
}, 180_000);
afterAll(() => t?.close());

const get = (url: string): MatrixRequest => ({ method: "GET", url });

async function send(role: Role, request: MatrixRequest): Promise<LightMyRequestResponse> {
  const client = world.people.get(role);
  if (!client) throw new Error(`no session for ${role}`);
  const resolved = await resolveBody(world, request);
  return t.app.inject({
    method: resolved.method as "GET",
    url: resolved.url,
    headers: client.headers,
    ...(resolved.body === undefined ? {} : { payload: resolved.body as object }),
  });
}

const codeOf = (response: LightMyRequestResponse) => {
  try {
    return (response.json() as { code?: string }).code;
  } catch {
    return undefined;
  }
};

/** What the answer must be: 403 with `forbidden`, 404, or the allowed status (or past the door). */
function check(response: LightMyRequestResponse, expected: 403 | 404 | Allowed, label: string) {
  const seen = `${label}: ${response.statusCode} ${response.body.slice(0, 200)}`;
  if (expected === 403) {
    expect(response.statusCode, seen).toBe(403);
    expect(codeOf(response), seen).toBe("forbidden");
  } else if (expected === 404) expect(response.statusCode, seen).toBe(404);
  else if (expected === "door") {
    expect(response.statusCode, seen).toBeLessThan(500);
    expect([401, 404], seen).not.toContain(response.statusCode);
    expect(codeOf(response), seen).not.toBe("forbidden");
  } else expect(response.statusCode, seen).toBe(expected);
}

function expectedFor(operation: Extract<OperationCase, { kind: "policy" }>, target: Target, role: Role) {
  const action = operation.action;
  const scope = approvedPolicy[action][role];
  if (!scope) return 403 as const;
  const reach = target.reaches(scope, callerOf(role));
  if (reach === "forbidden") return 403 as const;
  return reach ? target.allowed : (404 as const);
}

/** Operations that end the caller's session, or change the world's facts, go last. */
const last = [
  "POST /api/v1/minor-merges/{id}/undo",
  "POST /api/v1/duplicate-reviews/{id}/decision",
  "DELETE /api/v1/session",
  "POST /api/v1/session/provider-logout",
];
const ordered = [...Object.keys(operationCases).filter((key) => !last.includes(key)), ...last];

describe("the policy in force", () => {
  it("is the approved one: a changed entry is changed in both, in one reviewed commit", () => {
    expect(accessPolicy).toEqual(approvedPolicy);
    expect(identityDaysAfterDischarge).toBe(approvedIdentityDaysAfterDischarge);
  });
});

describe("the matrix covers the document", () => {
  it("has a case for every operation of the OpenAPI document, and none for an operation it lacks", () => {
    expect([...documentOperations].sort()).toEqual(Object.keys(operationCases).sort());
  });
});

describe("the 90-day rule on a past day's guests (no side door with a date)", () => {
  it("names a child discharged 89 days ago, not one discharged 90 or 91 days ago, whatever the day asked", async () => {
    const day = addDays(t.today, -150);
    const response = await send(
      "structure-operator",
      get(`/api/v1/structures/${world.placeIds.A1}/guests?date=${day}`),
    );
    expect(response.statusCode, response.body).toBe(200);
    const items = (response.json() as { items: { pseudonym: string; givenName: string | null }[] }).items;
    const nameOf = (key: string) =>
      items.find((item) => item.pseudonym === world.minors[key].pseudonym)?.givenName;
    expect(nameOf("closed89")).toBe(world.minors.closed89.identity.givenName);
    expect(nameOf("closed90")).toBeNull();
    expect(nameOf("closed91")).toBeNull();
    expect(nameOf("hostedA1")).toBe(world.minors.hostedA1.identity.givenName);
  });
});

describe("to-be-confirmed admissions (principle 7)", () => {
  it("the hosting structure reads the identity but its correction goes to review; flagged for it, the steward and the auditor", async () => {
    const hosted = world.minors.hostedA1;
    const [before] = await queryRows<{ isBackdated: boolean; confirmedAt: string | null }>(
      t.db,
      sql`select is_backdated as "isBackdated", confirmed_at as "confirmedAt" from stay where id = ${hosted.stayId}`,
    );
    await t.db.execute(
      sql`update stay set is_backdated = true, confirmed_at = null where id = ${hosted.stayId}`,
    );
    try {
      const identity = `/api/v1/minors/${hosted.pseudonym}/identity`;
      expect((await send("structure-operator", get(identity))).statusCode).toBe(200);
      const corrected = await t.app.inject({
        method: "PUT",
        url: identity,
        headers: world.people.get("structure-operator")?.headers,
        payload: { ...hosted.identity, givenName: "Nome Diverso" },
      });
      expect(corrected.json()).toMatchObject({ corrected: false, sentToReview: true });
      const guests = (
        await send("structure-operator", get(`/api/v1/structures/${world.placeIds.A1}/guests`))
      ).json() as {
        items: { stayId: string; isToBeConfirmed: boolean }[];
      };
      expect(guests.items.find((guest) => guest.stayId === hosted.stayId)?.isToBeConfirmed).toBe(true);
      const flagged = (await send("registry-steward", get("/api/v1/data-quality/stays"))).json() as {
        items: { stayId: string; flags: string[] }[];
      };
      expect(flagged.items.find((item) => item.stayId === hosted.stayId)?.flags).toContain("to-be-confirmed");
      const reviews = (
        await send("auditor", get("/api/v1/admission-reviews?state=to-be-confirmed"))
      ).json() as {
        items: { stayId: string; reasons: string[] }[];
      };
      expect(reviews.items.find((item) => item.stayId === hosted.stayId)?.reasons).toContain("backdated");
    } finally {
      await t.db.execute(
        sql`update stay set is_backdated = ${before.isBackdated}, confirmed_at = ${before.confirmedAt} where id = ${hosted.stayId}`,
      );
    }
  });
});

describe.each(ordered)("%s", (key) => {
  const operation = operationCases[key];
  it.each(roleCodes)("as %s", async (role) => {
    if (operation.kind !== "policy") {
      const response = await send(role, await operation.build(world, callerOf(role), t));
      const label = `${key} as ${role}`;
      expect(response.statusCode, label).toBeLessThan(500);
      if (operation.kind === "machine") expect(response.statusCode, `${label}: ${response.body}`).toBe(401);
      // Not behind the policy: no role is refused by it, none finds the operation missing.
      else expect(codeOf(response), `${label}: ${response.body}`).not.toBe("forbidden");
      return;
    }
    for (const target of operation.targets) {
      const request = await target.build(world, callerOf(role), t);
      check(
        await send(role, request),
        expectedFor(operation, target, role),
        `${key} ${target.name} as ${role}`,
      );
    }
    if (key === "GET /api/v1/reports/{id}") {
      const procura = { kind: "policy" as const, action: "report.procura" as const, targets: [] };
      for (const target of procuraTargets(t)) {
        const request = await target.build(world, callerOf(role), t);
        check(
          await send(role, request),
          expectedFor(procura, target, role),
          `procura-list ${target.name} as ${role}`,
        );
      }
    }
  });
});
