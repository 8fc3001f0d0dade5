import { useTranslation } from "react-i18next";
import { useFieldLabels } from "./field-labels.ts";

export type EditOutcomeState =
  | { kind: "registered" }
  | { kind: "edited"; applied: string[]; pending: string[] };

export function isEditOutcomeState(value: unknown): value is EditOutcomeState {
  return Boolean(value && typeof value === "object" && "kind" in value);
}

/** What an edit did: fields applied at once, fields waiting for the Region. */
export function EditOutcomeAlert({ outcome }: { outcome: EditOutcomeState }) {
  const { t } = useTranslation();
  const { listOf } = useFieldLabels();
  if (outcome.kind === "registered") {
    return (
      <div className="alert alert-success" role="status" id="edit-outcome">
        {t("structures.form.registered")}
      </div>
    );
  }
  const nothing = outcome.applied.length === 0 && outcome.pending.length === 0;
  return (
    <div
      className={`alert ${outcome.pending.length > 0 ? "alert-info" : "alert-success"}`}
      role="status"
      id="edit-outcome"
    >
      <p className="fw-semibold mb-1">{t("structures.form.editOutcomeTitle")}</p>
      {nothing && <p className="mb-0">{t("structures.form.editNothing")}</p>}
      {outcome.applied.length > 0 && (
        <p className="mb-0">{t("structures.form.editApplied", { fields: listOf(outcome.applied) })}</p>
      )}
      {outcome.pending.length > 0 && (
        <p className="mb-0">{t("structures.form.editPending", { fields: listOf(outcome.pending) })}</p>
      )}
    </div>
  );
}
