import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import {
  type BreakGlassRequest,
  breakGlassRequestSchema,
} from "../../../domain/access/break-glass.schema.ts";
import { isApiError } from "../../api/client.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { TextAreaField, TextField } from "../../components/form-fields.tsx";
import { formatInstant } from "../structures/structure-history.tsx";
import { useOpenBreakGlass } from "./break-glass-api.ts";

/** The request: a pseudonym and a reason the auditor can judge, validated by the API's own schema. */
export function BreakGlassForm({ onOpened }: { onOpened: (pseudonym: string) => void }) {
  const { t } = useTranslation();
  const open = useOpenBreakGlass();
  const form = useForm<BreakGlassRequest>({
    resolver: zodResolver(breakGlassRequestSchema),
    defaultValues: { pseudonym: "", reason: "" },
  });
  const { errors } = form.formState;

  const submit = form.handleSubmit((values) =>
    open.mutate(
      { pseudonym: values.pseudonym.trim().toUpperCase(), reason: values.reason.trim() },
      {
        onSuccess: (access) => {
          form.reset({ pseudonym: "", reason: "" });
          onOpened(access.pseudonym);
        },
        onError: (error) => {
          if (!isApiError(error)) return;
          for (const problem of error.problems) {
            const field = problem.path.split("/").at(-1);
            if (field === "pseudonym" || field === "reason")
              form.setError(field, { message: problem.message });
          }
        },
      },
    ),
  );

  return (
    <form onSubmit={submit} noValidate aria-labelledby="break-glass-form-heading">
      <h2 id="break-glass-form-heading" className="h4 mb-4">
        {t("breakGlass.formHeading")}
      </h2>
      <div aria-live="polite">
        {open.data && (
          <div className="alert alert-warning" role="status">
            {t("breakGlass.opened", { until: formatInstant(open.data.expiresAt) })}
          </div>
        )}
      </div>
      {open.error && !isApiError(open.error) && <ErrorAlert error={open.error} />}
      {open.error && isApiError(open.error) && open.error.problems.length === 0 && (
        <ErrorAlert error={open.error} />
      )}
      <div className="row">
        <div className="col-12 col-md-6">
          <TextField
            id="break-glass-pseudonym"
            label={t("breakGlass.pseudonym")}
            hint={t("breakGlass.pseudonymHint")}
            autoComplete="off"
            spellCheck={false}
            required
            error={errors.pseudonym ? t("breakGlass.pseudonymInvalid") : undefined}
            {...form.register("pseudonym", { setValueAs: (value: string) => value.trim().toUpperCase() })}
          />
        </div>
      </div>
      <TextAreaField
        id="break-glass-reason"
        label={t("breakGlass.reason")}
        hint={t("breakGlass.reasonHint")}
        rows={4}
        maxLength={2000}
        required
        error={errors.reason ? t("breakGlass.reasonTooShort") : undefined}
        {...form.register("reason")}
      />
      <button type="submit" className="btn btn-danger" disabled={open.isPending}>
        {t("breakGlass.submit")}
      </button>
    </form>
  );
}
