import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { asc, gt, sql } from "drizzle-orm";
import { TransactionRollbackError } from "drizzle-orm/errors";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/support/test-app.ts";
import { type Executor, queryRows } from "../../../db/database.ts";
import { auditEntry } from "../../../db/schema/index.ts";
import { appendAuditEntries } from "../../core/audit.queries.ts";
import { bindAuditKeys, hashEntry } from "../../core/audit-chain.ts";
import {
  readCheckpointFolder,
  type StoredCheckpoint,
  startAuditCheckpoints,
  takeAuditCheckpoint,
} from "../../core/audit-checkpoints.ts";
import {
  type ChainVerification,
  describeChainVerification,
  verifyAuditChain,
} from "../../core/audit-verification.ts";
import type { Keyring } from "../../core/vault-keys.ts";

const system = { system: true as const, label: "test" };
let t: TestApp;
let folder: string;
let checkpoints: StoredCheckpoint[];
let total: number;

async function appendEntries(db: Executor, count: number) {
  const records = Array.from({ length: count }, (_, index) => ({
    action: "report.read" as const,
    resourceType: "report" as const,
    resourceId: `R${index}`,
    outcome: "success" as const,
    details: { index },
  }));
  await appendAuditEntries(db, system, records);
}

/**
 * What the table's owner can do: disable the guard and change the log. Done in a transaction
 * that is rolled back once verified, so that each case starts from the same intact log.
 */
async function verifyTampered(
  change: (tx: Executor) => Promise<void>,
  keyring: Keyring = t.keyring,
  against: StoredCheckpoint[] = checkpoints,
): Promise<ChainVerification> {
  let result: ChainVerification | undefined;
  try {
    await t.db.transaction(async (tx) => {
      await tx.execute(sql`alter table audit_entry disable trigger audit_entry_append_only`);
      await tx.execute(sql`alter table audit_keying disable trigger audit_keying_append_only`);
      await change(tx);
      await tx.execute(sql`alter table audit_entry enable trigger audit_entry_append_only`);
      await tx.execute(sql`alter table audit_keying enable trigger audit_keying_append_only`);
      result = await verifyAuditChain(tx, keyring, against);
      tx.rollback();
    });
  } catch (error) {
    if (!(error instanceof TransactionRollbackError)) throw error;
  }
  return result as ChainVerification;
}

/** Deletes two entries and rewrites every later one, renumbered and rehashed by `hashOf`. */
function deleteTwoAndRecompute(
  from: number,
  seal: (previous: string, entry: typeof auditEntry.$inferSelect) => { hash: string; keyId: string | null },
) {
  return async (tx: Executor) => {
    await tx.execute(sql`delete from audit_entry where sequence in (${from}, ${from + 1})`);
    const [before] = await tx
      .select()
      .from(auditEntry)
      .where(sql`sequence = ${from - 1}`);
    let previous = before.hash;
    const later = await tx
      .select()
      .from(auditEntry)
      .where(gt(auditEntry.sequence, from + 1))
      .orderBy(asc(auditEntry.sequence));
    for (const entry of later) {
      const renumbered = { ...entry, sequence: entry.sequence - 2 };
      const sealed = seal(previous, renumbered);
      await tx.execute(sql`update audit_entry set sequence = ${renumbered.sequence}, previous_hash = ${previous},
        hash = ${sealed.hash}, key_id = ${sealed.keyId} where sequence = ${entry.sequence}`);
      previous = sealed.hash;
    }
  };
}

beforeAll(async () => {
  t = await createTestApp();
  folder = fs.mkdtempSync(path.join(os.tmpdir(), "sirmi-checkpoints-"));
  await appendEntries(t.db, 30);
  // The server's writer: one checkpoint when it starts, then on its timer and when it stops.
  const writer = startAuditCheckpoints({
    db: t.db,
    keyring: t.keyring,
    clock: t.clock,
    folder,
    intervalMs: 3_600_000,
    onError: (error) => {
      throw error;
    },
  });
  await writer.writeNow();
  await appendEntries(t.db, 150);
  await writer.stop();
  checkpoints = readCheckpointFolder(folder);
  [{ total }] = await queryRows<{ total: number }>(t.db, sql`select count(*)::int as total from audit_entry`);
});
afterAll(async () => {
  await t.close();
  fs.rmSync(folder, { recursive: true, force: true });
});

