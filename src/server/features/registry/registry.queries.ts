import { and, eq, inArray, or, type SQL, sql } from "drizzle-orm";
import { type Executor, queryRows } from "../../../db/database.ts";
import { duplicateReview, identityIndex, identityVault, minor } from "../../../db/schema/index.ts";
import { toBeConfirmedSql } from "../../../db/stay-confirmation.sql.ts";
import { identityDaysAfterDischarge } from "../../../domain/access/policy.ts";
import type { IndexEntry, IndexKind, VaultRow } from "./identity-vault.ts";

/** Serialises resolutions of the same identifier (or block) across transactions and instances. */
export async function lockDigest(db: Executor, digest: string) {
  const key = BigInt(`0x${digest.slice(0, 15)}`).toString();
  await db.execute(sql`select pg_advisory_xact_lock(${key}::bigint)`);
}

/** The minors an index points to, each replaced by its survivor when it was merged. */
export async function findMinorsByIndex(db: Executor, kind: IndexKind, digests: string[]) {
  if (digests.length === 0) return [];
  return queryRows<{ minorId: string; pseudonym: string; digest: string; hasFiscalCode: boolean }>(
    db,
    sql`
      select distinct coalesce(s.id, m.id) as "minorId", coalesce(s.pseudonym, m.pseudonym) as pseudonym, i.digest,
        exists (select 1 from identity_index f where f.minor_id = coalesce(s.id, m.id) and f.kind = 'fiscal-code') as "hasFiscalCode"
      from identity_index i
      join minor m on m.id = i.minor_id
      left join minor s on s.id = m.merged_into
      where i.kind = ${kind} and i.digest in ${sql`(${sql.join(
        digests.map((digest) => sql`${digest}`),
        sql`, `,
      )})`}`,
  );
}

export async function insertMinor(db: Executor, values: typeof minor.$inferInsert) {
  await db.insert(minor).values(values);
}

export async function insertVaultRow(db: Executor, row: VaultRow) {
  await db.insert(identityVault).values(row);
}

export async function replaceVaultRow(db: Executor, row: VaultRow) {
  await db
    .update(identityVault)
    .set({ ...row, updatedAt: sql`now()` })
    .where(eq(identityVault.minorId, row.minorId));
}

export async function findVaultRows(db: Executor, minorIds: string[]): Promise<VaultRow[]> {
  if (minorIds.length === 0) return [];
  return db.select().from(identityVault).where(inArray(identityVault.minorId, minorIds));
}

/** Replaces a minor's index entries (after its identity changed). */
export async function replaceIndexEntries(db: Executor, minorId: string, entries: IndexEntry[]) {
  await db.delete(identityIndex).where(eq(identityIndex.minorId, minorId));
  if (entries.length > 0) {
    // An identifier already held by another minor stays with that minor (the pair goes to review).
    await db
      .insert(identityIndex)
      .values(entries.map((entry) => ({ ...entry, minorId })))
      .onConflictDoNothing();
  }
}

export async function findMinorById(db: Executor, id: string) {
  const [row] = await db.select().from(minor).where(eq(minor.id, id)).limit(1);
  return row;
}

/** A pseudonym, even a merged one, resolves to the surviving minor. */
export async function findMinorByPseudonym(db: Executor, pseudonym: string) {
  const [row] = await db.select().from(minor).where(eq(minor.pseudonym, pseudonym)).limit(1);
  if (!row) return undefined;
  return row.mergedInto ? findMinorById(db, row.mergedInto) : row;
}

export async function setPossibleDuplicate(db: Executor, minorIds: string[]) {
  if (minorIds.length === 0) return;
  await db.update(minor).set({ isPossibleDuplicate: true }).where(inArray(minor.id, minorIds));
}

/** Queues a pair once: a pair already decided ("different") is never proposed again. */
export async function queueReview(
  db: Executor,
  values: { id: string; a: string; b: string; score: number; reasons: string[] },
) {
  const [first, second] = values.a < values.b ? [values.a, values.b] : [values.b, values.a];
  await db
    .insert(duplicateReview)
    .values({
      id: values.id,
      firstMinorId: first,
      secondMinorId: second,
      score: values.score,
      reasons: values.reasons,
      state: "pending",
    })
    .onConflictDoNothing();
}

