import { Controller, type UseFormReturn } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { sexes } from "../../../domain/code-lists/interchange-codes.ts";
import { countries, italyIstatCode, statelessIstatCode } from "../../../domain/territory/countries.ts";
import { type Option, RadioGroupField, SelectField, TextField } from "../../components/form-fields.tsx";
import { ComuneField } from "../structures/comune-field.tsx";
import type { FieldProps } from "./admission-content-fields.tsx";
import type { AdmissionDraft } from "./admission-model.ts";

/** States by name, Italy first. */
function countryOptions(): Option[] {
  const sorted = [...countries].sort((first, second) => first.name.localeCompare(second.name, "it"));
  const italy = sorted.filter((country) => country.istatCode === italyIstatCode);
  return [...italy, ...sorted.filter((country) => country.istatCode !== italyIstatCode)].map((country) => ({
    value: country.istatCode,
    label: country.name,
  }));
}

/** The identity of a child the registry does not know yet. */
export function IdentityFields({
  form,
  field,
}: {
  form: UseFormReturn<AdmissionDraft, unknown, unknown>;
  field: (path: string) => FieldProps;
}) {
  const { t } = useTranslation();
  const placeholder = t("stays.forms.selectPlaceholder");
  const birthPlaceKind = form.watch("birthPlaceKind");
  const states = countryOptions();
  const citizenships = [...states, { value: statelessIstatCode, label: t("registry.values.stateless") }];
  return (
    <>
      <div className="row">
        <div className="col-12 col-lg-6">
          <TextField
            {...field("minor.fiscalCode")}
            hint={t("stays.admission.fiscalCodeHint")}
            autoComplete="off"
            spellCheck={false}
            autoCapitalize="characters"
            maxLength={32}
            {...form.register("minor.fiscalCode")}
          />
        </div>
      </div>
      <div className="row">
        <div className="col-12 col-lg-6">
          <TextField
            {...field("minor.familyName")}
            autoComplete="off"
            {...form.register("minor.familyName")}
          />
        </div>
        <div className="col-12 col-lg-6">
          <TextField {...field("minor.givenName")} autoComplete="off" {...form.register("minor.givenName")} />
        </div>
        <div className="col-12 col-lg-6">
          <SelectField
            {...field("minor.sex")}
            options={sexes.map((entry) => ({ value: entry.code, label: entry.label }))}
            placeholder={placeholder}
            {...form.register("minor.sex")}
          />
        </div>
        <div className="col-12 col-lg-6">
          <TextField
            {...field("minor.birthDate")}
            type="date"
            autoComplete="off"
            {...form.register("minor.birthDate")}
          />
        </div>
      </div>
      <RadioGroupField
        id="field-birthPlaceKind"
        legend={t("stays.admission.birthPlaceLegend")}
        options={[
          { value: "comune", label: t("stays.admission.bornInItaly") },
          { value: "country", label: t("stays.admission.bornAbroad") },
        ]}
        inline
        input={form.register("birthPlaceKind")}
      />
      <div className="row">
        <div className="col-12 col-lg-6">
          {birthPlaceKind === "comune" ? (
            <Controller
              control={form.control}
              name="minor.birthPlace.comune"
              render={({ field: control }) => (
                <ComuneField
                  {...field("minor.birthPlace")}
                  label={t("stays.admission.birthComune")}
                  value={control.value ?? ""}
                  onChange={control.onChange}
                  onBlur={control.onBlur}
                  inputRef={control.ref}
                  nationwide
                />
              )}
            />
          ) : (
            <SelectField
              {...field("minor.birthPlace")}
              label={t("stays.admission.birthCountry")}
              options={states.filter((state) => state.value !== italyIstatCode)}
              placeholder={placeholder}
              {...form.register("minor.birthPlace.country")}
            />
          )}
        </div>
        <div className="col-12 col-lg-6">
          <SelectField
            {...field("minor.citizenship")}
            options={citizenships}
            placeholder={placeholder}
            {...form.register("minor.citizenship")}
          />
        </div>
      </div>
    </>
  );
}
