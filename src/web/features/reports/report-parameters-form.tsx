import type { TFunction } from "i18next";
import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ReportId } from "../../../domain/reports/report.ts";
import { reportParameterNames } from "../../../domain/reports/report-parameters.ts";
import { todayInRome } from "../../../domain/time/calendar.ts";
import { CheckboxField, SelectField, TextField } from "../../components/form-fields.tsx";
import { useZones } from "../reference/reference-api.ts";
import { useStructureChoices } from "../stays/stays-api.ts";
import { recentSemesters, semesterOf, yearBefore } from "./report-periods.ts";
import type { CatalogueEntry, ReportQuery } from "./reports-api.ts";
import { instantOfRomeWallClock, romeWallClockOf } from "./rome-instant.ts";

type ParameterName = "date" | "year" | "from" | "to" | "structure" | "semester" | "zone" | "province";
const knownParameters = new Set<string>([
  "date",
  "year",
  "from",
  "to",
  "structure",
  "semester",
  "zone",
  "province",
]);

export type ParameterValues = Record<string, string>;

/** A parameter's Italian label: the interface's own for the known ones, else the catalogue's. */
export function parameterLabel(t: TFunction, parameter: { name: string; label: string }): string {
  return knownParameters.has(parameter.name)
    ? t(`reports.parameters.${parameter.name as ParameterName}`)
    : parameter.label;
}

/** Values that make a report computable at once: today, this year, the last twelve months. */
export function defaultParameters(id: ReportId, today = todayInRome()): ParameterValues {
  const values: ParameterValues = {};
  for (const name of reportParameterNames[id]) {
    if (name === "date") values.date = today;
    if (name === "year") values.year = String(Number(today.slice(0, 4)) - (today.slice(5) < "03-01" ? 1 : 0));
    if (name === "from") values.from = id === "trend" ? yearBefore(today).slice(0, 7) : yearBefore(today);
    if (name === "to") values.to = id === "trend" ? today.slice(0, 7) : today;
    if (name === "semester") values.semester = semesterOf(today);
  }
  return values;
}

/**
 * The request a form describes: only filled values; the instant of knowledge, typed as Rome's
 * wall clock whatever the browser's time zone, as a UTC instant (RFC 3339). A value that is no
 * date and time goes as typed, for the server to refuse it naming the field.
 */
export function queryOf(values: ParameterValues): ReportQuery {
  const { asOf, publication, ...rest } = values;
  const query: ReportQuery = Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== ""));
  if (asOf) query.asOf = instantOfRomeWallClock(asOf) ?? asOf;
  if (publication === "true") query.publication = true;
  return query;
}

/** What is wrong with the typed instant of knowledge (Rome's wall clock), as a text key. */
function asOfProblem(asOf: string | undefined) {
  if (!asOf) return undefined;
  const instant = instantOfRomeWallClock(asOf);
  if (instant === null) return "reports.catalogue.asOfInvalid" as const;
  if (new Date(instant).getTime() > Date.now()) return "reports.catalogue.asOfFuture" as const;
  return undefined;
}

