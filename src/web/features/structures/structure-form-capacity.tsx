import { useTranslation } from "react-i18next";
import { CheckboxField, Fieldset, SelectField, TextField } from "../../components/form-fields.tsx";
import { optionsOf } from "../reference/code-labels.ts";
import { emptyToNull, type StructureForm, useFieldProps } from "./structure-form-model.ts";

export function CapacitySection({ form }: { form: StructureForm }) {
  const { t } = useTranslation();
  const field = useFieldProps(form);
  const asNumber = { valueAsNumber: true } as const;
  return (
    <Fieldset legend={t("structures.form.sections.capacity")}>
      <div className="row">
        <div className="col-12 col-md-6">
          <TextField
            {...field("authorisedPlaces")}
            type="number"
            inputMode="numeric"
            {...form.register("authorisedPlaces", asNumber)}
          />
        </div>
        <div className="col-12 col-md-6">
          <TextField
            {...field("emergencyExtraPlaces")}
            type="number"
            inputMode="numeric"
            {...form.register("emergencyExtraPlaces", asNumber)}
          />
        </div>
        <div className="col-12 col-md-4">
          <TextField
            {...field("target.minAge")}
            type="number"
            {...form.register("target.minAge", asNumber)}
          />
        </div>
        <div className="col-12 col-md-4">
          <TextField
            {...field("target.maxAge")}
            type="number"
            {...form.register("target.maxAge", asNumber)}
          />
        </div>
        <div className="col-12 col-md-4">
          <SelectField
            {...field("target.sex")}
            options={optionsOf("targetSex")}
            {...form.register("target.sex")}
          />
        </div>
      </div>
      <CheckboxField {...field("target.motherWithChild")} {...form.register("target.motherWithChild")} />
      <CheckboxField {...field("target.msna")} {...form.register("target.msna")} />
    </Fieldset>
  );
}

export function AuthorisationSection({ form }: { form: StructureForm }) {
  const { t } = useTranslation();
  const field = useFieldProps(form);
  return (
    <Fieldset legend={t("structures.form.sections.authorisation")}>
      <div className="row">
        <div className="col-12 col-lg-6">
          <SelectField
            {...field("authorisation.status")}
            options={optionsOf("authorisationStatus")}
            {...form.register("authorisation.status")}
          />
        </div>
        <div className="col-12 col-lg-6">
          <TextField {...field("authorisation.act")} {...form.register("authorisation.act")} />
        </div>
        <div className="col-12 col-lg-6">
          <TextField {...field("authorisation.date")} type="date" {...form.register("authorisation.date")} />
        </div>
        <div className="col-12 col-lg-6">
          <TextField
            {...field("authorisation.expiresOn")}
            type="date"
            hint={t("structures.form.expiresOnHint")}
            {...form.register("authorisation.expiresOn", { setValueAs: emptyToNull })}
          />
        </div>
      </div>
    </Fieldset>
  );
}
