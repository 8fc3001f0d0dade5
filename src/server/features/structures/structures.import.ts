import { randomUUID } from "node:crypto";
import type { Database } from "../../../db/database.ts";
import { type FieldProblem, isAppError } from "../../../domain/errors/app-error.ts";
import { fieldProblemsOf } from "../../../domain/errors/field-problems.ts";
import { type StructureRecord, structureRecordSchema } from "../../../domain/structures/structure.schema.ts";
import { changedFields } from "../../../domain/structures/structure-changes.ts";
import type { AuditSubject } from "../../core/actor.ts";
import { appendAuditEntry } from "../../core/audit.queries.ts";
import { resolveOperatorOrganisation } from "./operators.ts";
import { checkStructureRecord } from "./structure-checks.ts";
import {
  findCurrentVersion,
  findStructureByCode,
  insertStructure,
  insertVersion,
  lockStructure,
  nextStructureCode,
  updateStructure,
} from "./structures.queries.ts";

export type ImportOutcome =
  | { index: number; outcome: "created" | "new-version" | "unchanged"; code: string }
  | { index: number; outcome: "rejected"; code: string | null; problems: FieldProblem[] };

/**
 * Brings in an existing registry: each record is validated and stored on its own (a bad record
 * never stops the others, and is never half-stored). A known code gets a new dated version.
 */
export async function importStructures(
  db: Database,
  subject: AuditSubject,
  records: unknown[],
  onProgress: (done: number, outcome: ImportOutcome) => void = () => {},
): Promise<ImportOutcome[]> {
  const outcomes: ImportOutcome[] = [];
  for (const [index, raw] of records.entries()) {
    const outcome = await importOne(db, subject, index, raw);
    outcomes.push(outcome);
    onProgress(index + 1, outcome);
  }
  return outcomes;
}

async function importOne(
  db: Database,
  subject: AuditSubject,
  index: number,
  raw: unknown,
): Promise<ImportOutcome> {
  const parsed = structureRecordSchema.safeParse(raw);
  const rawCode =
    raw && typeof raw === "object" && typeof (raw as { code?: unknown }).code === "string"
      ? (raw as { code: string }).code
      : null;
  if (!parsed.success) {
    return { index, outcome: "rejected", code: rawCode, problems: fieldProblemsOf(parsed.error.issues) };
  }
  try {
    return await db.transaction(async (tx) => {
      const record = parsed.data;
      await checkStructureRecord(tx, record);
      const existing = record.code ? await findStructureByCode(tx, record.code) : undefined;
      if (existing) {
        await lockStructure(tx, existing.id);
        await resolveOperatorOrganisation(tx, record.operator, existing.operatorOrganisationId);
        const current = await findCurrentVersion(tx, existing.id);
        const next: StructureRecord = { ...record, code: existing.code ?? record.code };
        if (
          current &&
          current.record.validFrom === next.validFrom &&
          changedFields(current.record, next).length === 0
        ) {
          return { index, outcome: "unchanged" as const, code: next.code as string };
        }
        const version = (current?.version ?? 0) + 1;
        await insertVersion(tx, {
          id: randomUUID(),
          structureId: existing.id,
          version,
          recordedBy: null,
          changeId: null,
          record: next,
        });
        await updateStructure(tx, existing.id, { currentVersion: version, status: next.status });
        await appendAuditEntry(tx, subject, {
          action: "structure.import",
          resourceType: "structure",
          resourceId: existing.id,
          outcome: "success",
          details: { version },
        });
        return { index, outcome: "new-version" as const, code: next.code as string };
      }
      const operatorOrganisationId = await resolveOperatorOrganisation(tx, record.operator, null);
      const code = record.code ?? (await nextStructureCode(tx));
      const id = randomUUID();
      const next: StructureRecord = { ...record, code };
      await insertStructure(tx, { id, code, operatorOrganisationId, status: next.status, currentVersion: 1 });
      await insertVersion(tx, {
        id: randomUUID(),
        structureId: id,
        version: 1,
        recordedBy: null,
        changeId: null,
        record: next,
      });
      await appendAuditEntry(tx, subject, {
        action: "structure.import",
        resourceType: "structure",
        resourceId: id,
        outcome: "success",
        details: { version: 1 },
      });
      return { index, outcome: "created" as const, code };
    });
  } catch (error) {
    if (!isAppError(error)) throw error;
    const problems =
      error.problems.length > 0 ? error.problems : [{ path: "", code: error.code, message: error.detail }];
    return { index, outcome: "rejected", code: rawCode, problems };
  }
}
