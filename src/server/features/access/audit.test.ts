import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { structureRecord } from "../../../../test/support/structure-fixtures.ts";
import {
  type Client,
  createOrganisationFor,
  createTestApp,
  createUserFor,
  json,
  logInAs,
  type TestApp,
} from "../../../../test/support/test-app.ts";
import { readTestSettings } from "../../config.ts";
import { verifyAuditChain } from "../../core/audit-verification.ts";

let t: TestApp;
let auditor: Client;
let manager: Client;

beforeAll(async () => {
  t = await createTestApp();
  await createOrganisationFor(t, "REGIONE", "region");
  await createOrganisationFor(t, "COOP", "operator");
  await createUserFor(t, "revisore", "auditor", "REGIONE");
  await createUserFor(t, "gestore", "structure-manager", "COOP");
  auditor = await logInAs(t.app, "revisore");
  manager = await logInAs(t.app, "gestore");
  await manager.post("/api/v1/structures", structureRecord());
});
afterAll(() => t.close());

type Entry = {
  sequence: number;
  action: string;
  username: string | null;
  role: string | null;
  outcome: string;
};

describe("access log", () => {
  it("records who did what, in which organisation and role, in the same transaction", async () => {
    const entries = json<{ items: Entry[] }>(
      await auditor.get("/api/v1/audit-entries?action=structure.register"),
    ).items;
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ username: "gestore", role: "structure-manager", outcome: "success" });
  });

  it("records refused logins, and nothing for a refused registration", async () => {
    await t.app.inject({
      method: "POST",
      url: "/api/v1/session",
      payload: { username: "gestore", password: "errata-davvero" },
    });
    const denied = json<{ items: Entry[] }>(
      await auditor.get("/api/v1/audit-entries?action=session.login&outcome=denied"),
    ).items;
    expect(denied.length).toBeGreaterThanOrEqual(1);
    const before = json<{ items: Entry[] }>(
      await auditor.get("/api/v1/audit-entries?action=structure.register"),
    ).items.length;
    await manager.post(
      "/api/v1/structures",
      structureRecord({ address: { street: "Via Roma 1", comune: "000000" } }),
    );
    const after = json<{ items: Entry[] }>(
      await auditor.get("/api/v1/audit-entries?action=structure.register"),
    ).items.length;
    expect(after).toBe(before);
  });

  it("is for auditors only", async () => {
    expect((await manager.get("/api/v1/audit-entries")).statusCode).toBe(403);
    expect((await manager.get("/api/v1/audit-verification")).statusCode).toBe(403);
  });

  it("pages newest first with a cursor", async () => {
    const first = json<{ items: Entry[]; nextCursor: number }>(
      await auditor.get("/api/v1/audit-entries?limit=2"),
    );
    expect(first.items).toHaveLength(2);
    expect(first.items[0].sequence).toBeGreaterThan(first.items[1].sequence);
    const second = json<{ items: Entry[] }>(
      await auditor.get(`/api/v1/audit-entries?limit=2&cursor=${first.nextCursor}`),
    );
    expect(second.items[0].sequence).toBeLessThan(first.items[1].sequence);
  });

  it("refuses UPDATE and DELETE of an entry, even to the table's owner", async () => {
    await expect(
      t.db.execute(sql`update audit_entry set outcome = 'denied' where sequence = 1`),
    ).rejects.toThrow();
    await expect(t.db.execute(sql`delete from audit_entry where sequence = 1`)).rejects.toThrow();
  });

  it("verifies, and names the first entry changed behind the application's back", async () => {
    const intact = json<{ ok: boolean; checked: number }>(await auditor.get("/api/v1/audit-verification"));
    expect(intact.ok).toBe(true);
    expect(intact.checked).toBeGreaterThan(5);
    // Someone with the owner's rights disables the guard and edits one entry.
    await t.db.execute(sql`alter table audit_entry disable trigger audit_entry_append_only`);
    await t.db.execute(sql`update audit_entry set username = 'altro' where sequence = 3`);
    await t.db.execute(sql`alter table audit_entry enable trigger audit_entry_append_only`);
    const broken = await verifyAuditChain(t.db, t.keyring);
    expect(broken).toMatchObject({ ok: false, firstBrokenSequence: 3, reason: "hash-mismatch", checked: 2 });
    const viaApi = json<{ ok: boolean; firstBrokenSequence: number }>(
      await auditor.get("/api/v1/audit-verification"),
    );
    expect(viaApi).toMatchObject({ ok: false, firstBrokenSequence: 3 });
  });

  it("detects a removed entry as a gap", async () => {
    await t.db.execute(sql`alter table audit_entry disable trigger audit_entry_append_only`);
    await t.db.execute(
      sql`update audit_entry set username = 'gestore' where sequence = 3 and username = 'altro'`,
    );
    await t.db.execute(sql`delete from audit_entry where sequence = 2`);
    await t.db.execute(sql`alter table audit_entry enable trigger audit_entry_append_only`);
    expect(await verifyAuditChain(t.db, t.keyring)).toMatchObject({
      ok: false,
      firstBrokenSequence: 2,
      reason: "sequence-gap",
    });
  });
});

describe.skipIf(!readTestSettings().databaseUrl)("PostgreSQL grants", () => {
  it("the application's role can insert into the access log but not change it", async () => {
    const role = `sirmi_app_${Math.random().toString(36).slice(2, 8)}`;
    await t.db.execute(sql.raw(`create role ${role}`));
    await t.db.execute(sql.raw(`grant usage on schema public to ${role}`));
    await t.db.execute(
      sql.raw(`grant select, insert, update, delete on all tables in schema public to ${role}`),
    );
    await t.db.execute(sql.raw(`revoke update, delete, truncate on audit_entry from ${role}`));
    try {
      await t.db
        .transaction(async (tx) => {
          await tx.execute(sql.raw(`set local role ${role}`));
          await tx.execute(sql`select count(*) from audit_entry`);
          const refusal = await tx
            .execute(sql`update audit_entry set outcome = outcome`)
            .catch((error: Error) => error);
          expect(String((refusal as Error & { cause?: Error }).cause?.message)).toMatch(/permission denied/);
          throw new Error("rollback");
        })
        .catch((error: Error) => {
          if (error.message !== "rollback") throw error;
        });
    } finally {
      await t.db.execute(sql.raw(`drop owned by ${role}`));
      await t.db.execute(sql.raw(`drop role ${role}`));
    }
  });
});
