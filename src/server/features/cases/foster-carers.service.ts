import type { Database } from "../../../db/database.ts";
import { AppError } from "../../../domain/errors/app-error.ts";
import type { Actor } from "../../core/actor.ts";
import { appendAuditEntry } from "../../core/audit.queries.ts";
import { authorize } from "../../core/authorization.ts";
import type { Keyring } from "../../core/vault-keys.ts";
import { findCaseOfService } from "./cases.queries.ts";
import { findCarersOfEpisode, findFosterCareEpisode, openFosterCarer } from "./foster-carers.queries.ts";

/**
 * The foster carers of an episode, for the service that has the minor in charge (its case, open):
 * opened from the vault's machinery, the read audited in the same transaction with its purpose.
 * Anyone else, or an episode that does not exist, answers 404 (a role without cases 403), and
 * every refused read is audited too.
 */
export async function readFosterCarers(
  db: Database,
  keyring: Keyring,
  actor: Actor,
  caseId: string,
  episodeId: string,
) {
  const refused = (reason: "role" | "not-in-charge") =>
    db.transaction((tx) =>
      appendAuditEntry(tx, actor, {
        action: "case.carers-read",
        resourceType: "case",
        resourceId: caseId,
        purpose: "care",
        outcome: "denied",
        details: { episodeId, reason },
      }),
    );
  try {
    authorize(actor, "case.read");
  } catch (error) {
    await refused("role");
    throw error;
  }
  const found = await db.transaction(async (tx) => {
    const row = await findCaseOfService(tx, actor.organisationId, caseId);
    if (row?.status !== "open" || !(await findFosterCareEpisode(tx, caseId, episodeId))) return undefined;
    const carers = (await findCarersOfEpisode(tx, caseId, episodeId)).map((stored) =>
      openFosterCarer(keyring, stored),
    );
    await appendAuditEntry(tx, actor, {
      action: "case.carers-read",
      resourceType: "case",
      resourceId: caseId,
      minorPseudonym: row.minorPseudonym,
      purpose: "care",
      outcome: "success",
      details: { episodeId, count: carers.length },
    });
    return { caseId, episodeId, carers };
  });
  if (found) return found;
  await refused("not-in-charge");
  throw new AppError("not-found", "L'affido richiesto non esiste.");
}