describe("a keyed access log with checkpoints", () => {
  it("verifies when intact, against the checkpoints the server wrote", async () => {
    expect(checkpoints.length).toBeGreaterThanOrEqual(2);
    expect(Math.max(...checkpoints.map((stored) => stored.checkpoint.entryCount))).toBe(total);
    const result = await verifyAuditChain(t.db, t.keyring, checkpoints);
    expect(result).toEqual({ ok: true, checked: total, checkpoints: checkpoints.length });
    expect(describeChainVerification(result)).toMatch(/^Registro integro: \d+ voci verificate/);
    const [entry] = await t.db.select().from(auditEntry).orderBy(asc(auditEntry.sequence)).limit(1);
    expect(entry.keyId).toBe(t.keyring.activeAuditKeyId);
  });

  it("detects a changed field", async () => {
    const result = await verifyTampered(async (tx) => {
      await tx.execute(sql`update audit_entry set outcome = 'denied' where sequence = 12`);
    });
    expect(result).toMatchObject({ ok: false, firstBrokenSequence: 12, reason: "hash-mismatch" });
  });

  it("detects a deleted entry in the middle", async () => {
    const result = await verifyTampered(async (tx) => {
      await tx.execute(sql`delete from audit_entry where sequence = 40`);
    });
    expect(result).toMatchObject({ ok: false, firstBrokenSequence: 40, reason: "sequence-gap" });
  });

  it("detects the last 100 entries deleted, which the chain alone cannot show", async () => {
    const removeLast = async (tx: Executor) => {
      await tx.execute(sql`delete from audit_entry where sequence > ${total - 100}`);
    };
    expect(await verifyTampered(removeLast, t.keyring, [])).toMatchObject({ ok: true });
    const result = await verifyTampered(removeLast);
    expect(result).toMatchObject({
      ok: false,
      checked: total - 100,
      reason: "shorter-than-checkpoint",
      checkpointEntryCount: total,
    });
    expect(describeChainVerification(result)).toContain("sono state cancellate le ultime voci");
  });

  it("detects two entries deleted and the chain recomputed after them with the old unkeyed algorithm", async () => {
    const unkeyed = deleteTwoAndRecompute(50, (previous, entry) => ({
      hash: hashEntry(previous, entry),
      keyId: null,
    }));
    expect(await verifyTampered(unkeyed, t.keyring, [])).toMatchObject({
      ok: false,
      firstBrokenSequence: 50,
      reason: "unkeyed-entry",
    });
    expect(await verifyTampered(unkeyed)).toMatchObject({ ok: false, firstBrokenSequence: 50 });
    // Moving the start of keying past the end does not help: the checkpoints say where it was.
    const unkeyedFromStart = async (tx: Executor) => {
      await tx.execute(sql`delete from audit_entry`);
      await tx.execute(sql`update audit_keying set keyed_from_sequence = 1000000`);
    };
    expect(await verifyTampered(unkeyedFromStart)).toMatchObject({
      ok: false,
      reason: "keying-start-changed",
    });
  });

  it("detects two entries deleted and the chain recomputed without the key", async () => {
    const guessedKey = { id: t.keyring.activeAuditKeyId as string, secret: randomBytes(32) };
    const withoutKey = deleteTwoAndRecompute(50, (previous, entry) => ({
      hash: hashEntry(previous, entry, guessedKey),
      keyId: guessedKey.id,
    }));
    expect(await verifyTampered(withoutKey, t.keyring, [])).toMatchObject({
      ok: false,
      firstBrokenSequence: 50,
      reason: "hash-mismatch",
    });
    expect(await verifyTampered(withoutKey)).toMatchObject({ ok: false, reason: "hash-mismatch" });
  });

  it("refuses a checkpoint not signed with the log's keys", async () => {
    const [first] = checkpoints;
    const forged = { ...first, checkpoint: { ...first.checkpoint, entryCount: 5 } };
    expect(await verifyAuditChain(t.db, t.keyring, [forged])).toMatchObject({
      ok: false,
      reason: "forged-checkpoint",
    });
  });

  it("keeps old entries and checkpoints verifiable after the key rotates", async () => {
    const oldKeyId = t.keyring.activeAuditKeyId as string;
    const rotated: Keyring = {
      ...t.keyring,
      activeAuditKeyId: "k-rotated",
      auditKeys: new Map([...t.keyring.auditKeys, ["k-rotated", randomBytes(32)]]),
    };
    const result = await verifyTampered(async (tx) => {
      bindAuditKeys(tx, rotated);
      try {
        await appendEntries(tx, 5);
      } finally {
        bindAuditKeys(tx, t.keyring);
      }
      const keys = await queryRows<{ keyId: string }>(
        tx,
        sql`select distinct key_id as "keyId" from audit_entry`,
      );
      expect(keys.map((row) => row.keyId).sort()).toEqual([oldKeyId, "k-rotated"].sort());
    }, rotated);
    expect(result).toMatchObject({ ok: true, checked: total + 5 });
    const newCheckpoint = await verifyTampered(async () => {}, rotated, [
      ...checkpoints,
      { checkpoint: await takeAuditCheckpoint(t.db, rotated, t.clock), source: "rotated" },
    ]);
    expect(newCheckpoint).toMatchObject({ ok: true });
    // Without the old key, its entries cannot be verified: the message names the entry.
    const onlyNew = {
      ...rotated,
      auditKeys: new Map([["k-rotated", rotated.auditKeys.get("k-rotated") as Buffer]]),
    };
    expect(await verifyAuditChain(t.db, onlyNew)).toMatchObject({
      ok: false,
      reason: "unknown-key",
      firstBrokenSequence: 1,
    });
  });
});
