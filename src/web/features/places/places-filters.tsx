import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { todayInRome } from "../../../domain/time/calendar.ts";
import { SelectField, TextField } from "../../components/form-fields.tsx";
import { optionsOf } from "../reference/code-labels.ts";
import { useZones } from "../reference/reference-api.ts";

export type PlacesFilterValues = { date: string; zone: string; nationalType: string };

/** The day, the zone and the national type of the places shown. */
export function PlacesFilters({
  values,
  onApply,
}: {
  values: PlacesFilterValues;
  onApply: (values: PlacesFilterValues) => void;
}) {
  const { t } = useTranslation();
  const zones = useZones();
  const [draft, setDraft] = useState(values);
  useEffect(() => setDraft(values), [values]);
  const set = (key: keyof PlacesFilterValues, value: string) =>
    setDraft((current) => ({ ...current, [key]: value }));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft);
  };
  return (
    <form onSubmit={onSubmit} className="filters mb-4" aria-labelledby="places-filters-heading">
      <h2 id="places-filters-heading" className="h5 mb-4">
        {t("stays.places.filters")}
      </h2>
      <div className="row g-3">
        <div className="col-12 col-md-4">
          <TextField
            id="places-date"
            type="date"
            label={t("stays.places.date")}
            max={todayInRome()}
            required
            value={draft.date}
            onChange={(event) => set("date", event.target.value)}
          />
        </div>
        <div className="col-12 col-md-4">
          <SelectField
            id="places-zone"
            label={t("stays.places.zone")}
            placeholder={t("common.any")}
            options={(zones.data ?? []).map((zone) => ({ value: zone.code, label: zone.name }))}
            value={draft.zone}
            onChange={(event) => set("zone", event.target.value)}
          />
        </div>
        <div className="col-12 col-md-4">
          <SelectField
            id="places-national-type"
            label={t("stays.places.nationalType")}
            placeholder={t("common.any")}
            options={optionsOf("nationalType")}
            value={draft.nationalType}
            onChange={(event) => set("nationalType", event.target.value)}
          />
        </div>
      </div>
      <button type="submit" className="btn btn-primary">
        {t("stays.places.apply")}
      </button>
    </form>
  );
}
