import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { type StructureRecord, structureRecordSchema } from "../../../domain/structures/structure.schema.ts";
import { useErrorMessage } from "../../components/error-alert.tsx";
import { ErrorSummary } from "./error-summary.tsx";
import { applyServerProblems, flattenErrors, italianFallbackError } from "./form-errors.ts";
import { AuthorisationSection, CapacitySection } from "./structure-form-capacity.tsx";
import { GeneralSection } from "./structure-form-general.tsx";
import type { StructureFormInput, StructureFormMode } from "./structure-form-model.ts";
import { AddressSection, OperatorSection } from "./structure-form-operator.tsx";

/**
 * The one form for registering and editing a structure. It validates with the shared zod schema
 * of the ASSO record, then shows the server's field problems next to the same fields.
 */
export function StructureForm({
  mode,
  defaultValues,
  onSubmit,
  onCancel,
}: {
  mode: StructureFormMode;
  defaultValues: Partial<StructureFormInput>;
  onSubmit: (record: StructureRecord) => Promise<unknown>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const messageOf = useErrorMessage();
  const form = useForm<StructureFormInput, unknown, StructureRecord>({
    resolver: zodResolver(structureRecordSchema, { error: italianFallbackError }),
    defaultValues,
    mode: "onSubmit",
    reValidateMode: "onChange",
  });
  const [attempt, setAttempt] = useState(0);
  const [serverMessages, setServerMessages] = useState<string[]>([]);

  const submit = form.handleSubmit(
    async (record) => {
      setServerMessages([]);
      try {
        await onSubmit(record);
      } catch (error) {
        const unplaced = applyServerProblems(error, form.setError);
        setServerMessages([messageOf(error), ...unplaced]);
        setAttempt((count) => count + 1);
      }
    },
    () => {
      setServerMessages([]);
      setAttempt((count) => count + 1);
    },
  );

  const fieldErrors = attempt > 0 ? flattenErrors(form.formState.errors) : [];
  return (
    <form onSubmit={submit} noValidate className="structure-form">
      <ErrorSummary fieldErrors={fieldErrors} messages={serverMessages} attempt={attempt} />
      <GeneralSection form={form} mode={mode} />
      <OperatorSection form={form} />
      <AddressSection form={form} />
      <CapacitySection form={form} />
      <AuthorisationSection form={form} />
      <div className="d-flex flex-wrap gap-2">
        <button type="submit" className="btn btn-primary" disabled={form.formState.isSubmitting}>
          {form.formState.isSubmitting
            ? t("structures.form.submitting")
            : mode === "register"
              ? t("structures.form.submitRegister")
              : t("structures.form.submitEdit")}
        </button>
        <button type="button" className="btn btn-outline-primary" onClick={onCancel}>
          {t("common.cancel")}
        </button>
      </div>
    </form>
  );
}
