import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { auditActions } from "../../../domain/access/audit-codes.ts";
import { SelectField, TextField } from "../../components/form-fields.tsx";
import { it } from "../../i18n/it.ts";

export type AuditFilterValues = {
  from: string;
  to: string;
  action: string;
  username: string;
  outcome: string;
};

export const emptyAuditFilter: AuditFilterValues = {
  from: "",
  to: "",
  action: "",
  username: "",
  outcome: "",
};

const outcomeCodes = Object.keys(it.audit.outcomes) as (keyof typeof it.audit.outcomes)[];

export function AuditFilters({
  values,
  onApply,
}: {
  values: AuditFilterValues;
  onApply: (values: AuditFilterValues) => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(values);
  useEffect(() => setDraft(values), [values]);
  const set = (key: keyof AuditFilterValues, value: string) =>
    setDraft((current) => ({ ...current, [key]: value }));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft);
  };
  return (
    <form onSubmit={onSubmit} className="mb-4" aria-labelledby="audit-filters-heading">
      <h2 id="audit-filters-heading" className="h5 mb-4">
        {t("audit.filters.legend")}
      </h2>
      <div className="row g-3">
        <div className="col-12 col-md-6 col-lg-3">
          <TextField
            id="audit-from"
            type="date"
            label={t("audit.filters.from")}
            value={draft.from}
            onChange={(event) => set("from", event.target.value)}
          />
        </div>
        <div className="col-12 col-md-6 col-lg-3">
          <TextField
            id="audit-to"
            type="date"
            label={t("audit.filters.to")}
            value={draft.to}
            onChange={(event) => set("to", event.target.value)}
          />
        </div>
        <div className="col-12 col-md-6 col-lg-3">
          <TextField
            id="audit-username"
            label={t("audit.filters.username")}
            value={draft.username}
            autoComplete="off"
            onChange={(event) => set("username", event.target.value)}
          />
        </div>
        <div className="col-12 col-md-6 col-lg-3">
          <SelectField
            id="audit-outcome"
            label={t("audit.filters.outcome")}
            placeholder={t("common.any")}
            options={outcomeCodes.map((code) => ({ value: code, label: t(`audit.outcomes.${code}`) }))}
            value={draft.outcome}
            onChange={(event) => set("outcome", event.target.value)}
          />
        </div>
        <div className="col-12 col-lg-6">
          <SelectField
            id="audit-action"
            label={t("audit.filters.action")}
            placeholder={t("common.any")}
            options={auditActions.map((entry) => ({ value: entry.code, label: entry.label }))}
            value={draft.action}
            onChange={(event) => set("action", event.target.value)}
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
            setDraft(emptyAuditFilter);
            onApply(emptyAuditFilter);
          }}
        >
          {t("common.reset")}
        </button>
      </div>
    </form>
  );
}
