import { useMemo, useState } from "react";
import { type FieldErrors, type Resolver, useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { todayInRome } from "../../../domain/time/calendar.ts";
import { isApiError } from "../../api/client.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { type Option, SelectField, TextField } from "../../components/form-fields.tsx";
import { type CasePart, eventOf, type FlatValues, fieldOfPath } from "./case-parts.ts";
import type { CaseEventResult } from "./cases-api.ts";

const capitalised = (label: string) => label.charAt(0).toUpperCase() + label.slice(1);

/**
 * One part of a case as a form: the domain's schema of the fact decides (through the resolver),
 * the API's per-event outcome is shown in Italian. A new fact id for each recorded fact.
 */
export function CasePartForm({
  part,
  caseId,
  record,
  episodes = [],
}: {
  part: CasePart;
  caseId: string;
  record: (event: Record<string, unknown>) => Promise<CaseEventResult>;
  episodes?: Option[];
}) {
  const { t } = useTranslation();
  const [factId, setFactId] = useState(() => crypto.randomUUID());
  const [outcome, setOutcome] = useState<CaseEventResult | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const defaults = useMemo(
    () =>
      Object.fromEntries([["occurredOn", todayInRome()], ...part.fields.map((field) => [field.name, ""])]),
    [part],
  ) as FlatValues;

  const resolver: Resolver<FlatValues> = async (values) => {
    const errors: FieldErrors<FlatValues> = {};
    const fail = (name: string, message: string) => {
      if (!errors[name]) errors[name] = { type: "validate", message };
    };
    for (const field of part.fields)
      if (field.required && !values[field.name]) fail(field.name, t("cases.form.choose"));
    const event = eventOf(part, values, { id: factId, caseId });
    const parsed = part.schema.safeParse(event);
    if (!parsed.success)
      for (const issue of parsed.error.issues) {
        const name = fieldOfPath(part, issue.path.join("."));
        const field = part.fields.find((candidate) => candidate.name === name);
        if (!name) continue;
        if (field?.kind === "select")
          fail(name, issue.code === "custom" ? issue.message : t("cases.form.choose"));
        else if (field?.kind === "number") fail(name, t("cases.form.nightsInvalid"));
        else fail(name, issue.message);
      }
    return Object.keys(errors).length > 0 ? { values: {}, errors } : { values, errors: {} };
  };
  const form = useForm<FlatValues>({ resolver, defaultValues: defaults });
  const { errors, isSubmitting } = form.formState;
  const prefix = `case-${part.type}`;

  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      const result = await record(eventOf(part, values, { id: factId, caseId }));
      setOutcome(result);
      if (result.status !== "rejected") {
        form.reset(defaults);
        setFactId(crypto.randomUUID());
      }
    } catch (error) {
      setFailure(error);
    }
  });

  const optionsOf = (name: string, list: CasePart["fields"][number]["list"]): Option[] =>
    name === "episode"
      ? episodes
      : (list ?? []).map((entry) => ({ value: entry.code, label: capitalised(entry.label) }));

  return (
    <form onSubmit={submit} noValidate aria-labelledby={`${prefix}-heading`} className="mb-4">
      <h3 id={`${prefix}-heading`} className="h5 mb-3">
        {t(`cases.parts.${part.type}`)}
      </h3>
      <div aria-live="polite">
        {outcome?.status === "rejected" ? (
          <div className="alert alert-danger" role="alert">
            <ul className="mb-0">
              {outcome.errors.map((problem) => (
                <li key={`${problem.path}-${problem.message}`}>{problem.message}</li>
              ))}
            </ul>
          </div>
        ) : outcome ? (
          <div className="alert alert-success" role="status">
            {t("cases.form.recorded")}
          </div>
        ) : null}
      </div>
      {failure !== null && (isApiError(failure) || failure instanceof Error) && (
        <ErrorAlert error={failure} />
      )}
      <div className="row">
        <div className="col-12 col-md-6 col-lg-4">
          <TextField
            id={`${prefix}-occurredOn`}
            type="date"
            label={t("cases.form.occurredOn")}
            required
            error={errors.occurredOn?.message}
            {...form.register("occurredOn")}
          />
        </div>
        {part.fields.map((field) => (
          <div className="col-12 col-md-6 col-lg-4" key={field.name}>
            {field.kind === "select" ? (
              <SelectField
                id={`${prefix}-${field.name}`}
                label={t(`cases.fields.${field.name}`)}
                required={field.required}
                placeholder={
                  field.name === "episode" && episodes.length === 0 ? t("cases.form.noEpisode") : "—"
                }
                options={optionsOf(field.name, field.list)}
                error={errors[field.name]?.message}
                {...form.register(field.name)}
              />
            ) : (
              <TextField
                id={`${prefix}-${field.name}`}
                type={field.kind === "number" ? "number" : "text"}
                inputMode={field.kind === "number" ? "numeric" : undefined}
                min={field.kind === "number" ? 0 : undefined}
                max={field.kind === "number" ? 7 : undefined}
                label={t(`cases.fields.${field.name}`)}
                required={field.required}
                error={errors[field.name]?.message}
                {...form.register(field.name)}
              />
            )}
          </div>
        ))}
      </div>
      <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
        {t("cases.form.submit")}
      </button>
    </form>
  );
}
