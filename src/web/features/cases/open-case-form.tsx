import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { openingContentSchema } from "../../../domain/cases/case-event.schema.ts";
import { sinbaFonteSegnalazione } from "../../../domain/code-lists/sinba-codes.ts";
import { todayInRome } from "../../../domain/time/calendar.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { SelectField, TextField } from "../../components/form-fields.tsx";
import { useOpenCase } from "./cases-api.ts";

const openingFormSchema = openingContentSchema.omit({ minorRef: true });
type OpeningForm = { firstReportOn: string; reportSource: string };

/** "Apri cartella" on the found minor: the first report, then the case page. */
export function OpenCaseForm({ pseudonym }: { pseudonym: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const open = useOpenCase();
  const form = useForm<OpeningForm>({
    resolver: zodResolver(openingFormSchema) as never,
    defaultValues: { firstReportOn: todayInRome().slice(0, 7), reportSource: "" },
  });
  const { errors } = form.formState;
  const submit = form.handleSubmit((values) => {
    const id = crypto.randomUUID();
    open.mutate(
      {
        id,
        occurredOn: todayInRome(),
        opening: {
          minorRef: pseudonym,
          firstReportOn: values.firstReportOn,
          reportSource: values.reportSource as never,
        },
      },
      { onSuccess: (result) => navigate(`/cartelle/${result.caseId ?? id}`) },
    );
  });
  return (
    <form onSubmit={submit} noValidate aria-labelledby="open-case-heading" className="mt-4">
      <h3 id="open-case-heading" className="h5">
        {t("cases.openCase.heading")}
      </h3>
      <p>{t("cases.openCase.intro")}</p>
      {open.error && <ErrorAlert error={open.error} />}
      <div className="row">
        <div className="col-12 col-md-4">
          <TextField
            id="open-case-month"
            label={t("cases.openCase.firstReportOn")}
            hint={t("cases.openCase.firstReportHint")}
            required
            error={errors.firstReportOn ? t("cases.openCase.invalidMonth") : undefined}
            {...form.register("firstReportOn")}
          />
        </div>
        <div className="col-12 col-md-8">
          <SelectField
            id="open-case-source"
            label={t("cases.openCase.reportSource")}
            required
            placeholder="—"
            options={sinbaFonteSegnalazione.map((entry) => ({
              value: entry.code,
              label: entry.label.charAt(0).toUpperCase() + entry.label.slice(1),
            }))}
            error={errors.reportSource ? t("cases.form.choose") : undefined}
            {...form.register("reportSource")}
          />
        </div>
      </div>
      <button type="submit" className="btn btn-primary" disabled={open.isPending}>
        {t("cases.openCase.submit")}
      </button>
    </form>
  );
}
