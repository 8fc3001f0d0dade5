import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { type Database, type Executor, queryRows } from "../../../db/database.ts";
import { duplicateReview, minor, minorMerge } from "../../../db/schema/index.ts";
import { staysOverlapSql } from "../../../db/stay-presence.sql.ts";
import { AppError } from "../../../domain/errors/app-error.ts";
import { addDays } from "../../../domain/time/calendar.ts";
import type { Actor } from "../../core/actor.ts";
import { appendAuditEntry } from "../../core/audit.queries.ts";
import { authorize } from "../../core/authorization.ts";
import type { Keyring } from "../../core/vault-keys.ts";
import { openIdentity } from "./identity-vault.ts";
import { followCasesBack, lockCasesOfMinors, refuseTwoOpenCasesOfOneService } from "./merge-cases.queries.ts";
import { findMinorById, findReviewForUpdate, findVaultRows, listReviews } from "./registry.queries.ts";

/**
 * Tables that point at a minor. A merge re-points their rows to the survivor and remembers which,
 * so that undoing it restores them exactly. Stays, cases and events register here; rows of a case
 * (`caseColumn`) written while the merge stood go back with their case. What stays with the record
 * it names, and why, is in docs/architecture.md (Duplicates review): its vault row and index
 * entries, the review pairs, the audit log, the history tables (written by triggers), the SINBA
 * flows already recorded.
 */
export type MinorReference = { table: string; column: string; key: string; caseColumn?: string };
export const minorReferences: MinorReference[] = [
  { table: "stay", column: "minor_id", key: "id" },
  { table: "stay_event", column: "minor_id", key: "id" },
  { table: "break_glass_access", column: "minor_id", key: "id" },
  { table: "social_case", column: "minor_id", key: "id" },
  { table: "case_event", column: "minor_id", key: "id", caseColumn: "case_id" },
  { table: "placement_request", column: "minor_id", key: "id", caseColumn: "case_id" },
];

/** A stay ended this many days ago or less still tells the steward where a record is hosted. */
export const recentStayDays = 365;

/**
 * The pairs waiting for a decision, with only what is needed to decide: both identities, where
 * each record is hosted now or was lately (structure and dates), whether their stays overlap (one
 * child is not in two places) and, for a pair back from an undone merge, why it was undone. Each
 * identity read is audited.
 */
export async function listPendingReviews(
  db: Database,
  keyring: Keyring,
  actor: Actor,
  today: string,
  limit = 50,
) {
  authorize(actor, "registry.review");
  return db.transaction(async (tx) => {
    const reviews = await listReviews(tx, "pending", limit);
    const ids = [...new Set(reviews.flatMap((review) => [review.firstMinorId, review.secondMinorId]))];
    const rows = new Map((await findVaultRows(tx, ids)).map((row) => [row.minorId, row]));
    const minors = new Map<string, Awaited<ReturnType<typeof findMinorById>>>();
    for (const id of ids) minors.set(id, await findMinorById(tx, id));
    const stays = await findRecentStaysOfMinors(tx, ids, addDays(today, -recentStayDays));
    const overlapping = await findOverlappingPairs(tx, reviews);
    const undone = await findUndoneMerges(
      tx,
      reviews.map((review) => review.id),
    );
    const side = (id: string) => {
      const identity = openIdentity(keyring, rows.get(id) as never);
      return {
        pseudonym: minors.get(id)?.pseudonym as string,
        familyName: identity.familyName ?? null,
        givenName: identity.givenName ?? null,
        sex: identity.sex,
        birthDate: identity.birthDate ?? null,
        birthPlace: identity.birthPlace ?? null,
        citizenship: identity.citizenship ?? null,
        hasFiscalCode: identity.fiscalCode !== undefined,
        otherIdKinds: (identity.otherIds ?? []).map((other) => other.kind),
        stays: stays.get(id) ?? [],
      };
    };
    const items = reviews.map((review) => ({
      id: review.id,
      score: review.score,
      reasons: review.reasons,
      createdAt: new Date(review.createdAt).toISOString(),
      first: side(review.firstMinorId),
      second: side(review.secondMinorId),
      staysOverlap: overlapping.has(review.id),
      undoneMerge: undone.get(review.id) ?? null,
    }));
    for (const id of ids) {
      await appendAuditEntry(tx, actor, {
        action: "registry.review-read",
        resourceType: "minor",
        resourceId: id,
        minorPseudonym: minors.get(id)?.pseudonym,
        purpose: "duplicate-review",
        outcome: "success",
      });
    }
    return items;
  });
}

