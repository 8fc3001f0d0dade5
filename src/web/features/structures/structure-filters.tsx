import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { CheckboxField, SelectField, TextField } from "../../components/form-fields.tsx";
import { optionsOf } from "../reference/code-labels.ts";
import { useZones } from "../reference/reference-api.ts";
import { useAuthorisationWarningDays } from "../settings/settings-api.ts";

export type StructureFilterValues = {
  q: string;
  zone: string;
  nationalType: string;
  status: string;
  expiring: boolean;
  onDate: string;
};

export const emptyStructureFilter: StructureFilterValues = {
  q: "",
  zone: "",
  nationalType: "",
  status: "",
  expiring: false,
  onDate: "",
};

export function StructureFilters({
  values,
  onApply,
}: {
  values: StructureFilterValues;
  onApply: (values: StructureFilterValues) => void;
}) {
  const { t } = useTranslation();
  const zones = useZones();
  const warningDays = useAuthorisationWarningDays();
  const [draft, setDraft] = useState(values);
  useEffect(() => setDraft(values), [values]);
  const set = <K extends keyof StructureFilterValues>(key: K, value: StructureFilterValues[K]) =>
    setDraft((current) => ({ ...current, [key]: value }));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft);
  };

  return (
    <form onSubmit={onSubmit} className="filters mb-4" aria-labelledby="structure-filters-legend">
      <h2 id="structure-filters-legend" className="h5 mb-4">
        {t("structures.filters.legend")}
      </h2>
      <div className="row g-3">
        <div className="col-12 col-lg-6">
          <TextField
            id="filter-q"
            type="search"
            label={t("structures.filters.q")}
            value={draft.q}
            onChange={(event) => set("q", event.target.value)}
          />
        </div>
        <div className="col-12 col-md-6 col-lg-3">
          <SelectField
            id="filter-zone"
            label={t("structures.filters.zone")}
            placeholder={t("common.any")}
            options={(zones.data ?? []).map((zone) => ({ value: zone.code, label: zone.name }))}
            value={draft.zone}
            onChange={(event) => set("zone", event.target.value)}
          />
        </div>
        <div className="col-12 col-md-6 col-lg-3">
          <TextField
            id="filter-on-date"
            type="date"
            label={t("structures.filters.onDate")}
            value={draft.onDate}
            onChange={(event) => set("onDate", event.target.value)}
          />
        </div>
        <div className="col-12 col-md-6 col-lg-4">
          <SelectField
            id="filter-national-type"
            label={t("structures.filters.nationalType")}
            placeholder={t("common.any")}
            options={optionsOf("nationalType")}
            value={draft.nationalType}
            onChange={(event) => set("nationalType", event.target.value)}
          />
        </div>
        <div className="col-12 col-md-6 col-lg-3">
          <SelectField
            id="filter-status"
            label={t("structures.filters.status")}
            placeholder={t("common.any")}
            options={optionsOf("structureStatus")}
            value={draft.status}
            onChange={(event) => set("status", event.target.value)}
          />
        </div>
        <div className="col-12 col-lg-5 d-flex align-items-center">
          <CheckboxField
            id="filter-expiring"
            label={
              warningDays === undefined
                ? t("structures.filters.expiringSoon")
                : t("structures.filters.expiring", { days: warningDays })
            }
            checked={draft.expiring}
            onChange={(event) => set("expiring", event.target.checked)}
          />
        </div>
      </div>
      <div className="d-flex gap-2 mt-2">
        <button type="submit" className="btn btn-primary">
          {t("common.search")}
        </button>
        <button
          type="button"
          className="btn btn-outline-primary"
          onClick={() => {
            setDraft(emptyStructureFilter);
            onApply(emptyStructureFilter);
          }}
        >
          {t("common.reset")}
        </button>
      </div>
    </form>
  );
}
