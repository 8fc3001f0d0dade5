import type { Database } from "../../../db/database.ts";
import { buildCaseTimeline } from "../../../domain/cases/case-timeline.ts";
import type { CaseTimeline } from "../../../domain/cases/case-timeline-api.schema.ts";
import { AppError } from "../../../domain/errors/app-error.ts";
import type { Actor } from "../../core/actor.ts";
import { appendAuditEntry } from "../../core/audit.queries.ts";
import { authorize } from "../../core/authorization.ts";
import { findCaseOfService, findNamesOfServiceUsers } from "./cases.queries.ts";
import { findTimelineStaysOfMinor } from "./timeline.queries.ts";

/**
 * The minor-centred timeline of a case of this service (404 for any other): the case's facts and
 * every stay of the child in every structure. Audited as the case read is, in the same transaction.
 */
export async function getCaseTimeline(db: Database, actor: Actor, caseId: string): Promise<CaseTimeline> {
  authorize(actor, "case.read");
  const found = await db.transaction(async (tx) => {
    const row = await findCaseOfService(tx, actor.organisationId, caseId);
    if (!row) return undefined;
    const stays = await findTimelineStaysOfMinor(tx, row.minorId);
    const operatorIds = [...new Set((row.projection.assignments ?? []).map((item) => item.operatorId))];
    const operatorNames = await findNamesOfServiceUsers(tx, actor.organisationId, operatorIds);
    await appendAuditEntry(tx, actor, {
      action: "case.read",
      resourceType: "case",
      resourceId: row.id,
      minorPseudonym: row.minorPseudonym,
      purpose: "care",
      outcome: "success",
      details: { view: "timeline" },
    });
    return {
      caseId: row.id,
      minorPseudonym: row.minorPseudonym,
      status: row.status as "open" | "closed",
      entries: buildCaseTimeline(row.projection, stays, operatorNames),
    };
  });
  if (!found) throw new AppError("not-found", "La cartella richiesta non esiste.");
  return found;
}
