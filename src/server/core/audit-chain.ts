import { createHash, createHmac } from "node:crypto";
import type { Executor } from "../../db/database.ts";
import type { Keyring } from "./vault-keys.ts";

export const genesisHash = "0".repeat(64);

export type ChainedFields = {
  sequence: number;
  recordedAt: string;
  userId: string | null;
  username: string | null;
  organisationId: string | null;
  organisationCode: string | null;
  role: string | null;
  action: string;
  resourceType: string;
  resourceId: string | null;
  minorPseudonym: string | null;
  purpose: string | null;
  outcome: string;
  details: Record<string, unknown> | null;
};

/** The key an entry is sealed with: its id is stored in the entry and bound into its hash. */
export type AuditKey = { id: string; secret: Buffer };

/**
 * Entries before the log was keyed: hash = SHA-256(previous hash + canonical JSON of the entry).
 * Keyed entries: hash = HMAC-SHA-256(key, previous hash + canonical JSON of the key id and the
 * entry), so that nobody without the key (kept outside the database) can recompute the chain.
 * Canonical: fixed field order, instants as ISO 8601 UTC with milliseconds, sorted detail keys.
 */
export function hashEntry(previousHash: string, entry: ChainedFields, key?: AuditKey): string {
  const fields = [
    entry.sequence,
    new Date(entry.recordedAt).toISOString(),
    entry.userId,
    entry.username,
    entry.organisationId,
    entry.organisationCode,
    entry.role,
    entry.action,
    entry.resourceType,
    entry.resourceId,
    entry.minorPseudonym,
    entry.purpose,
    entry.outcome,
    canonicalValue(entry.details),
  ];
  if (!key) return createHash("sha256").update(previousHash).update(JSON.stringify(fields)).digest("hex");
  return createHmac("sha256", key.secret)
    .update(previousHash)
    .update(JSON.stringify(["keyed-1", key.id, ...fields]))
    .digest("hex");
}

/**
 * The log's keys travel with the database object (and so with each of its transactions, which
 * share its SQL dialect object): the many places that append entries need no new parameter,
 * and nothing can append an unkeyed entry once the log is keyed.
 */
const auditKeyrings = new WeakMap<object, () => Keyring>();

function bindingOf(executor: Executor): object {
  return (executor as unknown as { dialect: object }).dialect;
}

/** A keyring, or how to load it when the first entry is written (commands that write none need no keys). */
export function bindAuditKeys(executor: Executor, keyring: Keyring | (() => Keyring)) {
  if (typeof keyring !== "function") {
    auditKeyrings.set(bindingOf(executor), () => keyring);
    return;
  }
  let loaded: Keyring | undefined;
  auditKeyrings.set(bindingOf(executor), () => {
    loaded ??= keyring();
    return loaded;
  });
}

/** The active key of the log, for a new entry; refuses to write without one. */
export function activeAuditKeyOf(executor: Executor): AuditKey {
  const keyring = auditKeyrings.get(bindingOf(executor))?.();
  const id = keyring?.activeAuditKeyId;
  const secret = id ? keyring?.auditKeys.get(id) : undefined;
  if (!id || !secret)
    throw new Error("Chiave del registro degli accessi non configurata: impossibile registrare l'accesso.");
  return { id, secret };
}

function canonicalValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonicalValue);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, canonicalValue((value as Record<string, unknown>)[key])]),
    );
  }
  return value ?? null;
}
