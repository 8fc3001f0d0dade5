import { and, desc, eq, gte, lte, type SQL, sql } from "drizzle-orm";
import { type Executor, queryRows } from "../../db/database.ts";
import { auditEntry } from "../../db/schema/index.ts";
import type { AuditQuery } from "../../domain/access/audit-api.schema.ts";
import type { AuditAction, AuditResourceType } from "../../domain/access/audit-codes.ts";
import type { AuditSubject } from "./actor.ts";
import { activeAuditKeyOf, genesisHash, hashEntry } from "./audit-chain.ts";

export type AuditRecord = {
  action: AuditAction;
  resourceType: AuditResourceType;
  resourceId?: string | null;
  minorPseudonym?: string | null;
  purpose?: string | null;
  outcome: "success" | "denied" | "failure";
  details?: Record<string, unknown> | null;
};

/** One lock for the whole chain: entries are appended one at a time, in commit order. */
const auditChainLockKey = 7_305_001;

/**
 * Appends one entry to the access log. Must run inside the transaction of what it records: if
 * that rolls back, so does the entry, and the other way round.
 */
export async function appendAuditEntry(tx: Executor, subject: AuditSubject, record: AuditRecord) {
  await appendAuditEntries(tx, subject, [record]);
}

/**
 * Appends several entries at once (a batch of events): one lock and one read of the chain's head,
 * then one insert, still in the transaction of what they record.
 */
export async function appendAuditEntries(tx: Executor, subject: AuditSubject, records: AuditRecord[]) {
  if (records.length === 0) return;
  const key = activeAuditKeyOf(tx);
  // The entries' instant is the transaction's, as for every other record (to the millisecond, as hashed).
  const [{ recordedAt }] = await queryRows<{ recordedAt: string }>(
    tx,
    sql`select to_char(date_trunc('milliseconds', now()) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "recordedAt"
        from (select pg_advisory_xact_lock(${auditChainLockKey})) as locked`,
  );
  const [last] = await tx
    .select({ sequence: auditEntry.sequence, hash: auditEntry.hash })
    .from(auditEntry)
    .orderBy(desc(auditEntry.sequence))
    .limit(1);
  let sequence = last?.sequence ?? 0;
  let previousHash = last?.hash ?? genesisHash;
  const rows = records.map((record) => {
    sequence += 1;
    const fields = {
      sequence,
      recordedAt,
      userId: "userId" in subject ? subject.userId : null,
      username:
        "system" in subject
          ? `sistema:${subject.label}`
          : "username" in subject
            ? (subject.username ?? null)
            : null,
      organisationId: "organisationId" in subject ? subject.organisationId : null,
      organisationCode: "organisationCode" in subject ? subject.organisationCode : null,
      role: "role" in subject ? subject.role : null,
      action: record.action,
      resourceType: record.resourceType,
      resourceId: record.resourceId ?? null,
      minorPseudonym: record.minorPseudonym ?? null,
      purpose: record.purpose ?? null,
      outcome: record.outcome,
      details: record.details ?? null,
    };
    const hash = hashEntry(previousHash, fields, key);
    const row = { ...fields, previousHash, hash, keyId: key.id };
    previousHash = hash;
    return row;
  });
  // One JSON parameter rather than a VALUES list: building a 16-column, many-row statement costs more CPU than the insert.
  await tx.execute(sql`
    insert into audit_entry (sequence, recorded_at, user_id, username, organisation_id, organisation_code, role,
      action, resource_type, resource_id, minor_pseudonym, purpose, outcome, details, previous_hash, hash, key_id)
    select sequence, "recordedAt", "userId", username, "organisationId", "organisationCode", role,
      action, "resourceType", "resourceId", "minorPseudonym", purpose, outcome, details, "previousHash", hash, "keyId"
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(sequence bigint, "recordedAt" timestamptz,
      "userId" uuid, username text, "organisationId" uuid, "organisationCode" text, role text, action text,
      "resourceType" text, "resourceId" text, "minorPseudonym" text, purpose text, outcome text, details jsonb,
      "previousHash" text, hash text, "keyId" text)
    order by sequence`);
}

/** The list's query with its cursor read as "entries before this sequence". */
export type AuditEntryConditions = Omit<AuditQuery, "cursor"> & { afterSequence?: number };

export async function listAuditEntries(db: Executor, filter: AuditEntryConditions) {
  const conditions: SQL[] = [];
  if (filter.from) conditions.push(gte(auditEntry.recordedAt, filter.from));
  if (filter.to) conditions.push(lte(auditEntry.recordedAt, filter.to));
  if (filter.action) conditions.push(eq(auditEntry.action, filter.action));
  if (filter.username) conditions.push(eq(auditEntry.username, filter.username));
  if (filter.outcome) conditions.push(eq(auditEntry.outcome, filter.outcome));
  if (filter.organisationCode) conditions.push(eq(auditEntry.organisationCode, filter.organisationCode));
  // Newest first: the cursor is the smallest sequence already seen.
  if (filter.afterSequence !== undefined)
    conditions.push(sql`${auditEntry.sequence} < ${filter.afterSequence}`);
  return db
    .select()
    .from(auditEntry)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(auditEntry.sequence))
    .limit(filter.limit);
}
