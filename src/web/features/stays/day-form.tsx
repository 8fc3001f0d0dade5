import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { todayInRome } from "../../../domain/time/calendar.ts";
import { TextField } from "../../components/form-fields.tsx";

/** The day a list refers to: another day on request, back to today with one button. */
export function DayForm({ value, onChange }: { value: string; onChange: (date: string) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const today = todayInRome();
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (draft) onChange(draft);
  };
  return (
    <form
      className="d-flex flex-wrap align-items-end gap-3 mb-4 on-date-form"
      onSubmit={onSubmit}
      aria-label={t("stays.guests.dayForm")}
    >
      <TextField
        id="guests-day"
        type="date"
        className="mb-0"
        label={t("stays.guests.day")}
        value={draft}
        max={today}
        onChange={(event) => setDraft(event.target.value)}
      />
      <button type="submit" className="btn btn-outline-primary btn-sm">
        {t("stays.guests.show")}
      </button>
      {value !== today && (
        <button type="button" className="btn btn-link btn-sm" onClick={() => onChange(today)}>
          {t("stays.guests.today")}
        </button>
      )}
    </form>
  );
}
