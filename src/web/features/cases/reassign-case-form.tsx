import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { type AssignmentRequest, assignmentRequestSchema } from "../../../domain/cases/case-api.schema.ts";
import { todayInRome } from "../../../domain/time/calendar.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { SelectField, TextField } from "../../components/form-fields.tsx";
import type { CaseEventResult } from "./cases-api.ts";

const assignmentFormSchema = assignmentRequestSchema.omit({ id: true });
type AssignmentForm = { operatorId: string; occurredOn: string };

export type ReassignCaseFormProps = {
  caseId: string;
  pseudonym: string;
  currentOperatorId: string | null;
  operators: readonly { id: string; name: string }[];
  assign: (request: AssignmentRequest) => Promise<CaseEventResult>;
  onDone?: () => void;
};

/**
 * The service manager gives a case to another operator of the service: the choice among the
 * service's active operators (the current one left out) and the day, sent as the case's
 * assignment fact; a refusal is shown with the server's Italian message.
 */
export function ReassignCaseForm({
  caseId,
  pseudonym,
  currentOperatorId,
  operators,
  assign,
  onDone,
}: ReassignCaseFormProps) {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<unknown>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const form = useForm<AssignmentForm>({
    resolver: zodResolver(assignmentFormSchema) as never,
    defaultValues: { operatorId: "", occurredOn: todayInRome() },
  });
  const { errors, isSubmitting } = form.formState;
  const choices = operators.filter((operator) => operator.id !== currentOperatorId);
  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    setRefusal(null);
    try {
      const result = await assign({ id: crypto.randomUUID(), ...values });
      if (result.status === "rejected") {
        setRefusal(result.errors.map((error) => error.message).join(" "));
        return;
      }
      onDone?.();
    } catch (error) {
      setFailure(error);
    }
  });
  const headingId = `reassign-${caseId}-heading`;
  return (
    <form onSubmit={submit} noValidate aria-labelledby={headingId} className="mt-3" id="reassign-case-form">
      <h3 id={headingId} className="h5">
        {t("cases.reassign.heading", { pseudonym })}
      </h3>
      <p>{t("cases.reassign.intro")}</p>
      {failure ? <ErrorAlert error={failure} /> : null}
      {refusal && (
        <div className="alert alert-danger" role="alert">
          {refusal}
        </div>
      )}
      {choices.length === 0 ? (
        <p className="alert alert-info">{t("cases.reassign.noOperators")}</p>
      ) : (
        <div className="row">
          <div className="col-12 col-md-7">
            <SelectField
              id={`reassign-${caseId}-operator`}
              label={t("cases.reassign.operator")}
              required
              placeholder="—"
              options={choices.map((operator) => ({ value: operator.id, label: operator.name }))}
              error={errors.operatorId ? t("cases.reassign.chooseOperator") : undefined}
              {...form.register("operatorId")}
            />
          </div>
          <div className="col-12 col-md-5">
            <TextField
              id={`reassign-${caseId}-date`}
              type="date"
              label={t("cases.reassign.occurredOn")}
              required
              error={errors.occurredOn ? t("cases.form.invalid") : undefined}
              {...form.register("occurredOn")}
            />
          </div>
        </div>
      )}
      <button type="submit" className="btn btn-primary" disabled={isSubmitting || choices.length === 0}>
        {t("cases.reassign.submit")}
      </button>
    </form>
  );
}
