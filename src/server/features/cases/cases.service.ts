import type { Database } from "../../../db/database.ts";
import type { AssignmentRequest } from "../../../domain/cases/case-api.schema.ts";
import { assignedOperatorOf, projectCase } from "../../../domain/cases/case-projection.ts";
import type { CaseEventResult } from "../../../domain/cases/decide-case-events.ts";
import { AppError } from "../../../domain/errors/app-error.ts";
import { knownAt } from "../../../domain/pipeline/recorded-history.ts";
import type { Actor } from "../../core/actor.ts";
import { appendAuditEntry } from "../../core/audit.queries.ts";
import { authorize } from "../../core/authorization.ts";
import {
  findAcceptedCaseEvents,
  findCaseOfService,
  findCaseOpeners,
  findNamesOfServiceUsers,
  findStaysOfMinor,
  isCaseWritableBy,
  listCasesOfService,
} from "./cases.queries.ts";
import { type CaseEventsContext, recordCaseEvents } from "./record-case-events.ts";

/**
 * Opens a case for a minor this service found by the registry's exact search: the opening event's
 * id is the case's id, so that sending the same opening again answers with the same case.
 */
export async function openCase(
  db: Database,
  context: CaseEventsContext,
  actor: Actor,
  body: Record<string, unknown>,
) {
  authorize(actor, "case.open");
  const raw = { ...body, type: "case-opened", caseId: body.id };
  const [result] = await recordCaseEvents(db, context, actor, [raw], null);
  return result;
}

/** Facts of one case, each with its own outcome; the case must be this service's (404 otherwise). */
export async function recordEventsOfCase(
  db: Database,
  context: CaseEventsContext,
  actor: Actor,
  caseId: string,
  raws: unknown[],
): Promise<CaseEventResult[]> {
  authorize(actor, "case.write");
  if (!(await isCaseWritableBy(db, { id: actor.organisationId, code: actor.organisationCode }, caseId)))
    throw new AppError("not-found", "La cartella richiesta non esiste.");
  // The path names the case: events may leave it out.
  const withCase = raws.map((raw) =>
    raw && typeof raw === "object" && !Array.isArray(raw) && !("caseId" in raw) ? { ...raw, caseId } : raw,
  );
  return recordCaseEvents(db, context, actor, withCase, caseId);
}

/**
 * The service manager gives a case of the service to one of its operators: the request becomes
 * the case's `assignment` fact, through the one write path (its rules, its audit entry). 404 for
 * a case of another service, 403 for any role but the service manager.
 */
export async function assignCase(
  db: Database,
  context: CaseEventsContext,
  actor: Actor,
  caseId: string,
  request: AssignmentRequest,
): Promise<CaseEventResult> {
  authorize(actor, "case.assign");
  if (!(await findCaseOfService(db, actor.organisationId, caseId)))
    throw new AppError("not-found", "La cartella richiesta non esiste.");
  const raw = {
    id: request.id,
    type: "assignment",
    caseId,
    occurredOn: request.occurredOn,
    assignment: { operatorId: request.operatorId },
  };
  const [result] = await recordCaseEvents(db, context, actor, [raw], caseId);
  return result as CaseEventResult;
}

function summaryOf(row: Awaited<ReturnType<typeof listCasesOfService>>[number]) {
  return {
    caseId: row.id,
    minorPseudonym: row.minorPseudonym,
    status: row.status as "open" | "closed",
    openedOn: row.openedOn,
    closedOn: row.closedOn,
    assignedOperatorId: row.assignedOperatorId,
    assignedOperatorName: row.assignedOperatorName,
    transferToServiceCode: row.transferToServiceCode,
  };
}

export async function listCases(db: Database, actor: Actor, status?: "open" | "closed") {
  authorize(actor, "case.read");
  return db.transaction(async (tx) => {
    const rows = await listCasesOfService(tx, actor.organisationId, status);
    await appendAuditEntry(tx, actor, {
      action: "case.list",
      resourceType: "case",
      purpose: "care",
      outcome: "success",
      details: { count: rows.length, ...(status ? { status } : {}) },
    });
    return rows.map(summaryOf);
  });
}

/** A case of this service: its projection (as known at an instant, if asked), its events, the minor's stays. */
export async function getCase(db: Database, actor: Actor, caseId: string, asOf?: string) {
  authorize(actor, "case.read");
  const found = await db.transaction(async (tx) => {
    const row = await findCaseOfService(tx, actor.organisationId, caseId);
    if (!row) return undefined;
    const events = (await findAcceptedCaseEvents(tx, [row.id])).get(row.id) ?? [];
    const stays = await findStaysOfMinor(tx, row.minorId);
    const projection = projectCase(events, asOf);
    // As known at an instant, the operator is the one of that instant, not the row's.
    const openedBy = (await findCaseOpeners(tx, [row.id])).get(row.id) ?? null;
    const operatorId = assignedOperatorOf(projection, openedBy);
    const names = await findNamesOfServiceUsers(tx, actor.organisationId, operatorId ? [operatorId] : []);
    await appendAuditEntry(tx, actor, {
      action: "case.read",
      resourceType: "case",
      resourceId: row.id,
      minorPseudonym: row.minorPseudonym,
      purpose: "care",
      outcome: "success",
      ...(asOf ? { details: { asOf } } : {}),
    });
    return {
      ...summaryOf(row),
      assignedOperatorId: operatorId,
      assignedOperatorName: operatorId ? (names.get(operatorId) ?? null) : null,
      asOf: asOf ?? null,
      projection,
      events: knownAt(events, asOf).map(({ arrival: _arrival, ...event }) => event),
      stays,
    };
  });
  if (!found) throw new AppError("not-found", "La cartella richiesta non esiste.");
  return found;
}
