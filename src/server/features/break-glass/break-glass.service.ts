import type { Database } from "../../../db/database.ts";
import type { BreakGlassDecision, BreakGlassRequest } from "../../../domain/access/break-glass.schema.ts";
import { AppError } from "../../../domain/errors/app-error.ts";
import type { Actor } from "../../core/actor.ts";
import { appendAuditEntry } from "../../core/audit.queries.ts";
import { authorize } from "../../core/authorization.ts";
import {
  decideBreakGlass,
  findMinorOfPseudonym,
  insertBreakGlass,
  listBreakGlassForReview,
  listBreakGlassOfUser,
} from "./break-glass.queries.ts";

/**
 * Opens an emergency access to one minor's identity for the actor's role: a written reason, 24
 * hours, flagged in the access log, and in the auditor's queue from this moment.
 */
export async function openBreakGlass(db: Database, actor: Actor, input: BreakGlassRequest) {
  authorize(actor, "break-glass.open");
  return db
    .transaction(async (tx) => {
      const found = await findMinorOfPseudonym(tx, input.pseudonym);
      if (!found) {
        await appendAuditEntry(tx, actor, {
          action: "break-glass.open",
          resourceType: "break-glass-access",
          purpose: "break-glass",
          outcome: "denied",
          details: { reason: "unknown-minor" },
        });
        return undefined;
      }
      const access = await insertBreakGlass(tx, {
        userId: actor.userId,
        membershipId: actor.membershipId,
        minorId: found.id,
        reason: input.reason,
      });
      await appendAuditEntry(tx, actor, {
        action: "break-glass.open",
        resourceType: "break-glass-access",
        resourceId: access.id,
        minorPseudonym: found.pseudonym,
        purpose: "break-glass",
        outcome: "success",
        details: { breakGlassId: access.id, expiresAt: access.expiresAt },
      });
      return access;
    })
    .then((access) => {
      if (!access) throw new AppError("not-found", "Nessun minore ha questo pseudonimo.");
      return access;
    });
}

/** One's own emergency accesses, running and past, with the auditor's decision. */
export async function listOwnBreakGlass(db: Database, actor: Actor) {
  authorize(actor, "break-glass.open");
  return listBreakGlassOfUser(db, actor.userId);
}

export async function listBreakGlassReviews(
  db: Database,
  actor: Actor,
  state: "pending" | "accepted" | "questioned" | "all",
) {
  authorize(actor, "break-glass.review");
  return db.transaction(async (tx) => {
    const items = await listBreakGlassForReview(tx, state);
    await appendAuditEntry(tx, actor, {
      action: "break-glass.read",
      resourceType: "break-glass-access",
      outcome: "success",
      details: { state, count: items.length },
    });
    return items;
  });
}

/** The auditor accepts an emergency access or questions it; the decision is final and audited. */
export async function reviewBreakGlass(db: Database, actor: Actor, id: string, input: BreakGlassDecision) {
  authorize(actor, "break-glass.review");
  const decided = await db.transaction(async (tx) => {
    const row = await decideBreakGlass(tx, id, actor.userId, input.decision, input.note);
    if (!row) return undefined;
    await appendAuditEntry(tx, actor, {
      action: "break-glass.review",
      resourceType: "break-glass-access",
      resourceId: row.id,
      minorPseudonym: row.pseudonym,
      outcome: "success",
      details: { decision: input.decision },
    });
    return row;
  });
  if (!decided) throw new AppError("not-found", "L'accesso di emergenza non esiste o è già stato rivisto.");
  return { id: decided.id, reviewState: input.decision };
}
