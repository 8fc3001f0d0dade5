import { createHash, randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Database } from "../../../db/database.ts";
import { AppError } from "../../../domain/errors/app-error.ts";
import { nextPlacementState } from "../../../domain/placements/placement-fit.ts";
import type {
  FittedPlaces,
  PlacementRequest,
  PlacementRequestCreate,
  PlaceSearchRequest,
} from "../../../domain/placements/placement-request.schema.ts";
import type { Actor } from "../../core/actor.ts";
import { appendAuditEntry } from "../../core/audit.queries.ts";
import { authorize } from "../../core/authorization.ts";
import type { Keyring } from "../../core/vault-keys.ts";
import { recordCaseEvents } from "../cases/index.ts";
import { findFittedPlaces, getOpenCase, needsOf, type PlacementKnowledge } from "./place-search.service.ts";
import {
  findAdmissionsOfAcceptedRequests,
  findCaseForPlacement,
  findRequestsOfCase,
  insertRequest,
  lockRequest,
  type PlacementRequestRow,
  setAdmittedStay,
  updateRequestDecision,
} from "./placements.queries.ts";

/** A request as the service that sent it sees it: with its case and the admission that followed. */
export function requestForService(row: PlacementRequestRow): PlacementRequest {
  return {
    id: row.id,
    caseId: row.caseId,
    minorPseudonym: row.minorPseudonym,
    structureId: row.structureId,
    structureName: row.structureName,
    serviceName: row.serviceName,
    state: row.state,
    needs: row.needs,
    sentAt: row.sentAt,
    decidedAt: row.decidedAt,
    declineReason: row.declineReason,
    admittedStayId: row.admittedStayId,
  };
}

/** The free places fitted to the child of an open case of this service, on the wished day. */
export async function searchPlacesForCase(
  db: Database,
  actor: Actor,
  knowledge: PlacementKnowledge,
  caseId: string,
  query: PlaceSearchRequest,
): Promise<FittedPlaces> {
  authorize(actor, "placement.request");
  return db.transaction(async (tx) => {
    const found = await getOpenCase(tx, actor, caseId);
    const needs = needsOf(found, query, query.date ?? knowledge.today);
    const structures = await findFittedPlaces(tx, knowledge, needs);
    await appendAuditEntry(tx, actor, {
      action: "placement.search",
      resourceType: "case",
      resourceId: found.id,
      minorPseudonym: found.pseudonym,
      purpose: "care",
      outcome: "success",
      details: { day: needs.wishedStartOn, found: structures.length },
    });
    return { date: needs.wishedStartOn, needs, structures };
  });
}

/**
 * Sends a request to a structure that fits the child and has room on the wished day (409
 * placement-no-room otherwise); one request still waiting per case and structure.
 */
export async function sendPlacementRequest(
  db: Database,
  actor: Actor,
  knowledge: PlacementKnowledge,
  caseId: string,
  body: PlacementRequestCreate,
): Promise<PlacementRequest> {
  authorize(actor, "placement.request");
  const id = randomUUID();
  await db.transaction(async (tx) => {
    const found = await getOpenCase(tx, actor, caseId);
    // One request at a time per case and structure: a second sending waits for the first.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`placement:${caseId}`}, 0))`);
    const needs = needsOf(found, body, body.wishedStartOn ?? knowledge.today);
    const [fitted] = await findFittedPlaces(tx, knowledge, needs, body.structureId);
    if (!fitted) throw new AppError("placement-no-room");
    const waiting = (await findRequestsOfCase(tx, actor.organisationId, caseId)).some(
      (row) => row.structureId === body.structureId && row.state === "sent",
    );
    if (waiting)
      throw new AppError(
        "conflict",
        "Alla struttura è già stata inviata una richiesta per questo minore, in attesa di risposta.",
      );
    await insertRequest(tx, {
      id,
      caseId,
      minorId: found.minorId,
      structureId: body.structureId,
      serviceOrganisationId: actor.organisationId,
      state: "sent",
      needs,
      sentAt: knowledge.now.toISOString(),
      sentBy: actor.userId,
    });
    await appendAuditEntry(tx, actor, {
      action: "placement.request",
      resourceType: "placement-request",
      resourceId: id,
      minorPseudonym: found.pseudonym,
      purpose: "care",
      outcome: "success",
      details: { caseId, structureId: body.structureId },
    });
  });
  const [row] = (await findRequestsOfCase(db, actor.organisationId, caseId)).filter((item) => item.id === id);
  return requestForService(row);
}

