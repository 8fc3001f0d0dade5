import type { UseFormReturn } from "react-hook-form";
import type { z } from "zod";
import type { StructureRecord, structureRecordSchema } from "../../../domain/structures/structure.schema.ts";
import { todayInRome } from "../../../domain/time/calendar.ts";
import { fieldId, useFieldLabels } from "./field-labels.ts";
import { errorAt } from "./form-errors.ts";

export type StructureFormInput = z.input<typeof structureRecordSchema>;
export type StructureForm = UseFormReturn<StructureFormInput, unknown, StructureRecord>;
export type StructureFormMode = "register" | "edit";

/** A new registration starts almost empty; the operator's name comes from the active organisation. */
export function newStructureValues(operatorName: string): Partial<StructureFormInput> {
  return {
    name: "",
    regionalType: "",
    operator: { name: operatorName, fiscalCode: "", legalNature: "cooperativa-sociale" },
    address: { street: "", comune: "" },
    target: { minAge: 0, maxAge: 17, sex: "any", motherWithChild: false, msna: false },
    authorisation: { status: "definitiva", act: "", date: "", expiresOn: null },
    status: "pending-approval",
    validFrom: todayInRome(),
  };
}

/** An edit starts from the record (or the change awaiting approval) and holds from today. */
export function editStructureValues(record: StructureRecord): StructureFormInput {
  return { ...record, validFrom: record.status === "pending-approval" ? record.validFrom : todayInRome() };
}

/** id, label and current error of a field, by its dotted path. */
export function useFieldProps(form: StructureForm) {
  const { labelOf } = useFieldLabels();
  const errors = form.formState.errors;
  return (path: string) => ({ id: fieldId(path), label: labelOf(path), error: errorAt(errors, path) });
}

export const emptyToNull = (value: unknown) => (value === "" || value === undefined ? null : value);
