import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { createUserFor, type TestApp } from "../../../test/support/test-app.ts";
import { queryRows } from "../../db/database.ts";
import type { Action, Scope } from "../../domain/access/policy.ts";
import { semesterOf } from "../../domain/reports/procura-window.ts";
import { type Reach, reachesMinor, reachesPerson, reachesPlace } from "./access-matrix-scopes.fixtures.ts";
import {
  type Caller,
  minorFacts,
  type Place,
  placeCodes,
  type World,
} from "./access-matrix-world.fixtures.ts";

/** The pieces the matrix's cases are written with: requests, targets and what each scope reaches of them. */
export type MatrixRequest = { method: string; url: string; body?: unknown };
export type Build = (world: World, caller: Caller, t: TestApp) => MatrixRequest | Promise<MatrixRequest>;
/** An exact status, or "door": past the access check (neither 401, 403 forbidden nor 404). */
export type Allowed = number | "door";
export type Target = {
  name: string;
  reaches: (scope: Scope, caller: Caller) => Reach;
  build: Build;
  allowed: Allowed;
};
export type OperationCase =
  | { kind: "policy"; action: Action; targets: Target[] }
  | { kind: "public" | "own-session" | "machine"; build: Build };

export const get = (url: string): MatrixRequest => ({ method: "GET", url });
export const post = (url: string, body?: unknown): MatrixRequest => ({ method: "POST", url, body });
export const put = (url: string, body?: unknown): MatrixRequest => ({ method: "PUT", url, body });
export const remove = (url: string): MatrixRequest => ({ method: "DELETE", url });

export const policy = (action: Action, ...targets: Target[]): OperationCase => ({
  kind: "policy",
  action,
  targets,
});
export const whole = (build: Build, allowed: Allowed = 200): Target => ({
  name: "all",
  reaches: () => true,
  build,
  allowed,
});
export const places = (
  list: Place[],
  build: (world: World, place: Place, caller: Caller) => MatrixRequest,
  allowed: Allowed = 200,
) =>
  list.map(
    (place): Target => ({
      name: `structure ${place}`,
      reaches: (scope, caller) => reachesPlace(scope, caller, place),
      build: (world, caller) => build(world, place, caller),
      allowed,
    }),
  );
export const everyPlace: Place[] = ["A1", "A2", "B1", "P"];
export const activePlaces: Place[] = ["A1", "A2", "B1"];

/** The minors of the world the registry operations are tried on. */
export const readTargets = [
  "hostedA1",
  "hostedA2",
  "hostedB1",
  "closed89",
  "closed90",
  "closed91",
  "reviewX",
  "mergedA",
  "mergedB",
  "unmergedA",
  "unmergedB",
  "glassActive",
  "glassExpired",
  "unknown",
];
/** An emergency access opens an identity, not the record: the record is tried without those two. */
export const recordTargets = readTargets.filter((key) => !key.startsWith("glass"));
/** Corrections: in charge or not, at the 90-day edge, queued by a merge, unknown. */
export const correctionTargets = [
  "hostedA1",
  "hostedA2",
  "hostedB1",
  "closed89",
  "closed90",
  "reviewX",
  "mergedA",
  "unmergedB",
  "glassActive",
  "unknown",
];
export const pseudonymOf = (world: World, key: string) => world.minors[key]?.pseudonym ?? "ZZZZ0000NONE";
export const minors = (
  keys: string[],
  use: "record" | "identity" | "correction",
  build: (world: World, key: string) => MatrixRequest,
  allowed: Allowed = 200,
) =>
  keys.map(
    (key): Target => ({
      name: `minor ${key}`,
      reaches: (scope, caller) => reachesMinor(scope, caller, minorFacts[key], use),
      build: (world) => build(world, key),
      allowed,
    }),
  );

/**
 * A person of the caller's own organisation, or of operator B (no caller's): one per organisation,
 * or a new one for an operation that takes the person's role away.
 */
const madePeople = new Map<string, Promise<{ userId: string; membershipId: string }>>();
function personIn(t: TestApp, organisation: string, isFresh: boolean) {
  if (isFresh) return makePerson(t, organisation);
  if (!madePeople.has(organisation)) madePeople.set(organisation, makePerson(t, organisation));
  return madePeople.get(organisation) as Promise<{ userId: string; membershipId: string }>;
}

async function makePerson(t: TestApp, organisation: string) {
  const username = `p-${randomUUID().slice(0, 8)}`;
  const role = organisation.startsWith("COOP")
    ? "structure-operator"
    : organisation === "SST"
      ? "service-operator"
      : organisation === "OSS"
        ? "observatory"
        : "region-analyst";
  const created = await createUserFor(t, username, role, organisation);
  const [row] = await queryRows<{ id: string }>(
    t.db,
    sql`select id from membership where user_id = ${created.id}`,
  );
  return { userId: created.id as string, membershipId: row.id };
}
export const people = (
  build: (person: { userId: string; membershipId: string }, caller: Caller) => MatrixRequest,
  use: "read" | "manage" = "manage",
  isFresh = false,
) =>
  (["own organisation", "operator B"] as const).map(
    (name): Target => ({
      name: `person of ${name}`,
      reaches: (scope, caller) =>
        reachesPerson(scope, caller, name === "operator B" ? "COOP-B" : caller.organisation, use),
      build: async (_world, caller, t) =>
        build(await personIn(t, name === "operator B" ? "COOP-B" : caller.organisation, isFresh), caller),
      allowed: "door",
    }),
  );

export const roleFor = (caller: Caller) =>
  caller.organisation.startsWith("COOP")
    ? "structure-operator"
    : caller.organisation === "SST"
      ? "service-operator"
      : caller.organisation === "OSS"
        ? "observatory"
        : "region-analyst";
export const stockOf = (place: Place) =>
  `/api/v1/reports/out-of-family-stock?date=2026-06-30&structure=${placeCodes[place]}`;
export const semester = (t: TestApp) => semesterOf(t.today);
export const unknownId = "00000000-0000-4000-8000-000000000000";
