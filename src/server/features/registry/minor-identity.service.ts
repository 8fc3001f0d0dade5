import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Database, Executor } from "../../../db/database.ts";
import { minor } from "../../../db/schema/index.ts";
import { AppError, type AppErrorCode } from "../../../domain/errors/app-error.ts";
import { checkMinorIdentity, type MinorIdentity } from "../../../domain/registry/minor-identity.ts";
import type { Actor } from "../../core/actor.ts";
import { appendAuditEntry } from "../../core/audit.queries.ts";
import { authorize } from "../../core/authorization.ts";
import { structureScopeCondition } from "../../core/structure-scope.ts";
import type { Keyring } from "../../core/vault-keys.ts";
import { findActiveBreakGlass } from "../break-glass/index.ts";
import {
  fiscalCodeDigest,
  indexEntriesOf,
  openIdentity,
  sealIdentity,
  storedIdentityOf,
} from "./identity-vault.ts";
import {
  findMinorByPseudonym,
  findMinorsByIndex,
  findVaultRows,
  isMinorInChargeOfService,
  isMinorInChargeOfStructures,
  isMinorInPendingReview,
  isRelationshipToBeConfirmed,
  lockDigest,
  queueReview,
  replaceIndexEntries,
  replaceVaultRow,
} from "./registry.queries.ts";

/** Whether the actor's relationship with this minor opens the record (404 otherwise). */
export async function canSeeMinor(
  db: Executor,
  actor: Actor,
  minorId: string,
  today: string,
): Promise<boolean> {
  const scope = authorize(actor, "registry.read");
  if (scope === "pseudonymous") return true;
  if (scope === "review-queue") return isMinorInPendingReview(db, minorId);
  if (scope === "in-charge" && actor.role.startsWith("structure-")) {
    return isMinorInChargeOfStructures(db, minorId, structureScopeCondition(actor, "own-structures"), today);
  }
  // A social service: a case of its own on the minor (SINBA case file).
  if (scope === "in-charge" && actor.role.startsWith("service-"))
    return isMinorInChargeOfService(db, minorId, actor.organisationId, today);
  return false;
}

async function findVisibleMinorOrNothing(db: Executor, actor: Actor, pseudonym: string, today: string) {
  const found = await findMinorByPseudonym(db, pseudonym);
  if (!found || !(await canSeeMinor(db, actor, found.id, today))) return undefined;
  return found;
}

async function breakGlassOf(tx: Executor, actor: Actor, pseudonym: string) {
  const target = await findMinorByPseudonym(tx, pseudonym);
  const access = target ? await findActiveBreakGlass(tx, actor.membershipId, target.id) : undefined;
  return target && access ? { id: access.id, minor: target } : undefined;
}

/** The identity, for those in charge (care) or reviewing duplicates; every read audited with its purpose. */
export async function readMinorIdentity(
  db: Database,
  keyring: Keyring,
  actor: Actor,
  pseudonym: string,
  today: string,
) {
  const scope = authorize(actor, "registry.read");
  const purpose = scope === "review-queue" ? "duplicate-review" : "care";
  if (scope === "pseudonymous") {
    await auditRefusedIdentityAccess(db, actor, "registry.identity-read", purpose, pseudonym, today, "role");
    throw new AppError("forbidden", "Il ruolo attivo non consente di vedere l'identità dei minori.");
  }
  const read = await db.transaction(async (tx) => {
    const visible = await findVisibleMinorOrNothing(tx, actor, pseudonym, today);
    // Outside any relationship, an emergency access the person opened for this minor (break-glass).
    const emergency = visible ? undefined : await breakGlassOf(tx, actor, pseudonym);
    const found = visible ?? emergency?.minor;
    if (!found) return undefined;
    const [row] = await findVaultRows(tx, [found.id]);
    await appendAuditEntry(tx, actor, {
      action: "registry.identity-read",
      resourceType: "minor",
      resourceId: found.id,
      minorPseudonym: found.pseudonym,
      purpose: emergency ? "break-glass" : purpose,
      outcome: "success",
      ...(emergency ? { details: { breakGlassId: emergency.id } } : {}),
    });
    return { pseudonym: found.pseudonym, identity: openIdentity(keyring, row) };
  });
  if (read) return read;
  // Refused like a missing record (404), and written down like a granted read (no oracles).
  await auditRefusedIdentityAccess(
    db,
    actor,
    "registry.identity-read",
    purpose,
    pseudonym,
    today,
    "not-in-charge",
  );
  throw new AppError("not-found", "Il minore richiesto non esiste.");
}

/**
 * A refused read or correction of an identity, recorded in its own transaction (the request
 * fails): the minor is named by pseudonym only when it exists, the reason is for the auditor.
 */