/** The placement fact of an accepted request: one id per request, so that it is recorded once. */
export function placementFactIdOf(requestId: string): string {
  const hex = createHash("sha256").update(`placement-request:${requestId}`).digest("hex");
  const variant = ((Number.parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Accepted requests whose structure has since recorded the minor's admission: the stay is linked
 * to the case by the case's own placement fact (the one write path, which also confirms an
 * admission to be confirmed), then named on the request. Recording it again is a duplicate.
 */
async function linkAdmissions(
  db: Database,
  context: { today: string; now: Date; keyring: Keyring },
  actor: Actor,
  caseId: string,
  openedOn: string,
) {
  for (const admission of await findAdmissionsOfAcceptedRequests(db, caseId)) {
    const [result] = await recordCaseEvents(
      db,
      context,
      actor,
      [
        {
          id: placementFactIdOf(admission.requestId),
          type: "placement",
          caseId,
          occurredOn: admission.admissionDate < openedOn ? openedOn : admission.admissionDate,
          placement: { stayId: admission.stayId },
        },
      ],
      caseId,
    );
    if (result?.status === "accepted" || result?.status === "duplicate")
      await setAdmittedStay(db, admission.requestId, admission.stayId);
  }
}

/** The requests of a case of this service, the admissions that followed them linked first. */
export async function listRequestsOfCase(
  db: Database,
  context: { today: string; now: Date; keyring: Keyring },
  actor: Actor,
  caseId: string,
) {
  authorize(actor, "placement.request");
  const found = await getCaseOfServiceOrNothing(db, actor, caseId);
  if (found.closedOn === null) await linkAdmissions(db, context, actor, caseId, found.openedOn);
  return db.transaction(async (tx) => {
    const rows = await findRequestsOfCase(tx, actor.organisationId, caseId);
    await appendAuditEntry(tx, actor, {
      action: "placement.list",
      resourceType: "case",
      resourceId: caseId,
      minorPseudonym: found.pseudonym,
      purpose: "care",
      outcome: "success",
      details: { count: rows.length },
    });
    return { items: rows.map(requestForService) };
  });
}

/** A case of this service, open or closed: a closed case still shows the requests it sent. */
async function getCaseOfServiceOrNothing(db: Database, actor: Actor, caseId: string) {
  const found = await findCaseForPlacement(db, actor.organisationId, caseId);
  if (!found) throw new AppError("not-found", "La cartella richiesta non esiste.");
  return found;
}

/** The service takes back a request still waiting for the structure's answer. */
export async function withdrawPlacementRequest(
  db: Database,
  actor: Actor,
  now: Date,
  caseId: string,
  requestId: string,
): Promise<PlacementRequest> {
  authorize(actor, "placement.request");
  return db.transaction(async (tx) => {
    const row = await lockRequest(
      tx,
      requestId,
      sql`r.case_id = ${caseId} and r.service_organisation_id = ${actor.organisationId}`,
    );
    if (!row) throw new AppError("not-found", "La richiesta di inserimento non esiste.");
    const state = nextPlacementState(row.state, "withdraw");
    const decidedAt = now.toISOString();
    await updateRequestDecision(tx, row.id, {
      state,
      decidedAt,
      decidedBy: actor.userId,
      declineReason: null,
    });
    await appendAuditEntry(tx, actor, {
      action: "placement.withdraw",
      resourceType: "placement-request",
      resourceId: row.id,
      minorPseudonym: row.minorPseudonym,
      purpose: "care",
      outcome: "success",
    });
    const [updated] = (await findRequestsOfCase(tx, actor.organisationId, caseId)).filter(
      (item) => item.id === row.id,
    );
    return requestForService(updated);
  });
}
