import { type FormEvent, type ReactNode, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { TextAreaField } from "../../components/form-fields.tsx";

export const minimumReasonLength = 3;

/**
 * A required reason (at least three characters, as the server asks), confirmed or cancelled. The
 * text area takes the focus when the form opens.
 */
export function ReasonForm({
  id,
  label,
  submitLabel,
  submitClassName,
  isPending,
  onSubmit,
  onCancel,
  children,
}: {
  id: string;
  label: string;
  submitLabel: string;
  submitClassName: string;
  isPending: boolean;
  onSubmit: (reason: string) => void;
  onCancel: () => void;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    document.getElementById(id)?.focus();
  }, [id]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim().length < minimumReasonLength) {
      setError(t("registry.duplicates.reasonRequired"));
      document.getElementById(id)?.focus();
      return;
    }
    setError(undefined);
    onSubmit(reason.trim());
  };

  return (
    <form onSubmit={submit} noValidate className="mt-4">
      {children}
      <TextAreaField
        id={id}
        label={label}
        hint={t("registry.duplicates.reasonHint")}
        rows={3}
        maxLength={1000}
        required
        value={reason}
        error={error}
        onChange={(event) => setReason(event.target.value)}
      />
      <div className="d-flex flex-wrap gap-2">
        <button type="submit" className={`btn ${submitClassName}`} disabled={isPending}>
          {submitLabel}
        </button>
        <button type="button" className="btn btn-outline-primary" onClick={onCancel}>
          {t("common.cancel")}
        </button>
      </div>
    </form>
  );
}
