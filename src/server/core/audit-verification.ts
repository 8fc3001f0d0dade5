import { asc, gt } from "drizzle-orm";
import type { Executor } from "../../db/database.ts";
import { auditEntry } from "../../db/schema/index.ts";
import { genesisHash, hashEntry } from "./audit-chain.ts";
import { findKeyedFromSequence, isAuthenticCheckpoint, type StoredCheckpoint } from "./audit-checkpoints.ts";
import type { Keyring } from "./vault-keys.ts";

export type ChainProblem =
  /** An entry is missing in the middle. */
  | "sequence-gap"
  /** An entry's content or link does not match its hash. */
  | "hash-mismatch"
  /** An entry after the start of keying carries no key: recomputed with the unkeyed algorithm. */
  | "unkeyed-entry"
  /** An entry names a key the configuration does not have. */
  | "unknown-key"
  /** The log has fewer entries than a checkpoint saw: entries were removed at its end. */
  | "shorter-than-checkpoint"
  /** The entry a checkpoint saw has another hash now: the chain was recomputed. */
  | "checkpoint-mismatch"
  /** Where keying starts is not where a checkpoint saw it. */
  | "keying-start-changed"
  /** A checkpoint whose signature does not verify with the log's keys. */
  | "forged-checkpoint";

export type ChainVerification =
  | { ok: true; checked: number; checkpoints: number }
  | {
      ok: false;
      checked: number;
      checkpoints: number;
      firstBrokenSequence: number | null;
      reason: ChainProblem;
      checkpointSource?: string;
      /** For shorter-than-checkpoint: how many entries the checkpoint saw. */
      checkpointEntryCount?: number;
    };

/**
 * Walks the whole chain in pages with the log's keys, and holds it against the checkpoints
 * kept outside the database; names the first entry (or checkpoint) that is wrong.
 */
export async function verifyAuditChain(
  db: Executor,
  keyring: Keyring,
  checkpoints: StoredCheckpoint[] = [],
  pageSize = 5000,
): Promise<ChainVerification> {
  const counted = checkpoints.length;
  const fail = (
    checked: number,
    reason: ChainProblem,
    firstBrokenSequence: number | null,
    checkpointSource?: string,
  ): ChainVerification => ({
    ok: false,
    checked,
    checkpoints: counted,
    firstBrokenSequence,
    reason,
    ...(checkpointSource ? { checkpointSource } : {}),
  });
  const forged = checkpoints.find((stored) => !isAuthenticCheckpoint(keyring, stored.checkpoint));
  if (forged) return fail(0, "forged-checkpoint", null, forged.source);
  const keyedFrom = await findKeyedFromSequence(db);
  const movedStart = checkpoints.find((stored) => stored.checkpoint.keyedFromSequence !== keyedFrom);
  if (movedStart) return fail(0, "keying-start-changed", null, movedStart.source);
  const seenAt = new Map<number, StoredCheckpoint[]>();
  for (const stored of checkpoints) {
    const list = seenAt.get(stored.checkpoint.entryCount) ?? [];
    list.push(stored);
    seenAt.set(stored.checkpoint.entryCount, list);
  }
  const atGenesis = seenAt.get(0)?.find((stored) => stored.checkpoint.headHash !== genesisHash);
  if (atGenesis) return fail(0, "checkpoint-mismatch", null, atGenesis.source);

  let previousHash = genesisHash;
  let expectedSequence = 1;
  let checked = 0;
  for (;;) {
    const page = await db
      .select()
      .from(auditEntry)
      .where(gt(auditEntry.sequence, expectedSequence - 1))
      .orderBy(asc(auditEntry.sequence))
      .limit(pageSize);
    for (const entry of page) {
      if (entry.sequence !== expectedSequence) return fail(checked, "sequence-gap", expectedSequence);
      let key: { id: string; secret: Buffer } | undefined;
      if (entry.sequence >= keyedFrom) {
        if (!entry.keyId) return fail(checked, "unkeyed-entry", entry.sequence);
        const secret = keyring.auditKeys.get(entry.keyId);
        if (!secret) return fail(checked, "unknown-key", entry.sequence);
        key = { id: entry.keyId, secret };
      } else if (entry.keyId) {
        return fail(checked, "hash-mismatch", entry.sequence);
      }
      if (entry.previousHash !== previousHash || hashEntry(previousHash, entry, key) !== entry.hash)
        return fail(checked, "hash-mismatch", entry.sequence);
      const differs = seenAt.get(entry.sequence)?.find((stored) => stored.checkpoint.headHash !== entry.hash);
      if (differs) return fail(checked, "checkpoint-mismatch", entry.sequence, differs.source);
      previousHash = entry.hash;
      expectedSequence++;
      checked++;
    }
    if (page.length < pageSize) break;
  }
  const longest = checkpoints.reduce<StoredCheckpoint | undefined>(
    (best, stored) => (!best || stored.checkpoint.entryCount > best.checkpoint.entryCount ? stored : best),
    undefined,
  );
  if (longest && longest.checkpoint.entryCount > checked)
    return {
      ...fail(checked, "shorter-than-checkpoint", checked + 1, longest.source),
      checkpointEntryCount: longest.checkpoint.entryCount,
    } as ChainVerification;
  return { ok: true, checked, checkpoints: counted };
}

/** The Italian sentence for an operator: what is wrong, and where. */
export function describeChainVerification(result: ChainVerification): string {
  if (result.ok) {
    const against =
      result.checkpoints > 0
        ? `confrontate con ${result.checkpoints} checkpoint`
        : "nessun checkpoint disponibile: una cancellazione delle ultime voci non sarebbe rilevabile";
    return `Registro integro: ${result.checked} voci verificate (${against}).`;
  }
  const entry = result.firstBrokenSequence;
  const source = result.checkpointSource ?? "";
  const messages: Record<ChainProblem, string> = {
    "sequence-gap": `manca la voce n. ${entry}`,
    "hash-mismatch": `la voce n. ${entry} non è coerente (impronta non corrispondente: voce modificata o catena ricalcolata)`,
    "unkeyed-entry": `la voce n. ${entry} non è sigillata con la chiave del registro: la catena è stata ricalcolata senza chiave`,
    "unknown-key": `la voce n. ${entry} indica una chiave del registro non configurata`,
    "shorter-than-checkpoint": `il registro ha ${result.checked} voci, meno delle ${result.checkpointEntryCount} attestate dal checkpoint ${source}: sono state cancellate le ultime voci`,
    "checkpoint-mismatch": `la voce n. ${entry ?? 0} ha un'impronta diversa da quella attestata dal checkpoint ${source}: la catena è stata ricalcolata`,
    "keying-start-changed": `l'inizio della catena con chiave non è quello attestato dal checkpoint ${source}`,
    "forged-checkpoint": `il checkpoint ${source} non ha una firma valida con le chiavi del registro`,
  };
  // A checkpoint refused before the walk says nothing about the entries.
  const intact = entry === null ? "" : `; ${result.checked} voci precedenti sono integre`;
  return `Registro ALTERATO: ${messages[result.reason]}${intact}.`;
}
