import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { CheckboxField, SelectField, TextField } from "../../components/form-fields.tsx";
import { type GuestFilter, isFiltering, noGuestFilter, type Presence } from "./guest-filter.ts";

/**
 * Search and filters over the guests already on the page: applied as one types, in the browser,
 * so that nothing typed (a name) ever reaches a URL or the server.
 */
export function GuestFilters({
  filter,
  onChange,
  withNames,
}: {
  filter: GuestFilter;
  onChange: (filter: GuestFilter) => void;
  /** Whether the list shows first names: the search offers them only then. */
  withNames: boolean;
}) {
  const { t } = useTranslation();
  const presences: { value: Presence; label: string }[] = [
    { value: "all", label: t("stays.guests.filters.presenceAll") },
    { value: "present", label: t("stays.guests.filters.presencePresent") },
    { value: "absent", label: t("stays.guests.filters.presenceAbsent") },
  ];
  return (
    <search aria-label={t("stays.guests.filters.label")}>
      <form
        className="row g-4 align-items-end guest-filters"
        onSubmit={(event: FormEvent) => event.preventDefault()}
      >
        <div className="col-12 col-md-5">
          <TextField
            id="guests-search"
            type="search"
            className="mb-0"
            autoComplete="off"
            label={withNames ? t("stays.guests.filters.text") : t("stays.guests.filters.textWithoutNames")}
            value={filter.text}
            onChange={(event) => onChange({ ...filter, text: event.target.value })}
          />
        </div>
        <div className="col-12 col-md-3">
          <SelectField
            id="guests-presence"
            className="mb-0"
            label={t("stays.guests.filters.presence")}
            options={presences}
            value={filter.presence}
            onChange={(event) => onChange({ ...filter, presence: event.target.value as Presence })}
          />
        </div>
        <div className="col-12 col-md-4">
          <CheckboxField
            id="guests-flagged"
            label={t("stays.guests.filters.flaggedOnly")}
            hint={t("stays.guests.filters.flaggedHint")}
            checked={filter.flaggedOnly}
            onChange={(event) => onChange({ ...filter, flaggedOnly: event.target.checked })}
          />
        </div>
        {isFiltering(filter) && (
          <div className="col-12">
            <button
              type="button"
              className="btn btn-link btn-sm px-0"
              onClick={() => onChange(noGuestFilter)}
            >
              {t("stays.guests.filters.clear")}
            </button>
          </div>
        )}
      </form>
    </search>
  );
}
