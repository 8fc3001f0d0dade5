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
import { accessPolicy } from "../../../domain/access/policy.ts";
import type { Role } from "../../../domain/access/roles.ts";

let t: TestApp;
const clients = new Map<string, Client>();
const ids = new Map<string, string>();
const client = (username: string) => clients.get(username) as Client;

const people: [string, Role, string][] = [
  ["admin", "region-admin", "REGIONE"],
  ["analista", "region-analyst", "REGIONE"],
  ["revisore", "auditor", "REGIONE"],
  ["gestore-a", "structure-manager", "COOP-A"],
  ["gestore-b", "structure-manager", "COOP-B"],
  ["responsabile", "service-manager", "SST"],
  ["op-a", "structure-operator", "COOP-A"],
];

beforeAll(async () => {
  t = await createTestApp({ SIRMI_MAX_SESSIONS_PER_USER: "10" });
  await createOrganisationFor(t, "REGIONE", "region");
  await createOrganisationFor(t, "COOP-A", "operator");
  await createOrganisationFor(t, "COOP-B", "operator");
  await createOrganisationFor(t, "SST", "social-service");
  for (const [username, role, organisation] of people) {
    ids.set(username, (await createUserFor(t, username, role, organisation)).id);
    clients.set(username, await logInAs(t.app, username));
  }
});
afterAll(() => t.close());

const newPerson = (overrides: Record<string, unknown>) => ({
  username: `p-${Math.random().toString(36).slice(2, 10)}`,
  displayName: "Persona Nuova",
  role: "structure-operator",
  organisationCode: "COOP-A",
  localAccount: true,
  ...overrides,
});

describe("who reaches the people endpoints", () => {
  it.each(people)("%s (%s): the list answers as the policy says", async (username, role) => {
    const response = await client(username).get("/api/v1/users");
    expect(response.statusCode).toBe(accessPolicy["user.manage"][role] ? 200 : 403);
  });

  it("a manager sees only the people of its organisation", async () => {
    const listed = json<{ items: { username: string }[] }>(
      await client("gestore-a").get("/api/v1/users"),
    ).items;
    expect(listed.map((p) => p.username).sort()).toEqual(["gestore-a", "op-a"]);
  });

  it("answers 404 for a person of another organisation, exactly as for an unknown one", async () => {
    const other = await client("gestore-b").post(`/api/v1/users/${ids.get("op-a")}/password-reset`);
    const unknown = await client("gestore-b").post(
      "/api/v1/users/00000000-0000-4000-8000-000000000000/password-reset",
    );
    expect(other.statusCode).toBe(404);
    expect(json(other).detail).toBe(json(unknown).detail);
    for (const call of [
      () => client("gestore-b").put(`/api/v1/users/${ids.get("op-a")}/status`, { active: false }),
      () => client("gestore-b").post(`/api/v1/users/${ids.get("op-a")}/second-factor-reset`),
      () => client("gestore-b").get(`/api/v1/users/${ids.get("op-a")}/sessions`),
      () => client("gestore-b").delete(`/api/v1/users/${ids.get("op-a")}/sessions`),
      () =>
        client("responsabile").post(`/api/v1/users/${ids.get("op-a")}/roles`, {
          role: "service-operator",
          organisationCode: "SST",
        }),
    ])
      expect((await call()).statusCode).toBe(404);
    expect((await client("op-a").post(`/api/v1/users/${ids.get("op-a")}/password-reset`)).statusCode).toBe(
      403,
    );
  });
});

