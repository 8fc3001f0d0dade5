import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { todayInRome } from "../../../domain/time/calendar.ts";
import { type Option, SelectField, TextField } from "../../components/form-fields.tsx";
import { useZones } from "../reference/reference-api.ts";

export type DashboardFilterValues = { date: string; year: string; zone: string; province: string };

/** The day of the stock, the year of admissions and discharges, and the territory. */
export function DashboardFilters({
  values,
  provinces,
  onApply,
}: {
  values: DashboardFilterValues;
  provinces: Option[];
  onApply: (values: DashboardFilterValues) => void;
}) {
  const { t } = useTranslation();
  const zones = useZones();
  const [draft, setDraft] = useState(values);
  useEffect(() => setDraft(values), [values]);
  const set = (key: keyof DashboardFilterValues, value: string) =>
    setDraft((current) => ({ ...current, [key]: value }));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft);
  };
  const today = todayInRome();
  return (
    <form onSubmit={onSubmit} className="filters mb-5" aria-labelledby="dashboard-filters-heading">
      <h2 id="dashboard-filters-heading" className="h5 mb-4">
        {t("reports.dashboard.filters")}
      </h2>
      <div className="row g-3">
        <div className="col-12 col-md-6 col-lg-3">
          <TextField
            id="dashboard-date"
            type="date"
            label={t("reports.dashboard.date")}
            max={today}
            required
            value={draft.date}
            onChange={(event) => set("date", event.target.value)}
          />
        </div>
        <div className="col-12 col-md-6 col-lg-3">
          <TextField
            id="dashboard-year"
            type="number"
            inputMode="numeric"
            label={t("reports.dashboard.year")}
            min={2000}
            max={Number(today.slice(0, 4))}
            required
            value={draft.year}
            onChange={(event) => set("year", event.target.value)}
          />
        </div>
        <div className="col-12 col-md-6 col-lg-3">
          <SelectField
            id="dashboard-zone"
            label={t("reports.dashboard.zone")}
            placeholder={t("common.any")}
            options={(zones.data ?? []).map((zone) => ({ value: zone.code, label: zone.name }))}
            value={draft.zone}
            onChange={(event) => set("zone", event.target.value)}
          />
        </div>
        <div className="col-12 col-md-6 col-lg-3">
          <SelectField
            id="dashboard-province"
            label={t("reports.dashboard.province")}
            placeholder={t("common.any")}
            options={provinces}
            value={draft.province}
            onChange={(event) => set("province", event.target.value)}
          />
        </div>
      </div>
      <button type="submit" className="btn btn-primary">
        {t("reports.dashboard.apply")}
      </button>
    </form>
  );
}