async function auditRefusedIdentityAccess(
  db: Database,
  actor: Actor,
  action: "registry.identity-read" | "registry.identity-correct",
  purpose: "care" | "duplicate-review",
  pseudonym: string,
  today: string,
  reason: "role" | "not-in-charge",
) {
  await db.transaction(async (tx) => {
    const found = await findMinorByPseudonym(tx, pseudonym);
    await appendAuditEntry(tx, actor, {
      action,
      resourceType: "minor",
      resourceId: found?.id ?? null,
      minorPseudonym: found?.pseudonym ?? null,
      purpose,
      outcome: "denied",
      details: { reason: found || reason === "role" ? reason : "unknown-minor", day: today },
    });
  });
}

/** The one answer of a correction sent to the steward's review, whatever sent it there. */
function queuedCorrection(pseudonym: string) {
  return { corrected: false, sentToReview: true, pseudonym };
}

/**
 * Corrects a child's identity (a fiscal code obtained or mistyped, a name): the record and its
 * pseudonym stay the same. A code already held by another minor is not taken: the pair goes to
 * the registry steward instead. A structure whose relationship is still to be confirmed (its stay
 * overlaps another operator's open stay) may read the identity but not correct it: the correction
 * is sent to review too, with the very same answer (no oracle on other children's fiscal codes).
 */
export async function correctMinorIdentity(
  db: Database,
  keyring: Keyring,
  actor: Actor,
  pseudonym: string,
  input: MinorIdentity,
  today: string,
) {
  const scope = authorize(actor, "registry.read");
  if (scope !== "in-charge") {
    await auditRefusedIdentityAccess(
      db,
      actor,
      "registry.identity-correct",
      "care",
      pseudonym,
      today,
      "role",
    );
    throw new AppError("forbidden", "Solo chi ha in carico il minore può correggerne l'identità.");
  }
  const checked = checkMinorIdentity(input, today);
  if (!checked.ok) {
    const [first] = checked.problems;
    throw new AppError(first.code as AppErrorCode, first.message, checked.problems);
  }
  const identity = storedIdentityOf(checked.identity);
  const outcome = await db.transaction(async (tx) => {
    const found = await findVisibleMinorOrNothing(tx, actor, pseudonym, today);
    if (!found) return undefined;
    // A correction that cannot be applied now goes to the steward, and every such correction
    // answers alike: whatever the reason, the caller learns only that it was sent to review.
    const queued = async (reason: "fiscal-code-of-another-minor" | "relationship-to-be-confirmed") => {
      await appendAuditEntry(tx, actor, {
        action: "registry.identity-correct",
        resourceType: "minor",
        resourceId: found.id,
        minorPseudonym: found.pseudonym,
        purpose: "care",
        outcome: "denied",
        details: { reason, sentToReview: true },
      });
      return queuedCorrection(found.pseudonym);
    };
    if (identity.fiscalCode) {
      const digest = fiscalCodeDigest(keyring, identity.fiscalCode);
      await lockDigest(tx, digest);
      const holders = (await findMinorsByIndex(tx, "fiscal-code", [digest])).filter(
        (hit) => hit.minorId !== found.id,
      );
      if (holders.length > 0) {
        // The other minor is named in the duplicates queue, for the steward only.
        await queueReview(tx, {
          id: randomUUID(),
          a: found.id,
          b: holders[0].minorId,
          score: 100,
          reasons: ["same-fiscal-code"],
        });
        // Not flagged as a possible duplicate here: the caller would read the flag in its guests
        // list and learn that the code belongs to someone. The steward's queue holds the pair.
        return queued("fiscal-code-of-another-minor");
      }
    }
    if (
      await isRelationshipToBeConfirmed(tx, found.id, structureScopeCondition(actor, "own-structures"), today)
    )
      return queued("relationship-to-be-confirmed");
    await replaceVaultRow(tx, sealIdentity(keyring, found.id, identity));
    await replaceIndexEntries(tx, found.id, indexEntriesOf(keyring, identity));
    await tx
      .update(minor)
      .set({
        sex: identity.sex,
        birthYearMonth: identity.birthDate?.slice(0, 7) ?? null,
        birthDate: identity.birthDate ?? null,
        citizenship: identity.citizenship ?? null,
        residenceComune: checked.identity.residenceComune ?? found.residenceComune,
      })
      .where(eq(minor.id, found.id));
    await appendAuditEntry(tx, actor, {
      action: "registry.identity-correct",
      resourceType: "minor",
      resourceId: found.id,
      minorPseudonym: found.pseudonym,
      purpose: "care",
      outcome: "success",
    });
    return { corrected: true, sentToReview: false, pseudonym: found.pseudonym };
  });
  if (outcome) return outcome;
  await auditRefusedIdentityAccess(
    db,
    actor,
    "registry.identity-correct",
    "care",
    pseudonym,
    today,
    "not-in-charge",
  );
  throw new AppError("not-found", "Il minore richiesto non esiste.");
}
