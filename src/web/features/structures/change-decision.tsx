import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { TextAreaField } from "../../components/form-fields.tsx";
import { type StructureChange, useDecideChange } from "./structure-api.ts";

export type Decision = { change: StructureChange; decision: "approve" | "return"; code: string | null };

/** Approve, or return with a reason (required, asked for inline). */
export function ChangeDecision({
  change,
  onDecided,
}: {
  change: StructureChange;
  onDecided: (decision: Decision) => void;
}) {
  const { t } = useTranslation();
  const decide = useDecideChange();
  const [isReturning, setReturning] = useState(false);
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState<string | undefined>();
  const reasonId = `reason-${useId().replaceAll(":", "")}`;

  const approve = () =>
    decide.mutate(
      { changeId: change.id, decision: "approve" },
      { onSuccess: (result) => onDecided({ change, decision: "approve", code: result.code }) },
    );

  const submitReturn = (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) {
      setReasonError(t("approvals.reasonRequired"));
      document.getElementById(reasonId)?.focus();
      return;
    }
    setReasonError(undefined);
    decide.mutate(
      { changeId: change.id, decision: "return", reason: reason.trim() },
      { onSuccess: (result) => onDecided({ change, decision: "return", code: result.code }) },
    );
  };

  return (
    <div className="mt-3">
      {decide.error && <ErrorAlert error={decide.error} />}
      {!isReturning ? (
        <div className="d-flex flex-wrap gap-2">
          <button type="button" className="btn btn-success" onClick={approve} disabled={decide.isPending}>
            {t("approvals.approve")}
          </button>
          <button
            type="button"
            className="btn btn-outline-danger"
            onClick={() => setReturning(true)}
            disabled={decide.isPending}
          >
            {t("approvals.return")}
          </button>
        </div>
      ) : (
        <form onSubmit={submitReturn} noValidate className="mt-4">
          <TextAreaField
            id={reasonId}
            label={t("approvals.reason")}
            rows={3}
            value={reason}
            required
            error={reasonError}
            onChange={(event) => setReason(event.target.value)}
          />
          <div className="d-flex flex-wrap gap-2">
            <button type="submit" className="btn btn-danger" disabled={decide.isPending}>
              {t("approvals.confirmReturn")}
            </button>
            <button type="button" className="btn btn-outline-primary" onClick={() => setReturning(false)}>
              {t("common.cancel")}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
