import type { Database } from "../../../db/database.ts";
import type { SinbaFlowList, SinbaNotSendableList } from "../../../domain/sinba/sinba-api.schema.ts";
import type { Actor } from "../../core/actor.ts";
import { appendAuditEntry } from "../../core/audit.queries.ts";
import { authorize } from "../../core/authorization.ts";
import { listFlowsOfService, listNotSendableOfService } from "./sinba-flows.queries.ts";

/** The service's own flows, newest first, with INPS's outcome of each. */
export async function listSinbaFlows(
  db: Database,
  actor: Actor,
  page: { limit: number; offset: number },
): Promise<SinbaFlowList> {
  authorize(actor, "sinba.read");
  return db.transaction(async (tx) => {
    const found = await listFlowsOfService(tx, actor.organisationId, page);
    await appendAuditEntry(tx, actor, {
      action: "sinba.flows-list",
      resourceType: "case",
      purpose: "legal-obligation",
      outcome: "success",
      details: { count: found.items.length, offset: page.offset },
    });
    return found as SinbaFlowList;
  });
}

/** The service's cases that cannot produce a valid record yet, with what is missing, field by field. */
export async function listSinbaNotSendable(db: Database, actor: Actor): Promise<SinbaNotSendableList> {
  authorize(actor, "sinba.read");
  return db.transaction(async (tx) => {
    const items = await listNotSendableOfService(tx, actor.organisationId);
    await appendAuditEntry(tx, actor, {
      action: "sinba.not-sendable-list",
      resourceType: "case",
      purpose: "legal-obligation",
      outcome: "success",
      details: { count: items.length },
    });
    return { items };
  });
}
