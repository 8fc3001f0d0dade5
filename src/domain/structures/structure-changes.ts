import { fieldsNeedingApproval, type StructureRecord } from "./structure.schema.ts";

type Field = keyof StructureRecord;

const comparedFields: Field[] = [
  "name",
  "regionalType",
  "nationalType",
  "istatCharacter",
  "istatFunction",
  "operator",
  "address",
  "authorisedPlaces",
  "emergencyExtraPlaces",
  "target",
  "authorisation",
  "status",
  "validFrom",
];

/** Status changes (suspension, closure) also wait for the Region when a manager asks for them. */
const approvalFields = new Set<Field>([...fieldsNeedingApproval, "status"]);

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

/** The top-level fields that differ between two versions of a record (validFrom excluded). */
export function changedFields(before: StructureRecord, after: StructureRecord): Field[] {
  return comparedFields.filter((field) => field !== "validFrom" && !sameValue(before[field], after[field]));
}

export type EditPlan = {
  /** The record to store now as a new version, or null when nothing applies at once. */
  immediate: StructureRecord | null;
  /** Fields whose change waits for approval, with the full proposed record. */
  pendingFields: Field[];
};

/**
 * Splits an edit: changes to type, places, authorisation and status wait for the Region; the
 * rest applies at once. The code never changes through an edit.
 */
export function planEdit(
  current: StructureRecord,
  proposed: StructureRecord,
  canApplyAll: boolean,
): EditPlan {
  const proposedWithCode = { ...proposed, code: current.code };
  const changed = changedFields(current, proposedWithCode);
  if (canApplyAll) {
    return { immediate: changed.length > 0 ? proposedWithCode : null, pendingFields: [] };
  }
  const pendingFields = changed.filter((field) => approvalFields.has(field));
  const immediateFields = changed.filter((field) => !approvalFields.has(field));
  if (immediateFields.length === 0) return { immediate: null, pendingFields };
  const immediate: StructureRecord = { ...current, validFrom: proposed.validFrom };
  for (const field of immediateFields)
    (immediate as Record<string, unknown>)[field] = proposedWithCode[field];
  return { immediate, pendingFields };
}

/** Applies the approved fields of a proposal on top of the record as it stands at approval time. */
export function applyApprovedFields(current: StructureRecord, proposed: StructureRecord, fields: string[]) {
  const next: StructureRecord = { ...current, validFrom: proposed.validFrom };
  for (const field of fields) (next as Record<string, unknown>)[field] = proposed[field as Field];
  return next;
}
