import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/database.ts";
import { migrationsFolder } from "../../db/open-database.ts";
import * as schema from "../../db/schema/index.ts";
import { appendAuditEntry } from "./audit.queries.ts";
import { bindAuditKeys, genesisHash, hashEntry } from "./audit-chain.ts";
import { verifyAuditChain } from "./audit-verification.ts";
import { generateKeyringFile, keyringOf } from "./vault-keys.ts";

let client: PGlite;
let db: Database;
const keyring = keyringOf(generateKeyringFile());

async function applyMigrations(which: (name: string) => boolean) {
  for (const name of fs
    .readdirSync(migrationsFolder)
    .filter((file) => file.endsWith(".sql"))
    .sort()) {
    if (!which(name)) continue;
    const text = fs.readFileSync(path.join(migrationsFolder, name), "utf8");
    for (const statement of text.split("--> statement-breakpoint")) await client.exec(statement);
  }
}

/** Three entries as the log wrote them before it was keyed: plain SHA-256, no key id. */
async function writeUnkeyedEntries() {
  let previousHash = genesisHash;
  for (let sequence = 1; sequence <= 3; sequence++) {
    const entry = {
      sequence,
      recordedAt: `2026-01-0${sequence}T10:00:00.000Z`,
      userId: null,
      username: "sistema:prima",
      organisationId: null,
      organisationCode: null,
      role: null,
      action: "report.read",
      resourceType: "report",
      resourceId: `R${sequence}`,
      minorPseudonym: null,
      purpose: null,
      outcome: "success",
      details: { sequence },
    };
    const hash = hashEntry(previousHash, entry);
    // As the table was then: no key_id column yet.
    await client.query(
      `insert into audit_entry (sequence, recorded_at, username, action, resource_type, resource_id, outcome,
         details, previous_hash, hash) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        sequence,
        entry.recordedAt,
        entry.username,
        entry.action,
        entry.resourceType,
        entry.resourceId,
        entry.outcome,
        JSON.stringify(entry.details),
        previousHash,
        hash,
      ],
    );
    previousHash = hash;
  }
}

beforeAll(async () => {
  // The database as it was before the log was keyed, with entries; then the migration that keys it.
  client = await PGlite.create();
  db = drizzle(client, { schema }) as unknown as Database;
  await applyMigrations((name) => name < "0015");
  await writeUnkeyedEntries();
  await applyMigrations((name) => name.startsWith("0015"));
  bindAuditKeys(db, keyring);
});
afterAll(() => client.close());

describe("the migration that keys the access log", () => {
  it("records that keying starts after the entries that existed, which verify as before", async () => {
    const [row] = (await db.select().from(schema.auditKeying)) as { keyedFromSequence: number }[];
    expect(row.keyedFromSequence).toBe(4);
    await appendAuditEntry(
      db,
      { system: true, label: "test" },
      {
        action: "report.read",
        resourceType: "report",
        outcome: "success",
      },
    );
    const entries = await db.select().from(schema.auditEntry).orderBy(schema.auditEntry.sequence);
    expect(entries.map((entry) => entry.keyId)).toEqual([null, null, null, keyring.activeAuditKeyId]);
    expect(await verifyAuditChain(db, keyring)).toMatchObject({ ok: true, checked: 4 });
  });

  it("still detects a change to an entry from before keying", async () => {
    await db.execute(sql`alter table audit_entry disable trigger audit_entry_append_only`);
    await db.execute(sql`update audit_entry set resource_id = 'R9' where sequence = 2`);
    await db.execute(sql`alter table audit_entry enable trigger audit_entry_append_only`);
    expect(await verifyAuditChain(db, keyring)).toMatchObject({
      ok: false,
      firstBrokenSequence: 2,
      reason: "hash-mismatch",
    });
  });

  it("refuses to change where keying starts", async () => {
    await expect(db.execute(sql`update audit_keying set keyed_from_sequence = 100`)).rejects.toThrow();
  });
});
