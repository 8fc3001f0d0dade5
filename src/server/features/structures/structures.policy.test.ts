import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { structureRecord, vatNumber } from "../../../../test/support/structure-fixtures.ts";
import {
  type Client,
  createOrganisationFor,
  createTestApp,
  createUserFor,
  json,
  logInAs,
  type TestApp,
} from "../../../../test/support/test-app.ts";
import { type Action, accessPolicy } from "../../../domain/access/policy.ts";
import { organisationKindOfRole, type Role, roleCodes } from "../../../domain/access/roles.ts";

/**
 * Every role against every structure endpoint, on a structure of the caller's own operator
 * ("own"), of another operator ("other"), and one still waiting for approval ("pending"). The
 * expected answer is derived from the policy data: no permission → 403, out of scope → 404.
 */
let t: TestApp;
const clients = new Map<Role, Client>();
const ids: Record<"own" | "other" | "pending", string> = { own: "", other: "", pending: "" };

const organisationOfKind = {
  region: "REGIONE",
  "social-service": "SST",
  operator: "COOP-A",
  observatory: "OSS",
} as const;

beforeAll(async () => {
  t = await createTestApp();
  await createOrganisationFor(t, "REGIONE", "region");
  await createOrganisationFor(t, "SST", "social-service");
  await createOrganisationFor(t, "OSS", "observatory");
  await createOrganisationFor(t, "COOP-A", "operator", vatNumber("1111111111"), "Cooperativa A");
  await createOrganisationFor(t, "COOP-B", "operator", vatNumber("2222222222"), "Cooperativa B");
  for (const role of roleCodes) {
    await createUserFor(t, `u-${role}`, role, organisationOfKind[organisationKindOfRole[role]]);
    clients.set(role, await logInAs(t.app, `u-${role}`));
  }
  await createUserFor(t, "manager-b", "structure-manager", "COOP-B");
  const managerB = await logInAs(t.app, "manager-b");
  const managerA = clients.get("structure-manager") as Client;
  const admin = clients.get("region-admin") as Client;
  const operatorA = {
    name: "Cooperativa A",
    fiscalCode: vatNumber("1111111111"),
    legalNature: "cooperativa-sociale" as const,
  };
  const operatorB = {
    name: "Cooperativa B",
    fiscalCode: vatNumber("2222222222"),
    legalNature: "cooperativa-sociale" as const,
  };
  ids.own = json<{ id: string }>(
    await managerA.post("/api/v1/structures", structureRecord({ operator: operatorA })),
  ).id;
  ids.other = json<{ id: string }>(
    await managerB.post("/api/v1/structures", structureRecord({ operator: operatorB })),
  ).id;
  ids.pending = json<{ id: string }>(
    await managerB.post("/api/v1/structures", structureRecord({ operator: operatorB })),
  ).id;
  const changes = json<{ items: { id: string; structureId: string }[] }>(
    await admin.get("/api/v1/structure-changes"),
  ).items;
  for (const id of [ids.own, ids.other]) {
    const change = changes.find((item) => item.structureId === id);
    await admin.post(`/api/v1/structure-changes/${change?.id}/decision`, { decision: "approve" });
  }
});
afterAll(() => t.close());

function expectedStatus(action: Action, role: Role, target: keyof typeof ids, allowed: number): number {
  const scope = accessPolicy[action][role];
  if (!scope) return 403;
  if (scope === "region") return allowed;
  if (scope === "active-structures") return target === "pending" ? 404 : allowed;
  if (scope === "own-structures") return target === "own" ? allowed : 404;
  return 404;
}

describe.each(roleCodes)("role %s", (role) => {
  it.each(["own", "other", "pending"] as const)("reads a structure (%s)", async (target) => {
    const response = await (clients.get(role) as Client).get(`/api/v1/structures/${ids[target]}`);
    expect(response.statusCode).toBe(expectedStatus("structure.read", role, target, 200));
  });

  it("lists only the structures in scope", async () => {
    const response = await (clients.get(role) as Client).get("/api/v1/structures");
    const scope = accessPolicy["structure.read"][role];
    if (!scope) return expect(response.statusCode).toBe(403);
    const listed = new Set(json<{ items: { id: string }[] }>(response).items.map((item) => item.id));
    for (const target of ["own", "other", "pending"] as const) {
      expect(listed.has(ids[target]), target).toBe(
        expectedStatus("structure.read", role, target, 200) === 200,
      );
    }
  });

  it.each(["own", "other"] as const)("edits a structure (%s) without changing it", async (target) => {
    const client = clients.get(role) as Client;
    const admin = clients.get("region-admin") as Client;
    const record = json<{ record: object }>(await admin.get(`/api/v1/structures/${ids[target]}`)).record;
    const response = await client.put(`/api/v1/structures/${ids[target]}`, record);
    expect(response.statusCode).toBe(expectedStatus("structure.edit", role, target, 200));
  });

  it("registers a structure only with the permission", async () => {
    const response = await (clients.get(role) as Client).post(
      "/api/v1/structures",
      structureRecord({
        operator: {
          name: "Cooperativa A",
          fiscalCode: vatNumber("1111111111"),
          legalNature: "cooperativa-sociale",
        },
      }),
    );
    expect(response.statusCode).toBe(accessPolicy["structure.register"][role] ? 201 : 403);
  });

  it("sees the approval queue and the access log only with the permission", async () => {
    const client = clients.get(role) as Client;
    expect((await client.get("/api/v1/structure-changes")).statusCode).toBe(
      accessPolicy["structure.decide"][role] ? 200 : 403,
    );
    expect((await client.get("/api/v1/audit-entries")).statusCode).toBe(
      accessPolicy["audit.read"][role] ? 200 : 403,
    );
    expect((await client.get("/api/v1/users")).statusCode).toBe(
      accessPolicy["user.manage"][role] ? 200 : 403,
    );
  });
});

describe("unknown and malformed identifiers", () => {
  it("answer 404 for an unknown id, exactly like an out-of-scope one", async () => {
    const client = clients.get("structure-operator") as Client;
    const unknown = await client.get("/api/v1/structures/00000000-0000-4000-8000-000000000000");
    const outOfScope = await client.get(`/api/v1/structures/${ids.other}`);
    expect(unknown.statusCode).toBe(404);
    expect(json(unknown).detail).toBe(json(outOfScope).detail);
    expect((await client.get("/api/v1/structures/non-un-id")).statusCode).toBe(422);
  });
});
