import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { italianChild } from "../../../../test/support/registry-fixtures.ts";
import { admissionEvent, createActiveStructures } from "../../../../test/support/stay-fixtures.ts";
import { vatNumber } from "../../../../test/support/structure-fixtures.ts";
import {
  type Client,
  createOrganisationFor,
  createTestApp,
  createUserFor,
  json,
  logInAs,
  type TestApp,
} from "../../../../test/support/test-app.ts";
import { queryRows } from "../../../db/database.ts";
import { ingestEvent } from "../stays/index.ts";

/** Break-glass (access protocol, principle 5): written reason, 24 hours, flagged, reviewed. */
let t: TestApp;
let outsider: Client;
let analyst: Client;
let auditor: Client;
let pseudonym: string;
const reason = "Il minore si è presentato in pronto soccorso senza documenti, serve l'identità.";

type Access = { id: string; pseudonym: string; isActive: boolean; reviewState: string; expiresAt: string };

beforeAll(async () => {
  t = await createTestApp();
  await createOrganisationFor(t, "COOP", "operator", vatNumber("0123456789"), "Cooperativa Sociale Esempio");
  await createOrganisationFor(t, "REGIONE", "region");
  await createActiveStructures(t.db, ["ST000051", "ST000052"]);
  const ids = Object.fromEntries(
    (await queryRows<{ id: string; code: string }>(t.db, sql`select id, code from structure`)).map((row) => [
      row.code,
      row.id,
    ]),
  );
  await createUserFor(t, "fuori", "structure-operator", "COOP", ids.ST000052);
  await createUserFor(t, "analista", "region-analyst", "REGIONE");
  await createUserFor(t, "revisore", "auditor", "REGIONE");
  outsider = await logInAs(t.app, "fuori");
  analyst = await logInAs(t.app, "analista");
  auditor = await logInAs(t.app, "revisore");
  const admitted = await ingestEvent(
    t.db,
    { keyring: t.keyring, today: t.today },
    { kind: "user", id: randomUUID(), subject: { system: true, label: "test" }, mayWrite: () => true },
    admissionEvent(
      "ST000051",
      "a1",
      "2025-05-01",
      italianChild({ familyName: "Sarti", givenName: "Tea", sex: "F" }),
    ),
  );
  [{ pseudonym }] = await queryRows<{ pseudonym: string }>(
    t.db,
    sql`select m.pseudonym from stay s join minor m on m.id = s.minor_id where s.id = ${admitted.stayId}`,
  );
});
afterAll(() => t?.close());

describe("an emergency access", () => {
  it("needs a reason an auditor can judge, and a role that works with minors", async () => {
    const short = await outsider.post("/api/v1/break-glass-accesses", { pseudonym, reason: "urgente" });
    expect(short.statusCode).toBe(422);
    expect(json<{ problems: { path: string }[] }>(short).problems[0].path).toBe("/body/reason");
    expect((await analyst.post("/api/v1/break-glass-accesses", { pseudonym, reason })).statusCode).toBe(403);
    expect((await auditor.post("/api/v1/break-glass-accesses", { pseudonym, reason })).statusCode).toBe(403);
  });

  it("opens the identity for 24 hours, each read flagged in the log with its access", async () => {
    expect((await outsider.get(`/api/v1/minors/${pseudonym}/identity`)).statusCode).toBe(404);
    const opened = await outsider.post("/api/v1/break-glass-accesses", { pseudonym, reason });
    expect(opened.statusCode).toBe(201);
    const access = json<Access>(opened);
    expect(access).toMatchObject({ pseudonym, isActive: true, reviewState: "pending" });
    const [{ hours }] = await queryRows<{ hours: number }>(
      t.db,
      sql`select round(extract(epoch from expires_at - opened_at) / 3600)::int as hours from break_glass_access where id = ${access.id}`,
    );
    expect(hours).toBe(24);
    const read = await outsider.get(`/api/v1/minors/${pseudonym}/identity`);
    expect(read.statusCode).toBe(200);
    expect(json<{ identity: { familyName: string } }>(read).identity.familyName).toBe("Sarti");
    const [entry] = await queryRows<{ purpose: string; details: { breakGlassId: string } }>(
      t.db,
      sql`select purpose, details from audit_entry where action = 'registry.identity-read' and username = 'fuori'
          and outcome = 'success' order by sequence desc limit 1`,
    );
    expect(entry).toMatchObject({ purpose: "break-glass", details: { breakGlassId: access.id } });
    // Reading is all it opens: correcting the identity still needs a relationship.
    const correction = await outsider.put(`/api/v1/minors/${pseudonym}/identity`, {
      ...italianChild({ familyName: "Sarti", givenName: "Tea", sex: "F" }),
      familyName: "Altro",
    });
    expect(correction.statusCode).toBe(404);
  });

  it("closes by itself once expired", async () => {
    await t.db.execute(
      sql`update break_glass_access set opened_at = now() - interval '25 hours', expires_at = now() - interval '1 hour'`,
    );
    expect((await outsider.get(`/api/v1/minors/${pseudonym}/identity`)).statusCode).toBe(404);
    const own = json<{ items: Access[] }>(await outsider.get("/api/v1/break-glass-accesses")).items;
    expect(own.map((item) => item.isActive)).toEqual([false]);
  });

  it("waits in the auditor's queue with what was read, and is decided once", async () => {
    const queue = json<{ items: (Access & { username: string; identityReads: number; role: string })[] }>(
      await auditor.get("/api/v1/break-glass-reviews"),
    ).items;
    expect(queue).toHaveLength(1);
    expect(queue[0]).toMatchObject({
      username: "fuori",
      role: "structure-operator",
      identityReads: 1,
      pseudonym,
    });
    expect((await outsider.get("/api/v1/break-glass-reviews")).statusCode).toBe(403);
    const decided = await auditor.post(`/api/v1/break-glass-reviews/${queue[0].id}`, {
      decision: "questioned",
      note: "Chiedere il verbale del pronto soccorso",
    });
    expect(json(decided)).toEqual({ id: queue[0].id, reviewState: "questioned" });
    const again = await auditor.post(`/api/v1/break-glass-reviews/${queue[0].id}`, {
      decision: "accepted",
      note: "ok ok",
    });
    expect(again.statusCode).toBe(404);
    expect(json<{ items: unknown[] }>(await auditor.get("/api/v1/break-glass-reviews")).items).toHaveLength(
      0,
    );
    const own = json<{ items: Access[] }>(await outsider.get("/api/v1/break-glass-accesses")).items;
    expect(own[0]).toMatchObject({
      reviewState: "questioned",
      reviewNote: "Chiedere il verbale del pronto soccorso",
    });
  });

  it("for an unknown pseudonym answers 404 and is audited", async () => {
    const response = await outsider.post("/api/v1/break-glass-accesses", { pseudonym: "NESSUNO1", reason });
    expect(response.statusCode).toBe(404);
    const [entry] = await queryRows<{ outcome: string }>(
      t.db,
      sql`select outcome from audit_entry where action = 'break-glass.open' order by sequence desc limit 1`,
    );
    expect(entry.outcome).toBe("denied");
  });
});
