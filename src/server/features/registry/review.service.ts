import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { type Database, type Executor, queryRows } from "../../../db/database.ts";
import { duplicateReview, minor, minorMerge } from "../../../db/schema/index.ts";
import { staysOverlapSql } from "../../../db/stay-presence.sql.ts";
import { AppError } from "../../../domain/errors/app-error.ts";
import type { Actor } from "../../core/actor.ts";
import { appendAuditEntry } from "../../core/audit.queries.ts";
import { authorize } from "../../core/authorization.ts";
import type { Keyring } from "../../core/vault-keys.ts";
import { openIdentity } from "./identity-vault.ts";
import { findMinorById, findReviewForUpdate, findVaultRows, listReviews } from "./registry.queries.ts";

/**
 * Tables that point at a minor. A merge re-points their rows to the survivor and remembers which,
 * so that undoing it restores them exactly. Stays, cases and events register here.
 */
export type MinorReference = { table: string; column: string; key: string };
export const minorReferences: MinorReference[] = [
  { table: "stay", column: "minor_id", key: "id" },
  { table: "stay_event", column: "minor_id", key: "id" },
];

/** The pairs waiting for a decision, with only what is needed to decide; each identity read is audited. */
export async function listPendingReviews(db: Database, keyring: Keyring, actor: Actor, limit = 50) {
  authorize(actor, "registry.review");
  return db.transaction(async (tx) => {
    const reviews = await listReviews(tx, "pending", limit);
    const ids = [...new Set(reviews.flatMap((review) => [review.firstMinorId, review.secondMinorId]))];
    const rows = new Map((await findVaultRows(tx, ids)).map((row) => [row.minorId, row]));
    const minors = new Map<string, Awaited<ReturnType<typeof findMinorById>>>();
    for (const id of ids) minors.set(id, await findMinorById(tx, id));
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
      };
    };
    const items = reviews.map((review) => ({
      id: review.id,
      score: review.score,
      reasons: review.reasons,
      createdAt: new Date(review.createdAt).toISOString(),
      first: side(review.firstMinorId),
      second: side(review.secondMinorId),
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
      details: { mergeId, mergedPseudonym: merged.pseudonym },
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
    for (const reference of references) {
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
      // Undone means they are two children: remembered, never proposed again.
      await tx
        .update(duplicateReview)
        .set({ state: "different", reason })
        .where(eq(duplicateReview.id, merge.reviewId));
    }
    await appendAuditEntry(tx, actor, {
      action: "registry.unmerge",
      resourceType: "minor",
      resourceId: merge.survivorId,
      minorPseudonym: snapshot.survivor.pseudonym,
      purpose: "duplicate-review",
      outcome: "success",
      details: { mergeId, mergedPseudonym: snapshot.merged.pseudonym },
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