type HostingStay = { structureName: string; admissionDate: string; dischargeDate: string | null };

/** Open stays and those ended since a day, most recent first, with the structure's current name. */
async function findRecentStaysOfMinors(tx: Executor, minorIds: string[], since: string) {
  const byMinor = new Map<string, HostingStay[]>();
  if (minorIds.length === 0) return byMinor;
  const rows = await queryRows<HostingStay & { minorId: string }>(
    tx,
    sql`select s.minor_id as "minorId", v.name as "structureName", s.admission_date::text as "admissionDate",
          s.discharge_date::text as "dischargeDate"
        from stay s join structure st on st.id = s.structure_id
          join structure_version v on v.structure_id = st.id and v.version = st.current_version
        where s.minor_id in (select m::uuid from jsonb_array_elements_text(${JSON.stringify(minorIds)}::jsonb) as t(m))
          and s.admission_date is not null and (s.discharge_date is null or s.discharge_date >= ${since})
        order by s.admission_date desc, s.id`,
  );
  for (const { minorId, ...stay } of rows) byMinor.set(minorId, [...(byMinor.get(minorId) ?? []), stay]);
  return byMinor;
}

/** The reviews whose two minors have stays sharing a day (the rule of the ASMI overlap flag). */
async function findOverlappingPairs(
  tx: Executor,
  reviews: { id: string; firstMinorId: string; secondMinorId: string }[],
) {
  if (reviews.length === 0) return new Set<string>();
  const pairs = reviews.map((review) => ({
    id: review.id,
    a: review.firstMinorId,
    b: review.secondMinorId,
  }));
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`select p.id::text as id from jsonb_to_recordset(${JSON.stringify(pairs)}::jsonb) as p(id uuid, a uuid, b uuid)
        where exists (select 1 from stay a join stay b on b.minor_id = p.b
          where a.minor_id = p.a and ${staysOverlapSql(sql`a`, sql`b`)})`,
  );
  return new Set(rows.map((row) => row.id));
}

/** For pairs back in the queue after an undone merge: the latest such merge, and why it was undone. */
async function findUndoneMerges(tx: Executor, reviewIds: string[]) {
  const byReview = new Map<string, { mergeReason: string; undoReason: string; undoneAt: string }>();
  if (reviewIds.length === 0) return byReview;
  const rows = await queryRows<{
    reviewId: string;
    mergeReason: string;
    undoReason: string;
    undoneAt: string;
  }>(
    tx,
    sql`select distinct on (review_id) review_id::text as "reviewId", reason as "mergeReason",
          coalesce(undo_reason, '') as "undoReason", undone_at as "undoneAt"
        from minor_merge
        where review_id in (select r::uuid from jsonb_array_elements_text(${JSON.stringify(reviewIds)}::jsonb) as t(r))
          and undone_at is not null
        order by review_id, undone_at desc`,
  );
  for (const { reviewId, undoneAt, ...merge } of rows) {
    byReview.set(reviewId, { ...merge, undoneAt: new Date(undoneAt).toISOString() });
  }
  return byReview;
}