export async function listReviews(db: Executor, state: string, limit: number) {
  return db
    .select()
    .from(duplicateReview)
    .where(eq(duplicateReview.state, state))
    .orderBy(duplicateReview.createdAt)
    .limit(limit);
}

export async function findReviewForUpdate(db: Executor, id: string) {
  const [row] = await db.select().from(duplicateReview).where(eq(duplicateReview.id, id)).for("update");
  return row;
}

export async function isMinorInPendingReview(db: Executor, minorId: string) {
  const [row] = await db
    .select({ id: duplicateReview.id })
    .from(duplicateReview)
    .where(
      and(
        eq(duplicateReview.state, "pending"),
        or(eq(duplicateReview.firstMinorId, minorId), eq(duplicateReview.secondMinorId, minorId)),
      ),
    )
    .limit(1);
  return row !== undefined;
}

export async function countActiveMinors(db: Executor) {
  const [{ count }] = await queryRows<{ count: number }>(
    db,
    sql`select count(*)::int as count from minor where merged_into is null`,
  );
  return count;
}

/**
 * The relationship that opens a minor's identity to a structure's staff: a stay in one of their
 * structures, open or closed less than 90 days ago (access protocol).
 */
export async function isMinorInChargeOfStructures(
  db: Executor,
  minorId: string,
  structureCondition: SQL,
  today: string,
) {
  const rows = await queryRows<{ found: boolean }>(
    db,
    sql`select ${inChargeOfStructures(sql`${minorId}::uuid`, structureCondition, today)} as found`,
  );
  return rows[0]?.found === true;
}

/**
 * The same relationship as a condition on a minor's id (a column or a value), for queries that
 * list several minors: one definition for every view that shows any part of an identity.
 */
export function inChargeOfStructures(minorId: SQL, structureCondition: SQL, today: string): SQL {
  return sql`exists (select 1 from stay join structure on structure.id = stay.structure_id
    where stay.minor_id = ${minorId} and stay.admission_date is not null
      and (stay.discharge_date is null or stay.discharge_date > (${today}::date - ${identityDaysAfterDischarge}::int))
      and ${structureCondition})`;
}

/**
 * Whether the caller's relationship with the minor is still to be confirmed (access protocol,
 * principle 7): every one of the caller's stays that opens the identity is an admission to be
 * confirmed (overlapping an earlier stay of the minor, or recorded more than 30 days after its
 * day, and confirmed neither by the steward nor by the referring service's case). The other
 * stay's discharge confirms it by removing the overlap.
 */
export async function isRelationshipToBeConfirmed(
  db: Executor,
  minorId: string,
  structureCondition: SQL,
  today: string,
) {
  const opening = sql`stay.minor_id = ${minorId}::uuid and stay.admission_date is not null
        and (stay.discharge_date is null or stay.discharge_date > (${today}::date - ${identityDaysAfterDischarge}::int))
        and ${structureCondition}`;
  const rows = await queryRows<{ found: boolean }>(
    db,
    sql`select (exists (select 1 from stay join structure on structure.id = stay.structure_id where ${opening})
      and not exists (select 1 from stay join structure on structure.id = stay.structure_id
        where ${opening} and not ${toBeConfirmedSql(sql`stay`)})) as found`,
  );
  return rows[0]?.found === true;
}

/**
 * The relationship that opens a minor's identity to a social service's staff: a case of their
 * service, open, or closed today (the closure's day still counts). A merge moves the merged
 * record's cases to the survivor; a case left on a record merged before merges moved cases still
 * counts for the surviving record.
 */
export function inChargeOfService(minorId: SQL, organisationId: string, today: string): SQL {
  return sql`exists (select 1 from social_case
    where social_case.service_organisation_id = ${organisationId}::uuid
      and (social_case.closed_on is null or social_case.closed_on >= ${today}::date)
      and social_case.minor_id in (select minor.id from minor where minor.id = ${minorId} or minor.merged_into = ${minorId}))`;
}

export async function isMinorInChargeOfService(
  db: Executor,
  minorId: string,
  organisationId: string,
  today: string,
) {
  const rows = await queryRows<{ found: boolean }>(
    db,
    sql`select ${inChargeOfService(sql`${minorId}::uuid`, organisationId, today)} as found`,
  );
  return rows[0]?.found === true;
}
