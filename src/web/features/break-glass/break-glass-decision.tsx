import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import {
  type BreakGlassDecision,
  breakGlassDecisionSchema,
} from "../../../domain/access/break-glass.schema.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { TextAreaField } from "../../components/form-fields.tsx";
import { type BreakGlassReviewItem, useDecideBreakGlass } from "./break-glass-api.ts";

/** The auditor's decision on one emergency access: accept it, or question it, with a note. */
export function BreakGlassDecisionForm({ item, onDone }: { item: BreakGlassReviewItem; onDone: () => void }) {
  const { t } = useTranslation();
  const decide = useDecideBreakGlass();
  const form = useForm<BreakGlassDecision>({
    resolver: zodResolver(breakGlassDecisionSchema),
    defaultValues: { decision: "accepted", note: "" },
  });
  useEffect(() => {
    document.getElementById("break-glass-note")?.focus();
  }, []);
  const submitAs = (decision: BreakGlassDecision["decision"]) =>
    form.handleSubmit((values) =>
      decide.mutate({ id: item.id, decision, note: values.note.trim() }, { onSuccess: onDone }),
    );
  return (
    <section aria-labelledby="break-glass-decision-heading" className="card card-bg shadow-sm my-4">
      <div className="card-body">
        <h2 id="break-glass-decision-heading" className="h5">
          {item.displayName} – <code>{item.pseudonym}</code>
        </h2>
        <p className="text-wrap">{item.reason}</p>
        {decide.error && <ErrorAlert error={decide.error} />}
        <form noValidate onSubmit={(event) => event.preventDefault()}>
          <TextAreaField
            id="break-glass-note"
            label={t("breakGlass.reviews.note")}
            hint={t("breakGlass.reviews.noteHint")}
            rows={3}
            maxLength={2000}
            required
            error={form.formState.errors.note ? t("breakGlass.reviews.noteRequired") : undefined}
            {...form.register("note")}
          />
          <div className="d-flex flex-wrap gap-2">
            <button
              type="button"
              className="btn btn-primary"
              disabled={decide.isPending}
              onClick={submitAs("accepted")}
            >
              {t("breakGlass.reviews.accept")}
            </button>
            <button
              type="button"
              className="btn btn-outline-danger"
              disabled={decide.isPending}
              onClick={submitAs("questioned")}
            >
              {t("breakGlass.reviews.question")}
            </button>
            <button type="button" className="btn btn-outline-primary" onClick={onDone}>
              {t("common.cancel")}
            </button>
          </div>
        </form>
      </div>
    </section>
  );
}
