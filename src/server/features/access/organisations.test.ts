import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Client,
  createOrganisationFor,
  createTestApp,
  createUserFor,
  json,
  logInAs,
  type TestApp,
} from "../../../../test/support/test-app.ts";
import { accessPolicy, actionLabels, scopeCodes } from "../../../domain/access/policy.ts";
import { Role, roleLabels } from "../../../domain/access/roles.ts";

let t: TestApp;
let admin: Client;
let manager: Client;
let auditor: Client;

beforeAll(async () => {
  t = await createTestApp();
  await createOrganisationFor(t, "REGIONE", "region");
  await createOrganisationFor(t, "COOP", "operator");
  await createUserFor(t, "admin", "region-admin", "REGIONE");
  await createUserFor(t, "gestore", "structure-manager", "COOP");
  await createUserFor(t, "revisore", "auditor", "REGIONE");
  admin = await logInAs(t.app, "admin");
  manager = await logInAs(t.app, "gestore");
  auditor = await logInAs(t.app, "revisore");
});
afterAll(() => t.close());

type Organisation = { id: string; code: string; name: string; kind: string; comune: string | null };

describe("registering an organisation", () => {
  it("the Region's administrator registers one: listed at once and recorded in the audit log", async () => {
    const created = await admin.post("/api/v1/organisations", {
      code: "ASP-NUOVA",
      name: "Azienda servizi alla persona",
      kind: "social-service",
      comune: "048017",
    });
    expect(created.statusCode).toBe(201);
    const organisation = json<Organisation & { fiscalCode: string | null }>(created);
    expect(organisation).toMatchObject({
      code: "ASP-NUOVA",
      name: "Azienda servizi alla persona",
      kind: "social-service",
      fiscalCode: null,
      comune: "048017",
    });
    const listed = json<{ items: Organisation[] }>(await admin.get("/api/v1/organisations")).items;
    expect(listed.map((item) => item.code).sort()).toEqual(["ASP-NUOVA", "COOP", "REGIONE"]);
    const entries = json<{ items: { resourceId: string; username: string }[] }>(
      await auditor.get("/api/v1/audit-entries?action=organisation.create"),
    ).items;
    expect(entries).toContainEqual(
      expect.objectContaining({ resourceId: organisation.id, username: "admin" }),
    );
  });

  it("refuses a code already taken, a malformed code, and any other role", async () => {
    const taken = await admin.post("/api/v1/organisations", {
      code: "COOP",
      name: "Altra",
      kind: "operator",
    });
    expect(taken.statusCode).toBe(409);
    expect(json(taken).code).toBe("conflict");
    const malformed = await admin.post("/api/v1/organisations", {
      code: "minuscole",
      name: "Codice non valido",
      kind: "operator",
    });
    expect(malformed.statusCode).toBe(422);
    expect(json<{ problems: { path: string }[] }>(malformed).problems[0].path).toBe("/body/code");
    const byManager = await manager.post("/api/v1/organisations", {
      code: "COOP-DUE",
      name: "Cooperativa due",
      kind: "operator",
    });
    expect(byManager.statusCode).toBe(403);
    expect((await manager.get("/api/v1/organisations")).statusCode).toBe(403);
    const listed = json<{ items: Organisation[] }>(await admin.get("/api/v1/organisations")).items;
    expect(listed.map((item) => item.code)).not.toContain("COOP-DUE");
  });
});

describe("the access policy", () => {
  it("is the domain's table with its Italian labels, for every signed-in role and nobody else", async () => {
    expect((await t.app.inject({ method: "GET", url: "/api/v1/access-policy" })).statusCode).toBe(401);
    const response = await manager.get("/api/v1/access-policy");
    expect(response.statusCode).toBe(200);
    const policy = json<{
      roles: { code: Role; label: string }[];
      rules: {
        action: string;
        label: string;
        scopes: { role: string; scope: string; scopeLabel: string }[];
      }[];
    }>(response);
    expect(policy.roles).toEqual(Role.options.map((code) => ({ code, label: roleLabels[code] })));
    expect(policy.rules.map((rule) => rule.action)).toEqual(Object.keys(accessPolicy));
    const read = policy.rules.find((rule) => rule.action === "structure.read");
    expect(read?.label).toBe(actionLabels["structure.read"]);
    expect(read?.scopes).toContainEqual({
      role: "structure-manager",
      scope: "own-structures",
      scopeLabel: scopeCodes["own-structures"],
    });
    expect(read?.scopes.map((scope) => scope.role).sort()).toEqual(
      Object.keys(accessPolicy["structure.read"]).sort(),
    );
  });
});
