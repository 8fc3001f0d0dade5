import { randomUUID } from "node:crypto";
import type { Database, Executor } from "../../../db/database.ts";
import { AppError } from "../../../domain/errors/app-error.ts";
import type { StructureRecord } from "../../../domain/structures/structure.schema.ts";
import {
  applyApprovedFields,
  changedFields,
  planEdit,
} from "../../../domain/structures/structure-changes.ts";
import { addDays } from "../../../domain/time/calendar.ts";
import type { Actor, AuditSubject } from "../../core/actor.ts";
import { appendAuditEntry } from "../../core/audit.queries.ts";
import { authorize } from "../../core/authorization.ts";
import { structureScopeCondition } from "../../core/structure-scope.ts";
import { resolveOperatorOrganisation } from "./operators.ts";
import { checkStructureRecord } from "./structure-checks.ts";
import {
  closeChange,
  findChangeForUpdate,
  findCurrentVersion,
  findPendingChange,
  findStructureInScope,
  insertChange,
  insertStructure,
  insertVersion,
  listChanges,
  listStructures,
  listVersions,
  lockStructure,
  nextStructureCode,
  type StructureListFilter,
  updateStructure,
} from "./structures.queries.ts";

const userIdOf = (subject: AuditSubject) => ("userId" in subject ? subject.userId : null);

export async function listVisibleStructures(
  db: Database,
  actor: Actor,
  filter: Omit<StructureListFilter, "expiringBefore"> & { expiringWithinDays?: number },
  today: string,
) {
  const scope = authorize(actor, "structure.read");
  const { expiringWithinDays, ...rest } = filter;
  return listStructures(db, structureScopeCondition(actor, scope), {
    ...rest,
    expiringBefore: expiringWithinDays !== undefined ? addDays(today, expiringWithinDays) : undefined,
  });
}

export async function getVisibleStructure(db: Database, actor: Actor, id: string, onDate?: string) {
  const scope = authorize(actor, "structure.read");
  const found = await findStructureInScope(db, structureScopeCondition(actor, scope), id, onDate);
  if (!found) throw new AppError("not-found", "La struttura richiesta non esiste.");
  const pendingChange = await findPendingChange(db, id);
  const history = await listVersions(db, id);
  return { structure: found, pendingChange: pendingChange ?? null, history };
}

/** A structure manager registers a structure of their organisation; it waits for the Region. */
export async function registerStructure(db: Database, actor: Actor, input: StructureRecord) {
  authorize(actor, "structure.register");
  return db.transaction(async (tx) => {
    const record: StructureRecord = { ...input, code: undefined, status: "pending-approval" };
    await checkStructureRecord(tx, record);
    const operatorOrganisationId = await resolveOperatorOrganisation(
      tx,
      record.operator,
      actor.organisationId,
    );
    const id = randomUUID();
    const changeId = randomUUID();
    await insertStructure(tx, {
      id,
      operatorOrganisationId,
      status: "pending-approval",
      currentVersion: 1,
      createdBy: actor.userId,
    });
    await insertVersion(tx, {
      id: randomUUID(),
      structureId: id,
      version: 1,
      recordedBy: actor.userId,
      changeId,
      record,
    });
    await insertChange(tx, {
      id: changeId,
      structureId: id,
      kind: "registration",
      state: "pending",
      proposed: record,
      changedFields: [],
      requestedBy: actor.userId,
    });
    await appendAuditEntry(tx, actor, {
      action: "structure.register",
      resourceType: "structure",
      resourceId: id,
      outcome: "success",
    });
    return { id };
  });
}

async function loadEditable(tx: Executor, actor: Actor, id: string) {
  const scope = authorize(actor, "structure.edit");
  const visible = await findStructureInScope(tx, structureScopeCondition(actor, scope), id);
  if (!visible) throw new AppError("not-found", "La struttura richiesta non esiste.");
  const locked = await lockStructure(tx, id);
  const current = await findCurrentVersion(tx, id);
  if (!locked || !current) throw new AppError("not-found", "La struttura richiesta non esiste.");
  return { locked, current };
}

async function addVersion(
  tx: Executor,
  subject: AuditSubject,
  structureId: string,
  previousVersion: number,
  record: StructureRecord,
  changeId: string | null,
) {
  const version = previousVersion + 1;
  await insertVersion(tx, {
    id: randomUUID(),
    structureId,
    version,
    recordedBy: userIdOf(subject),
    changeId,
    record,
  });
  await updateStructure(tx, structureId, {
    currentVersion: version,
    status: record.status,
    code: record.code ?? null,
  });
  return version;
}

/**
 * Edits a structure. Before approval, the registration itself is replaced. Afterwards, the
 * changes that need approval become a pending request (replacing any earlier one) and the
 * others apply at once as a new dated version. A region administrator's edits apply at once.
 */
