import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { TextField } from "../../components/form-fields.tsx";

/** "Com'era il giorno": shows the record as it was valid on a chosen day. */
export function OnDateForm({ value, onChange }: { value: string; onChange: (date: string) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    onChange(draft);
  };
  return (
    <form className="d-flex flex-wrap align-items-end gap-3 mb-4 on-date-form" onSubmit={onSubmit}>
      <TextField
        id="detail-on-date"
        type="date"
        className="mb-0"
        label={t("structures.detail.onDate")}
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
      />
      <button type="submit" className="btn btn-outline-primary btn-sm">
        {t("structures.detail.showOnDate")}
      </button>
      {value && (
        <button type="button" className="btn btn-link btn-sm" onClick={() => onChange("")}>
          {t("structures.detail.showCurrent")}
        </button>
      )}
    </form>
  );
}
