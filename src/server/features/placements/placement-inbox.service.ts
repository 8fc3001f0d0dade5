import { sql } from "drizzle-orm";
import { type Database, queryRows } from "../../../db/database.ts";
import { structure } from "../../../db/schema/index.ts";
import { AppError } from "../../../domain/errors/app-error.ts";
import { nextPlacementState } from "../../../domain/placements/placement-fit.ts";
import type {
  PlacementRequest,
  PlacementRequestState,
} from "../../../domain/placements/placement-request.schema.ts";
import type { Actor } from "../../core/actor.ts";
import { appendAuditEntry } from "../../core/audit.queries.ts";
import { authorize } from "../../core/authorization.ts";
import { structureScopeCondition } from "../../core/structure-scope.ts";
import type { Keyring } from "../../core/vault-keys.ts";
import { findVaultRows, openIdentity } from "../registry/index.ts";
import {
  findRequestsOfStructures,
  isCaseClosed,
  lockRequest,
  type PlacementRequestRow,
  updateRequestDecision,
} from "./placements.queries.ts";

/**
 * A request as the structure sees it: the child's pseudonym and needs, never the case; the
 * identity reaches the structure only with its acceptance.
 */
export function requestForStructure(row: PlacementRequestRow): PlacementRequest {
  return {
    id: row.id,
    caseId: null,
    minorPseudonym: row.minorPseudonym,
    structureId: row.structureId,
    structureName: row.structureName,
    serviceName: row.serviceName,
    state: row.state,
    needs: row.needs,
    sentAt: row.sentAt,
    decidedAt: row.decidedAt,
    declineReason: row.declineReason,
    admittedStayId: null,
  };
}

function reachOf(actor: Actor, structureId: string) {
  const scope = authorize(actor, "placement.answer");
  return sql`${structure.id} = ${structureId} and ${structureScopeCondition(actor, scope)}`;
}

/** The requests sent to one of the caller's structures (404 for another's). */
export async function listStructureRequests(
  db: Database,
  actor: Actor,
  structureId: string,
  state?: PlacementRequestState,
) {
  const reach = reachOf(actor, structureId);
  return db.transaction(async (tx) => {
    const visible = await queryRows(tx, sql`select 1 from structure where ${reach}`);
    if (visible.length === 0) throw new AppError("not-found", "La struttura richiesta non esiste.");
    const rows = await findRequestsOfStructures(tx, reach, state);
    await appendAuditEntry(tx, actor, {
      action: "placement.list",
      resourceType: "structure",
      resourceId: structureId,
      outcome: "success",
      details: { count: rows.length, ...(state ? { state } : {}) },
    });
    return { items: rows.map(requestForStructure) };
  });
}

async function decide(
  db: Database,
  actor: Actor,
  now: Date,
  ids: { structureId: string; requestId: string },
  decision: "accept" | "decline",
  declineReason: string | null,
  keyring?: Keyring,
) {
  const reach = reachOf(actor, ids.structureId);
  return db.transaction(async (tx) => {
    const row = await lockRequest(tx, ids.requestId, reach);
    if (!row) throw new AppError("not-found", "La richiesta di inserimento non esiste.");
    const state = nextPlacementState(row.state, decision);
    // A case closed since the sending takes no child in: the request can only be declined.
    if (decision === "accept" && (await isCaseClosed(tx, row.caseId)))
      throw new AppError("placement-case-closed");
    const decidedAt = now.toISOString();
    await updateRequestDecision(tx, row.id, { state, decidedAt, decidedBy: actor.userId, declineReason });
    await appendAuditEntry(tx, actor, {
      action: decision === "accept" ? "placement.accept" : "placement.decline",
      resourceType: "placement-request",
      resourceId: row.id,
      minorPseudonym: row.minorPseudonym,
      purpose: "admission",
      outcome: "success",
    });
    const decided: PlacementRequestRow = { ...row, state, decidedAt, declineReason };
    if (!keyring) return { request: requestForStructure(decided), identity: null };
    const [vault] = await findVaultRows(tx, [row.minorId]);
    if (!vault) throw new AppError("not-found", "Il minore richiesto non esiste.");
    const identity = openIdentity(keyring, vault);
    await appendAuditEntry(tx, actor, {
      action: "placement.identity-read",
      resourceType: "minor",
      resourceId: row.minorId,
      minorPseudonym: row.minorPseudonym,
      purpose: "admission",
      outcome: "success",
      details: { placementRequestId: row.id },
    });
    return {
      request: requestForStructure(decided),
      identity: {
        fiscalCode: identity.fiscalCode ?? null,
        familyName: identity.familyName ?? null,
        givenName: identity.givenName ?? null,
        sex: identity.sex,
        birthDate: identity.birthDate ?? null,
        citizenship: identity.citizenship ?? null,
      },
    };
  });
}

/** The structure accepts: the request is closed and the child's identity read, for the admission. */
export async function acceptPlacementRequest(
  db: Database,
  keyring: Keyring,
  actor: Actor,
  now: Date,
  ids: { structureId: string; requestId: string },
) {
  const { request, identity } = await decide(db, actor, now, ids, "accept", null, keyring);
  if (!identity) throw new AppError("internal");
  return { request, identity };
}

export async function declinePlacementRequest(
  db: Database,
  actor: Actor,
  now: Date,
  ids: { structureId: string; requestId: string },
  reason: string,
) {
  return (await decide(db, actor, now, ids, "decline", reason)).request;
}