export async function decideReview(
  db: Database,
  actor: Actor,
  reviewId: string,
  input: { decision: "same" | "different"; reason: string },
  references: MinorReference[] = minorReferences,
) {
  authorize(actor, "registry.review");
  return db.transaction(async (tx) => {
    const review = await findReviewForUpdate(tx, reviewId);
    if (!review) throw new AppError("not-found", "La coppia indicata non esiste.");
    if (review.state !== "pending") throw new AppError("review-not-pending");
    if (input.decision === "different") {
      await tx
        .update(duplicateReview)
        .set({ state: "different", decidedBy: actor.userId, decidedAt: sql`now()`, reason: input.reason })
        .where(eq(duplicateReview.id, review.id));
      await clearFlagIfSettled(tx, [review.firstMinorId, review.secondMinorId]);
      await appendAuditEntry(tx, actor, {
        action: "registry.mark-different",
        resourceType: "duplicate-review",
        resourceId: review.id,
        purpose: "duplicate-review",
        outcome: "success",
      });
      return { state: "different" as const, mergeId: null };
    }
    const first = await findMinorById(tx, review.firstMinorId);
    const second = await findMinorById(tx, review.secondMinorId);
    if (!first || !second || first.mergedInto || second.mergedInto) {
      throw new AppError("review-not-pending", "Uno dei due minori è già stato unito a un altro.");
    }
    // The older record survives: its pseudonym may already be in national flows.
    const [survivor, merged] = first.createdAt <= second.createdAt ? [first, second] : [second, first];
    await lockCasesOfMinors(tx, [survivor.id, merged.id]);
    await refuseTwoOpenCasesOfOneService(tx, survivor.id, merged.id);
    const repointed: Record<string, string[]> = {};
    for (const reference of references) {
      const rows = await queryRows<{ key: string }>(
        tx,
        sql`update ${sql.identifier(reference.table)} set ${sql.identifier(reference.column)} = ${survivor.id}
            where ${sql.identifier(reference.column)} = ${merged.id} returning ${sql.identifier(reference.key)}::text as key`,
      );
      repointed[reference.table] = rows.map((row) => row.key);
    }
    const mergeId = randomUUID();
    await tx.insert(minorMerge).values({
      id: mergeId,
      survivorId: survivor.id,
      mergedId: merged.id,
      reviewId: review.id,
      reason: input.reason,
      repointed,
      snapshot: { survivor, merged },
      mergedBy: actor.userId,
    });
    await tx.update(minor).set({ mergedInto: survivor.id }).where(eq(minor.id, merged.id));
    await refreshDerivedFlags(tx, [survivor.id, merged.id]);
    await tx
      .update(duplicateReview)
      .set({ state: "merged", decidedBy: actor.userId, decidedAt: sql`now()`, reason: input.reason })
      .where(eq(duplicateReview.id, review.id));
    await clearFlagIfSettled(tx, [survivor.id, merged.id]);
    await appendAuditEntry(tx, actor, {
      action: "registry.merge",
      resourceType: "minor",
      resourceId: survivor.id,
      minorPseudonym: survivor.pseudonym,
      purpose: "duplicate-review",
      outcome: "success",
      details: { mergeId, mergedPseudonym: merged.pseudonym, movedCases: repointed.social_case?.length ?? 0 },
    });
    return { state: "merged" as const, mergeId, survivor: survivor.pseudonym };
  });
}