export async function editStructure(db: Database, actor: Actor, id: string, input: StructureRecord) {
  return db.transaction(async (tx) => {
    const { locked, current } = await loadEditable(tx, actor, id);
    const canApplyAll = actor.role === "region-admin";
    const earlier = await findPendingChange(tx, id);
    if (locked.status === "pending-approval") {
      const record: StructureRecord = { ...input, code: undefined, status: "pending-approval" };
      await checkStructureRecord(tx, record);
      await resolveOperatorOrganisation(tx, record.operator, locked.operatorOrganisationId);
      if (earlier)
        await closeChange(tx, earlier.id, { state: "superseded", decidedBy: actor.userId, reason: null });
      const changeId = randomUUID();
      await addVersion(tx, actor, id, current.version, record, changeId);
      await insertChange(tx, {
        id: changeId,
        structureId: id,
        kind: "registration",
        state: "pending",
        proposed: record,
        changedFields: changedFields(current.record, record),
        requestedBy: actor.userId,
      });
      await updateStructure(tx, id, { reviewNote: null });
      await appendAuditEntry(tx, actor, {
        action: "structure.resubmit",
        resourceType: "structure",
        resourceId: id,
        outcome: "success",
      });
      return { applied: [] as string[], pending: changedFields(current.record, record) as string[] };
    }
    const proposed: StructureRecord = { ...input, code: current.record.code };
    await checkStructureRecord(tx, proposed);
    await resolveOperatorOrganisation(tx, proposed.operator, locked.operatorOrganisationId);
    const plan = planEdit(current.record, proposed, canApplyAll);
    const applied = plan.immediate ? changedFields(current.record, plan.immediate) : [];
    if (plan.immediate) await addVersion(tx, actor, id, current.version, plan.immediate, null);
    if (plan.pendingFields.length > 0) {
      if (earlier)
        await closeChange(tx, earlier.id, { state: "superseded", decidedBy: actor.userId, reason: null });
      await insertChange(tx, {
        id: randomUUID(),
        structureId: id,
        kind: "edit",
        state: "pending",
        proposed,
        changedFields: plan.pendingFields,
        requestedBy: actor.userId,
      });
    }
    await appendAuditEntry(tx, actor, {
      action: "structure.edit",
      resourceType: "structure",
      resourceId: id,
      outcome: "success",
      details: { applied, pending: plan.pendingFields },
    });
    return { applied: applied as string[], pending: plan.pendingFields as string[] };
  });
}

export async function listPendingChanges(db: Database, actor: Actor, state: string) {
  const scope = authorize(actor, "structure.decide");
  return listChanges(db, structureScopeCondition(actor, scope), state);
}

/**
 * The Region decides on a registration (approval assigns the regional code and activates the
 * structure) or on an edit (approval applies the requested fields as a new version).
 */
export async function decideChange(
  db: Database,
  actor: Actor,
  changeId: string,
  decision: { decision: "approve" | "return"; reason?: string | null },
) {
  authorize(actor, "structure.decide");
  const reason = decision.reason?.trim() || null;
  if (decision.decision === "return" && !reason) {
    throw new AppError("reason-required", "Indicare perché la richiesta viene restituita.", [
      { path: "/reason", code: "reason-required", message: "Indicare la motivazione." },
    ]);
  }
  return db.transaction(async (tx) => {
    const change = await findChangeForUpdate(tx, changeId);
    if (!change) throw new AppError("not-found", "La richiesta indicata non esiste.");
    if (change.state !== "pending") throw new AppError("change-not-pending");
    const locked = await lockStructure(tx, change.structureId);
    const current = await findCurrentVersion(tx, change.structureId);
    if (!locked || !current) throw new AppError("not-found");
    let code = locked.code;
    if (decision.decision === "return") {
      await closeChange(tx, change.id, { state: "returned", decidedBy: actor.userId, reason });
      if (change.kind === "registration") await updateStructure(tx, locked.id, { reviewNote: reason });
    } else if (change.kind === "registration") {
      code = await nextStructureCode(tx);
      const record: StructureRecord = { ...change.proposed, code, status: "active" };
      await addVersion(tx, actor, locked.id, current.version, record, change.id);
      await closeChange(tx, change.id, { state: "approved", decidedBy: actor.userId, reason });
      await updateStructure(tx, locked.id, { reviewNote: null });
    } else {
      const record = applyApprovedFields(current.record, change.proposed, change.changedFields);
      await addVersion(tx, actor, locked.id, current.version, record, change.id);
      await closeChange(tx, change.id, { state: "approved", decidedBy: actor.userId, reason });
    }
    await appendAuditEntry(tx, actor, {
      action: decision.decision === "approve" ? "structure.approve" : "structure.return",
      resourceType: "structure",
      resourceId: locked.id,
      outcome: "success",
      details: { changeId: change.id, kind: change.kind },
    });
    return { structureId: locked.id, code };
  });
}
