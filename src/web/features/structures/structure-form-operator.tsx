import { Controller } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { Fieldset, SelectField, TextField } from "../../components/form-fields.tsx";
import { optionsOf } from "../reference/code-labels.ts";
import { ComuneField } from "./comune-field.tsx";
import { type StructureForm, useFieldProps } from "./structure-form-model.ts";

export function OperatorSection({ form }: { form: StructureForm }) {
  const { t } = useTranslation();
  const field = useFieldProps(form);
  return (
    <Fieldset legend={t("structures.form.sections.operator")}>
      <TextField
        {...field("operator.name")}
        {...form.register("operator.name")}
        autoComplete="organization"
      />
      <div className="row">
        <div className="col-12 col-lg-6">
          <TextField
            {...field("operator.fiscalCode")}
            {...form.register("operator.fiscalCode")}
            autoComplete="off"
            spellCheck={false}
          />
        </div>
        <div className="col-12 col-lg-6">
          <SelectField
            {...field("operator.legalNature")}
            placeholder={t("structures.form.selectPlaceholder")}
            options={optionsOf("legalNature")}
            {...form.register("operator.legalNature")}
          />
        </div>
      </div>
    </Fieldset>
  );
}

export function AddressSection({ form }: { form: StructureForm }) {
  const { t } = useTranslation();
  const field = useFieldProps(form);
  return (
    <Fieldset legend={t("structures.form.sections.address")}>
      <TextField
        {...field("address.street")}
        {...form.register("address.street")}
        autoComplete="street-address"
      />
      <Controller
        control={form.control}
        name="address.comune"
        render={({ field: control }) => (
          <ComuneField
            {...field("address.comune")}
            value={control.value ?? ""}
            onChange={control.onChange}
            onBlur={control.onBlur}
            inputRef={control.ref}
          />
        )}
      />
    </Fieldset>
  );
}