/** Undoes a merge: both minors and every re-pointed row return exactly as they were. */
export async function undoMerge(
  db: Database,
  actor: Actor,
  mergeId: string,
  reason: string,
  references: MinorReference[] = minorReferences,
) {
  authorize(actor, "registry.review");
  return db.transaction(async (tx) => {
    const [merge] = await tx.select().from(minorMerge).where(eq(minorMerge.id, mergeId)).for("update");
    if (!merge) throw new AppError("not-found", "L'unione indicata non esiste.");
    if (merge.undoneAt) throw new AppError("merge-not-undoable", "L'unione è già stata annullata.");
    const survivor = await findMinorById(tx, merge.survivorId);
    if (survivor?.mergedInto) {
      throw new AppError(
        "merge-not-undoable",
        "Il minore superstite è stato poi unito a un altro: annullare prima quell'unione.",
      );
    }
    const movedCases = merge.repointed.social_case ?? [];
    for (const reference of references) {
      if (reference.caseColumn) {
        const { caseColumn } = reference;
        await followCasesBack(tx, { ...reference, caseColumn }, movedCases, merge.survivorId, merge.mergedId);
      }
      const keys = merge.repointed[reference.table] ?? [];
      if (keys.length === 0) continue;
      await tx.execute(
        sql`update ${sql.identifier(reference.table)} set ${sql.identifier(reference.column)} = ${merge.mergedId}
            where ${sql.identifier(reference.key)}::text in (${sql.join(
              keys.map((key) => sql`${key}`),
              sql`, `,
            )})`,
      );
    }
    const snapshot = merge.snapshot as {
      survivor: typeof minor.$inferSelect;
      merged: typeof minor.$inferSelect;
    };
    for (const row of [snapshot.survivor, snapshot.merged]) {
      const { id, ...values } = row;
      await tx.update(minor).set(values).where(eq(minor.id, id));
    }
    await refreshDerivedFlags(tx, [merge.survivorId, merge.mergedId]);
    await tx
      .update(minorMerge)
      .set({ undoneBy: actor.userId, undoneAt: sql`now()`, undoReason: reason })
      .where(eq(minorMerge.id, merge.id));
    if (merge.reviewId) {
      // An undo says the merge was wrong, not what is right: the pair goes back to the steward,
      // who sees the reason of the undo and decides again.
      await tx
        .update(duplicateReview)
        .set({ state: "pending", decidedBy: null, decidedAt: null, reason: null })
        .where(eq(duplicateReview.id, merge.reviewId));
      await clearFlagIfSettled(tx, [merge.survivorId, merge.mergedId]);
    }
    await appendAuditEntry(tx, actor, {
      action: "registry.unmerge",
      resourceType: "minor",
      resourceId: merge.survivorId,
      minorPseudonym: snapshot.survivor.pseudonym,
      purpose: "duplicate-review",
      outcome: "success",
      details: { mergeId, mergedPseudonym: snapshot.merged.pseudonym, movedCases: movedCases.length },
    });
    return { undone: true };
  });
}

/**
 * Flags derived from the rows a merge moves: a stay overlapping another stay of the same minor
 * (the rule of the ASMI projection) is recomputed for both minors.
 */
async function refreshDerivedFlags(tx: Executor, minorIds: string[]) {
  for (const id of minorIds) {
    await tx.execute(sql`
      update stay s set has_overlap = exists (
        select 1 from stay o
        where o.minor_id = s.minor_id and o.id <> s.id and ${staysOverlapSql(sql`s`, sql`o`)})
      where s.minor_id = ${id}`);
  }
}

async function clearFlagIfSettled(tx: Executor, minorIds: string[]) {
  for (const id of minorIds) {
    await tx.execute(sql`
      update minor set is_possible_duplicate = exists (
        select 1 from duplicate_review r where r.state = 'pending' and (r.first_minor_id = ${id} or r.second_minor_id = ${id}))
      where id = ${id}`);
  }
}

export async function listMerges(db: Database, actor: Actor, limit = 50) {
  authorize(actor, "registry.review");
  return queryRows<{
    id: string;
    survivor: string;
    merged: string;
    reason: string;
    mergedAt: string;
    undoneAt: string | null;
  }>(
    db,
    sql`select g.id, s.pseudonym as survivor, m.pseudonym as merged, g.reason, g.merged_at::text as "mergedAt",
          g.undone_at::text as "undoneAt"
        from minor_merge g join minor s on s.id = g.survivor_id join minor m on m.id = g.merged_id
        order by g.merged_at desc limit ${limit}`,
  );
}