/** The parameters of one report of the catalogue, with the optional territory and instant. */
export function ReportParametersForm({
  report,
  title,
  parameters,
  values,
  canChoosePublication,
  onApply,
}: {
  report: ReportId;
  title: string;
  parameters: CatalogueEntry["parameters"];
  values: ParameterValues;
  canChoosePublication: boolean;
  onApply: (values: ParameterValues) => void;
}) {
  const { t } = useTranslation();
  const zones = useZones();
  const required = new Set(
    parameters.filter((parameter) => parameter.required).map((parameter) => parameter.name),
  );
  const structures = useStructureChoices();
  const [draft, setDraft] = useState(values);
  const [asOfError, setAsOfError] = useState<string | undefined>();
  useEffect(() => setDraft(values), [values]);
  const set = (name: string, value: string) => setDraft((current) => ({ ...current, [name]: value }));
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const error = asOfProblem(draft.asOf);
    setAsOfError(error ? t(error) : undefined);
    if (error) {
      document.getElementById("parameter-asOf")?.focus();
      return;
    }
    // The form checks itself (noValidate, for the instant's Italian message above): any other
    // missing or out-of-range parameter is shown by the browser on its field and nothing is sent.
    const others = [...event.currentTarget.elements].filter(
      (element): element is HTMLInputElement =>
        element instanceof HTMLInputElement && element.id !== "parameter-asOf",
    );
    const invalid = others.find((element) => !element.checkValidity());
    if (invalid) {
      invalid.reportValidity();
      return;
    }
    onApply(draft);
  };
  const today = todayInRome();
  const isAggregate = report !== "procura-list";
  const field = (name: string, serverLabel: string) => {
    const id = `parameter-${name}`;
    const label = parameterLabel(t, { name, label: serverLabel });
    const common = { id, label, value: draft[name] ?? "", required: required.has(name) };
    if (name === "date")
      return <TextField {...common} type="date" max={today} onChange={(e) => set(name, e.target.value)} />;
    if (name === "year")
      return (
        <TextField
          {...common}
          type="number"
          inputMode="numeric"
          min={2000}
          max={Number(today.slice(0, 4))}
          onChange={(e) => set(name, e.target.value)}
        />
      );
    if (name === "from" || name === "to")
      return (
        <TextField
          {...common}
          type={report === "trend" ? "month" : "date"}
          max={report === "trend" ? today.slice(0, 7) : today}
          onChange={(e) => set(name, e.target.value)}
        />
      );
    if (name === "structure")
      return (
        <SelectField
          {...common}
          placeholder={required.has("structure") ? "" : t("common.any")}
          options={(structures.data ?? []).map((choice) => ({
            value: choice.code,
            label: `${choice.name} (${choice.code})`,
          }))}
          onChange={(e) => set(name, e.target.value)}
        />
      );
    if (name === "semester")
      return (
        <SelectField
          {...common}
          options={recentSemesters(today).map((semester) => ({
            value: semester.value,
            label: t(semester.half === 1 ? "reports.semester.first" : "reports.semester.second", {
              year: semester.year,
            }),
          }))}
          onChange={(e) => set(name, e.target.value)}
        />
      );
    if (name === "zone")
      return (
        <SelectField
          {...common}
          placeholder={t("common.any")}
          options={(zones.data ?? []).map((zone) => ({ value: zone.code, label: zone.name }))}
          onChange={(e) => set(name, e.target.value)}
        />
      );
    if (name === "province")
      return (
        <TextField
          {...common}
          maxLength={3}
          hint={t("reports.parameters.provinceHint")}
          onChange={(e) => set(name, e.target.value.toUpperCase())}
        />
      );
    return <TextField {...common} onChange={(e) => set(name, e.target.value)} />;
  };
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="mb-4"
      aria-labelledby="report-parameters-heading"
      id="report-parameters"
    >
      <h2 id="report-parameters-heading" className="h4 mb-4">
        {t("reports.catalogue.parameters", { title })}
      </h2>
      <div className="row g-3">
        {parameters.map((parameter) => (
          <div className="col-12 col-md-6 col-lg-4" key={parameter.name}>
            {field(parameter.name, parameter.label)}
          </div>
        ))}
        {isAggregate && (
          <div className="col-12 col-md-6 col-lg-4">
            <TextField
              id="parameter-asOf"
              type="datetime-local"
              label={t("reports.catalogue.asOf")}
              hint={t("reports.catalogue.asOfHint")}
              error={asOfError}
              max={romeWallClockOf(new Date())}
              value={draft.asOf ?? ""}
              onChange={(e) => set("asOf", e.target.value)}
            />
          </div>
        )}
      </div>
      {isAggregate && canChoosePublication && (
        <CheckboxField
          id="parameter-publication"
          className="mb-4"
          label={t("reports.catalogue.publication")}
          checked={draft.publication === "true"}
          onChange={(e) => set("publication", e.target.checked ? "true" : "")}
        />
      )}
      <button type="submit" className="btn btn-primary">
        {t("reports.catalogue.show")}
      </button>
    </form>
  );
}
