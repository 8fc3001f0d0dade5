import type { UseFormReturn } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { todayInRome } from "../../../domain/time/calendar.ts";
import { CheckboxField, Fieldset, TextField } from "../../components/form-fields.tsx";
import { IdentityView } from "../registry/lookup-result.tsx";
import {
  AdmissionContentFields,
  useAdmissionContentLabels,
  type WithAdmissionContent,
} from "./admission-content-fields.tsx";
import {
  type AdmissionDraft,
  admissionDefaults,
  admissionFormSchema,
  type IdentitySource,
  identityProblems,
} from "./admission-model.ts";
import { IdentityFields } from "./identity-fields.tsx";
import { EventFormLayout, OccurredOnField, type RecordedOutcome, useEventForm } from "./use-event-form.tsx";

function useIdentityLabels(source: IdentitySource): Record<string, string> {
  const { t } = useTranslation();
  const msna = { "minor.unaccompaniedForeignMinor": t("stays.admission.msna") };
  if (source.kind === "registry") return msna;
  return {
    "minor.fiscalCode": t("registry.fields.fiscalCode"),
    "minor.familyName": t("registry.fields.familyName"),
    "minor.givenName": t("registry.fields.givenName"),
    "minor.sex": t("registry.fields.sex"),
    "minor.birthDate": t("registry.fields.birthDate"),
    "minor.birthPlace": t("registry.fields.birthPlace"),
    "minor.citizenship": t("stays.admission.citizenship"),
    ...msna,
  };
}

/**
 * Step 2 of an admission: the identity (from the registry, read-only, or entered), then the
 * admission itself. One event of the standard, validated with its schema before it is sent.
 */
export function AdmissionForm({
  structureId,
  structureCode,
  source,
  onRecorded,
}: {
  structureId: string;
  structureCode: string;
  source: IdentitySource;
  onRecorded: (recorded: RecordedOutcome) => void;
}) {
  const { t } = useTranslation();
  const labels = {
    ...useIdentityLabels(source),
    stayRef: t("stays.admission.stayRef"),
    occurredOn: t("stays.forms.admissionDate"),
    ...useAdmissionContentLabels(),
  };
  const state = useEventForm({
    schema: admissionFormSchema,
    defaultValues: admissionDefaults(structureCode, source, todayInRome()),
    labels,
    structureId,
    onRecorded,
    extraCheck: source.kind === "new" ? (values) => identityProblems(values, todayInRome()) : undefined,
  });
  const { form, field } = state;
  return (
    <EventFormLayout state={state} submitLabel={t("stays.admission.submit")}>
      <Fieldset legend={t("stays.admission.identityLegend")}>
        {source.kind === "registry" ? (
          <div id="admission-identity">
            <p>{t("stays.admission.fromRegistry", { pseudonym: source.pseudonym })}</p>
            <IdentityView identity={source.identity} />
          </div>
        ) : (
          <>
            <p>{t("stays.admission.newIdentity")}</p>
            <IdentityFields form={form as UseFormReturn<AdmissionDraft, unknown, unknown>} field={field} />
          </>
        )}
        <CheckboxField
          {...field("minor.unaccompaniedForeignMinor")}
          className="mt-3"
          {...form.register("minor.unaccompaniedForeignMinor")}
        />
      </Fieldset>
      <Fieldset legend={t("stays.admission.stayLegend")}>
        <div className="row">
          <div className="col-12 col-lg-6">
            <TextField
              {...field("stayRef")}
              hint={t("stays.admission.stayRefHint")}
              autoComplete="off"
              maxLength={64}
              required
              {...form.register("stayRef")}
            />
          </div>
          <div className="col-12 col-lg-6">
            <OccurredOnField state={state} />
          </div>
        </div>
        <AdmissionContentFields
          form={form as unknown as UseFormReturn<WithAdmissionContent, unknown, unknown>}
          field={field}
        />
      </Fieldset>
    </EventFormLayout>
  );
}