describe("a manager manages its operators", () => {
  it("creates an operator with a temporary password that must be changed, then a second factor enrolled", async () => {
    const input = newPerson({});
    const created = await client("gestore-a").post("/api/v1/users", input);
    expect(created.statusCode, created.body).toBe(201);
    const { temporaryPassword } = json<{ temporaryPassword: string }>(created);
    expect(temporaryPassword).toHaveLength(16);
    const login = await t.app.inject({
      method: "POST",
      url: "/api/v1/session",
      payload: { username: input.username, password: temporaryPassword },
    });
    const session = json<{ pendingStep: string; csrfToken: string }>(login);
    expect(session.pendingStep).toBe("password-change");
    const headers = { cookie: `sirmi_session=${login.cookies[0].value}`, "x-csrf-token": session.csrfToken };
    const change = (newPassword: string) =>
      t.app.inject({
        method: "PUT",
        url: "/api/v1/session/password",
        headers,
        payload: { currentPassword: temporaryPassword, newPassword },
      });
    const weak = await change("Password2024!");
    expect(weak.statusCode).toBe(422);
    expect(json(weak).code).toBe("password-too-weak");
    expect((await change("corto")).statusCode).toBe(422);
    const changed = await change("una frase lunga e mia 7");
    expect(changed.statusCode, changed.body).toBe(200);
    expect(json(changed).pendingStep).toBe("second-factor-enrolment");
  });

  it("refuses another organisation, a role it does not manage, and a role given to oneself", async () => {
    for (const [input, reason] of [
      [newPerson({ organisationCode: "COOP-B" }), "role-not-managed"],
      [newPerson({ role: "service-operator", organisationCode: "SST" }), "role-not-managed"],
    ] as const) {
      const response = await client("gestore-a").post("/api/v1/users", input);
      expect(response.statusCode).toBe(403);
      expect(json(response).code).toBe("grant-not-allowed");
      expect(reason).toBeTruthy();
    }
    const self = await client("gestore-a").post(`/api/v1/users/${ids.get("gestore-a")}/roles`, {
      role: "structure-operator",
      organisationCode: "COOP-A",
    });
    expect(self.statusCode).toBe(403);
  });

  it("revokes a role it manages: recorded, and gone for a second revocation or another manager", async () => {
    const created = json<{ id: string }>(await client("gestore-a").post("/api/v1/users", newPerson({})));
    type Listed = { id: string; roles: { membershipId: string; role: string; canRevoke: boolean }[] };
    const listed = json<{ items: Listed[] }>(await client("gestore-a").get("/api/v1/users")).items;
    const [role] = listed.find((person) => person.id === created.id)?.roles ?? [];
    expect(role).toMatchObject({ role: "structure-operator", canRevoke: true });
    const path = `/api/v1/users/${created.id}/roles/${role.membershipId}`;
    expect((await client("gestore-b").delete(path)).statusCode).toBe(404);
    expect((await client("gestore-a").delete(path)).statusCode).toBe(204);
    const entries = json<{ items: { resourceId: string; username: string; details: { role: string } }[] }>(
      await client("revisore").get("/api/v1/audit-entries?action=user.remove-role"),
    ).items;
    expect(entries).toContainEqual(
      expect.objectContaining({
        resourceId: created.id,
        username: "gestore-a",
        details: expect.objectContaining({ role: "structure-operator" }),
      }),
    );
    expect((await client("gestore-a").delete(path)).statusCode).toBe(404);
  });

  it("resets a password and a second factor, closing the person's sessions", async () => {
    const operator = await logInAs(t.app, "op-a");
    const reset = await client("gestore-a").post(`/api/v1/users/${ids.get("op-a")}/password-reset`);
    expect(reset.statusCode).toBe(200);
    expect((await operator.get("/api/v1/session")).statusCode).toBe(401);
    const { temporaryPassword } = json<{ temporaryPassword: string }>(reset);
    const login = await t.app.inject({
      method: "POST",
      url: "/api/v1/session",
      payload: { username: "op-a", password: temporaryPassword },
    });
    expect(json(login).pendingStep).toBe("second-factor");
    expect(
      (await client("gestore-a").post(`/api/v1/users/${ids.get("op-a")}/second-factor-reset`)).statusCode,
    ).toBe(204);
    const again = await t.app.inject({
      method: "POST",
      url: "/api/v1/session",
      payload: { username: "op-a", password: temporaryPassword },
    });
    expect(json(again).pendingStep).toBe("password-change");
  });
});

