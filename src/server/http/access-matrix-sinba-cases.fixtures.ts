import { sql } from "drizzle-orm";
import type { TestApp } from "../../../test/support/test-app.ts";
import { queryRows } from "../../db/database.ts";
import { get, type OperationCase, policy, type Target, whole } from "./access-matrix-targets.fixtures.ts";

/** The SINBA flow pages: a service reaches its own ente; the Region names any social service. */
async function organisationIdOf(t: TestApp, code: string): Promise<string> {
  const [row] = await queryRows<{ id: string }>(t.db, sql`select id from organisation where code = ${code}`);
  return row.id;
}

const enteTargets = (path: string): Target[] => [
  // Without an ente a service reads its own; the Region is asked to name one (422): past the door.
  whole(() => get(path), "door"),
  {
    name: "the service SST",
    reaches: (scope, caller) => scope === "region" || caller.organisation === "SST",
    build: async (_world, _caller, t) => get(`${path}?ente=${await organisationIdOf(t, "SST")}`),
    allowed: 200,
  },
  {
    name: "an organisation that is not a service",
    reaches: () => false,
    build: async (_world, _caller, t) => get(`${path}?ente=${await organisationIdOf(t, "COOP-A")}`),
    allowed: 200,
  },
];

export const sinbaCases: Record<string, OperationCase> = {
  "GET /api/v1/sinba/flows": policy("sinba.read", ...enteTargets("/api/v1/sinba/flows")),
  "GET /api/v1/sinba/not-sendable": policy("sinba.read", ...enteTargets("/api/v1/sinba/not-sendable")),
  "GET /api/v1/sinba/enti": policy(
    "sinba.read",
    whole(() => get("/api/v1/sinba/enti")),
  ),
};
