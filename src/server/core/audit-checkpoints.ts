import { createHmac, timingSafeEqual } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { desc } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "../../db/database.ts";
import { auditEntry, auditKeying } from "../../db/schema/index.ts";
import type { Clock } from "../../domain/time/clock.ts";
import { genesisHash } from "./audit-chain.ts";
import type { Keyring } from "./vault-keys.ts";

const checkpointFormat = "sirmi-audit-checkpoint/1";

/**
 * What the log looked like at one instant, signed (HMAC-SHA-256) with the log's active key: kept
 * outside the database, it shows a later truncation or a recomputed chain, which the chain alone
 * cannot (whoever owns the table can rewrite all of it after the point they change).
 */
export const auditCheckpointSchema = z.object({
  format: z.literal(checkpointFormat),
  entryCount: z.number().int().min(0),
  headHash: z.string().regex(/^[0-9a-f]{64}$/),
  keyedFromSequence: z.number().int().min(1),
  at: z.iso.datetime(),
  keyId: z.string().min(1),
  signature: z.string().regex(/^[0-9a-f]{64}$/),
});
export type AuditCheckpoint = z.infer<typeof auditCheckpointSchema>;

/** A checkpoint and where it was read from, to name it in a message. */
export type StoredCheckpoint = { checkpoint: AuditCheckpoint; source: string };

function signatureOf(secret: Buffer, checkpoint: Omit<AuditCheckpoint, "signature">): string {
  const signed = [
    checkpoint.format,
    checkpoint.entryCount,
    checkpoint.headHash,
    checkpoint.keyedFromSequence,
    checkpoint.at,
    checkpoint.keyId,
  ];
  return createHmac("sha256", secret).update(JSON.stringify(signed)).digest("hex");
}

export function isAuthenticCheckpoint(keyring: Keyring, checkpoint: AuditCheckpoint): boolean {
  const secret = keyring.auditKeys.get(checkpoint.keyId);
  if (!secret) return false;
  const expected = Buffer.from(signatureOf(secret, checkpoint), "hex");
  return timingSafeEqual(expected, Buffer.from(checkpoint.signature, "hex"));
}

/** Where keying starts (the migration that keyed the log wrote it); 1 on a log keyed from its start. */
export async function findKeyedFromSequence(db: Executor): Promise<number> {
  const [row] = await db
    .select({ keyedFromSequence: auditKeying.keyedFromSequence })
    .from(auditKeying)
    .orderBy(auditKeying.keyedFromSequence)
    .limit(1);
  return row?.keyedFromSequence ?? 1;
}

/** A checkpoint of the committed log as it is now. */
export async function takeAuditCheckpoint(
  db: Executor,
  keyring: Keyring,
  clock: Clock,
): Promise<AuditCheckpoint> {
  const keyId = keyring.activeAuditKeyId;
  const secret = keyId ? keyring.auditKeys.get(keyId) : undefined;
  if (!keyId || !secret) throw new Error("Chiave del registro degli accessi non configurata.");
  const [head] = await db
    .select({ sequence: auditEntry.sequence, hash: auditEntry.hash })
    .from(auditEntry)
    .orderBy(desc(auditEntry.sequence))
    .limit(1);
  const unsigned = {
    format: checkpointFormat,
    entryCount: head?.sequence ?? 0,
    headHash: head?.hash ?? genesisHash,
    keyedFromSequence: await findKeyedFromSequence(db),
    at: clock.now().toISOString(),
    keyId,
  } as const;
  return { ...unsigned, signature: signatureOf(secret, unsigned) };
}

/** One file a day, one JSON line per checkpoint, appended (never rewritten). */
export function appendCheckpointToFolder(folder: string, checkpoint: AuditCheckpoint) {
  fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
  const file = path.join(folder, `audit-checkpoints-${checkpoint.at.slice(0, 10)}.jsonl`);
  fs.appendFileSync(file, `${JSON.stringify(checkpoint)}\n`, { mode: 0o600 });
}

/** Checkpoints of a file: one JSON object (from `sirmi audit checkpoint`) or JSON lines. */
export function readCheckpointFile(file: string): StoredCheckpoint[] {
  const text = fs.readFileSync(file, "utf8").trim();
  if (text === "") return [];
  const values: unknown[] = [];
  try {
    values.push(JSON.parse(text));
  } catch {
    for (const line of text.split("\n")) if (line.trim()) values.push(parseLine(line, file));
  }
  return values.map((value, index) => {
    const parsed = auditCheckpointSchema.safeParse(value);
    if (!parsed.success) throw new Error(`Checkpoint non valido in ${file} (n. ${index + 1}).`);
    return { checkpoint: parsed.data, source: `${file} (n. ${index + 1})` };
  });
}

function parseLine(line: string, file: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    throw new Error(`Checkpoint illeggibile in ${file}: non è JSON.`);
  }
}

export function readCheckpointFolder(folder: string): StoredCheckpoint[] {
  if (!fs.existsSync(folder)) return [];
  return fs
    .readdirSync(folder)
    .filter((name) => name.endsWith(".jsonl") || name.endsWith(".json"))
    .sort()
    .flatMap((name) => readCheckpointFile(path.join(folder, name)));
}

/**
 * Writes a checkpoint every interval when the log has grown, and one more on stop. Outside any
 * request's transaction, from what is committed: a checkpoint never names an entry that could
 * still roll back, and a full disk or a slow folder never fails nor slows down a request.
 */
export function startAuditCheckpoints(options: {
  db: Executor;
  keyring: Keyring;
  clock: Clock;
  folder: string;
  intervalMs: number;
  onError: (error: unknown) => void;
}) {
  let lastCount = -1;
  let running: Promise<void> = Promise.resolve();
  const writeIfGrown = async (always: boolean) => {
    const checkpoint = await takeAuditCheckpoint(options.db, options.keyring, options.clock);
    if (!always && checkpoint.entryCount === lastCount) return;
    appendCheckpointToFolder(options.folder, checkpoint);
    lastCount = checkpoint.entryCount;
  };
  const tick = (always: boolean) => {
    running = running.then(() => writeIfGrown(always)).catch(options.onError);
    return running;
  };
  const timer = setInterval(() => void tick(false), options.intervalMs);
  timer.unref();
  void tick(true);
  return {
    writeNow: () => tick(true),
    stop: async () => {
      clearInterval(timer);
      await tick(false);
    },
  };
}