describe("separation of duties for the Region's administrator", () => {
  it("cannot create a structure operator in a cooperative (and read identities through it)", async () => {
    const response = await client("admin").post("/api/v1/users", newPerson({}));
    expect(response.statusCode).toBe(403);
    expect(json(response).detail).toContain("non gestisce");
  });

  it("appoints a cooperative's manager only as a new person identified by fiscal code, without a password", async () => {
    const withPassword = await client("admin").post(
      "/api/v1/users",
      newPerson({ role: "structure-manager", fiscalCode: "RSSMRA80A01H501U" }),
    );
    expect(withPassword.statusCode).toBe(403);
    expect(json(withPassword).detail).toContain("SPID o CIE");
    const appointed = await client("admin").post(
      "/api/v1/users",
      newPerson({ role: "structure-manager", fiscalCode: "RSSMRA80A01H501U", localAccount: false }),
    );
    expect(appointed.statusCode, appointed.body).toBe(201);
    expect(json(appointed).temporaryPassword).toBeNull();
    const sameCode = await client("admin").post(
      "/api/v1/users",
      newPerson({
        role: "service-manager",
        organisationCode: "SST",
        fiscalCode: "RSSMRA80A01H501U",
        localAccount: false,
      }),
    );
    expect(sameCode.statusCode).toBe(409);
    expect(sameCode.body).not.toContain("RSSMRA80A01H501U");
  });

  it("cannot give an identity role elsewhere to Region staff, nor grant itself a role", async () => {
    const toAnalyst = await client("admin").post(`/api/v1/users/${ids.get("analista")}/roles`, {
      role: "structure-manager",
      organisationCode: "COOP-A",
    });
    expect(toAnalyst.statusCode).toBe(403);
    const operatorToRegion = await client("admin").post(`/api/v1/users/${ids.get("op-a")}/roles`, {
      role: "region-analyst",
      organisationCode: "REGIONE",
    });
    expect(operatorToRegion.statusCode).toBe(403);
    expect(json(operatorToRegion).detail).toContain("personale della Regione");
    const self = await client("admin").post(`/api/v1/users/${ids.get("admin")}/roles`, {
      role: "registry-steward",
      organisationCode: "REGIONE",
    });
    expect(json(self)).toMatchObject({ status: 403, code: "grant-not-allowed" });
    const steward = await client("admin").post(`/api/v1/users/${ids.get("analista")}/roles`, {
      role: "registry-steward",
      organisationCode: "REGIONE",
    });
    expect(steward.statusCode).toBe(204);
  });

  it("cannot reset a manager's password, but may suspend and reactivate it and close its sessions", async () => {
    const manager = ids.get("gestore-b") as string;
    expect((await client("admin").post(`/api/v1/users/${manager}/password-reset`)).statusCode).toBe(403);
    const managerClient = await logInAs(t.app, "gestore-b");
    expect((await client("admin").delete(`/api/v1/users/${manager}/sessions`)).statusCode).toBe(204);
    expect((await managerClient.get("/api/v1/session")).statusCode).toBe(401);
    expect((await client("admin").put(`/api/v1/users/${manager}/status`, { active: false })).statusCode).toBe(
      204,
    );
    await expect(logInAs(t.app, "gestore-b")).rejects.toThrow(/401/);
    expect((await client("admin").put(`/api/v1/users/${manager}/status`, { active: true })).statusCode).toBe(
      204,
    );
    await logInAs(t.app, "gestore-b");
  });

  it("the auditor sees who granted what, and the refusals", async () => {
    const entries = json<{
      items: { action: string; username: string; outcome: string; details: Record<string, unknown> | null }[];
    }>(await client("revisore").get("/api/v1/audit-entries?limit=500")).items;
    const grants = entries.filter((e) => e.action === "user.add-role" && e.username === "admin");
    expect(grants[0]?.details).toMatchObject({ role: "registry-steward", organisationCode: "REGIONE" });
    const refused = entries.filter((e) => e.action === "user.grant-refused");
    expect(refused.map((e) => e.details?.reason)).toEqual(
      expect.arrayContaining([
        "role-not-managed",
        "appointment-by-fiscal-code-only",
        "self-grant",
        "region-staff-identity-role",
      ]),
    );
    expect(entries.some((e) => e.action === "user.create" && e.username === "gestore-a")).toBe(true);
    expect(JSON.stringify(entries)).not.toContain("RSSMRA80A01H501U");
  });
});
