import { createHash } from "node:crypto";

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

/**
 * hash = SHA-256(previous hash + canonical JSON of the entry). Canonical: fixed field order,
 * instants as ISO 8601 UTC with milliseconds, details with sorted keys.
 */
export function hashEntry(previousHash: string, entry: ChainedFields): string {
  const canonical = JSON.stringify([
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
  ]);
  return createHash("sha256").update(previousHash).update(canonical).digest("hex");
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
