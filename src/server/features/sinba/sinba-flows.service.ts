import type { Database, Executor } from "../../../db/database.ts";
import { AppError } from "../../../domain/errors/app-error.ts";
import type {
  SinbaEnteList,
  SinbaFlowList,
  SinbaFlowsQuery,
  SinbaNotSendableList,
} from "../../../domain/sinba/sinba-api.schema.ts";
import type { Actor } from "../../core/actor.ts";
import { appendAuditEntry } from "../../core/audit.queries.ts";
import { authorize } from "../../core/authorization.ts";
import {
  isServiceOrganisation,
  listEnteSummaries,
  listFlowsOfService,
  listNotSendableOfService,
} from "./sinba-flows.queries.ts";

/**
 * The ente whose flows are read: a service reads its own (another's does not exist for it: 404);
 * the Region names the ente it drills into, which must be a social service.
 */
async function enteOf(tx: Executor, actor: Actor, ente: string | undefined): Promise<string> {
  const scope = authorize(actor, "sinba.read");
  if (scope === "region") {
    if (!ente)
      throw new AppError(
        "validation-failed",
        "Indicare l'ente (l'organizzazione del servizio) da consultare.",
        [{ path: "ente", code: "required", message: "Indicare l'ente da consultare" }],
      );
    if (!(await isServiceOrganisation(tx, ente)))
      throw new AppError("not-found", "L'ente indicato non esiste.");
    return ente;
  }
  if (ente && ente !== actor.organisationId) throw new AppError("not-found", "L'ente indicato non esiste.");
  return actor.organisationId;
}

/** An ente's flows, newest first, with INPS's outcome of each; of one status when asked. */
export async function listSinbaFlows(
  db: Database,
  actor: Actor,
  query: SinbaFlowsQuery,
): Promise<SinbaFlowList> {
  authorize(actor, "sinba.read");
  return db.transaction(async (tx) => {
    const organisationId = await enteOf(tx, actor, query.ente);
    const found = await listFlowsOfService(tx, organisationId, query);
    await appendAuditEntry(tx, actor, {
      action: "sinba.flows-list",
      resourceType: "organisation",
      resourceId: organisationId,
      purpose: "legal-obligation",
      outcome: "success",
      details: { count: found.items.length, offset: query.offset, status: query.status ?? null },
    });
    return found as SinbaFlowList;
  });
}

/** An ente's cases that cannot produce a valid record yet, with what is missing, field by field. */
export async function listSinbaNotSendable(
  db: Database,
  actor: Actor,
  query: { ente?: string } = {},
): Promise<SinbaNotSendableList> {
  authorize(actor, "sinba.read");
  return db.transaction(async (tx) => {
    const organisationId = await enteOf(tx, actor, query.ente);
    const items = await listNotSendableOfService(tx, organisationId);
    await appendAuditEntry(tx, actor, {
      action: "sinba.not-sendable-list",
      resourceType: "organisation",
      resourceId: organisationId,
      purpose: "legal-obligation",
      outcome: "success",
      details: { count: items.length },
    });
    return { items };
  });
}

/** How the flow stands per ente: every social service for the Region, its own for a service. */
export async function listSinbaEnti(db: Database, actor: Actor): Promise<SinbaEnteList> {
  const scope = authorize(actor, "sinba.read");
  return db.transaction(async (tx) => {
    const items = await listEnteSummaries(tx, scope === "region" ? null : actor.organisationId);
    await appendAuditEntry(tx, actor, {
      action: "sinba.enti-list",
      resourceType: "organisation",
      purpose: "legal-obligation",
      outcome: "success",
      details: { count: items.length },
    });
    return { items };
  });
}
