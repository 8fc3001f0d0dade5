import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/support/test-app.ts";
import { queryRows } from "../../../db/database.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe("the case event history is append-only", () => {
  it("refuses to delete, rewrite or truncate a case event; only its minor may move", async () => {
    const id = randomUUID();
    await t.db.execute(sql`insert into case_event (id, source_kind, source_id, content_digest, status, type, warnings, errors)
      values (${id}, 'user', ${randomUUID()}, 'digest', 'rejected', 'situation', '[]'::jsonb, '[]'::jsonb)`);
    await expect(t.db.execute(sql`delete from case_event where id = ${id}`)).rejects.toThrow();
    await expect(
      t.db.execute(sql`update case_event set status = 'accepted' where id = ${id}`),
    ).rejects.toThrow();
    await expect(t.db.execute(sql`truncate case_event`)).rejects.toThrow();
    await expect(
      t.db.execute(sql`update case_event set minor_id = minor_id where id = ${id}`),
    ).resolves.toBeDefined();
    const rows = await queryRows<{ count: number }>(t.db, sql`select count(*)::int as count from case_event`);
    expect(rows[0].count).toBe(1);
  });
});
