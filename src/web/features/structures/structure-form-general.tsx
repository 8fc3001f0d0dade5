import { useTranslation } from "react-i18next";
import { istatFunctionsFor } from "../../../domain/code-lists/structure-codes.ts";
import { Fieldset, SelectField, TextField } from "../../components/form-fields.tsx";
import { codeLabel, optionsOf } from "../reference/code-labels.ts";
import { useRegionalStructureTypes } from "../reference/reference-api.ts";
import {
  type StructureForm,
  type StructureFormInput,
  type StructureFormMode,
  useFieldProps,
} from "./structure-form-model.ts";

export function GeneralSection({ form, mode }: { form: StructureForm; mode: StructureFormMode }) {
  const { t } = useTranslation();
  const field = useFieldProps(form);
  const types = useRegionalStructureTypes();
  const nationalType = form.watch("nationalType");
  const character = form.watch("istatCharacter");
  const status = form.watch("status");
  // The select is controlled: after a reload its options (the Region's types) arrive after the
  // record, and an uncontrolled select would keep the placeholder it showed while they loaded.
  const regionalType = form.watch("regionalType") ?? "";
  const functionOptions = optionsOf("istatFunction").filter(
    (option) => !character || istatFunctionsFor(character).some((code) => code === option.value),
  );
  const statusOptions = optionsOf("structureStatus").filter(
    (option) => option.value !== "pending-approval" || status === "pending-approval",
  );
  const placeholder = t("structures.form.selectPlaceholder");
  const nationalTypeField = field("nationalType");

  return (
    <Fieldset legend={t("structures.form.sections.general")}>
      <TextField {...field("name")} {...form.register("name")} autoComplete="off" />
      <div className="row">
        <div className="col-12 col-lg-6">
          <SelectField
            {...field("regionalType")}
            placeholder={placeholder}
            options={(types.data ?? []).map((type) => ({ value: type.code, label: type.label }))}
            {...form.register("regionalType", {
              onChange: (event: { target: { value: string } }) => {
                const chosen = types.data?.find((type) => type.code === event.target.value);
                form.setValue(
                  "nationalType",
                  (chosen?.nationalType ?? "") as StructureFormInput["nationalType"],
                  {
                    shouldValidate: form.formState.isSubmitted,
                  },
                );
              },
            })}
            value={regionalType}
          />
        </div>
        <div className="col-12 col-lg-6">
          <TextField
            {...nationalTypeField}
            readOnly
            value={nationalType ? codeLabel("nationalType", nationalType) : ""}
            hint={t("structures.form.nationalTypeAuto")}
          />
        </div>
      </div>
      <div className="row">
        <div className="col-12 col-lg-6">
          <SelectField
            {...field("istatCharacter")}
            placeholder={placeholder}
            options={optionsOf("istatCharacter")}
            {...form.register("istatCharacter")}
          />
        </div>
        <div className="col-12 col-lg-6">
          <SelectField
            {...field("istatFunction")}
            placeholder={placeholder}
            options={functionOptions}
            {...form.register("istatFunction")}
          />
        </div>
      </div>
      <div className="row">
        {mode === "edit" && (
          <div className="col-12 col-lg-6">
            <SelectField {...field("status")} options={statusOptions} {...form.register("status")} />
          </div>
        )}
        <div className="col-12 col-lg-6">
          <TextField {...field("validFrom")} type="date" {...form.register("validFrom")} />
        </div>
      </div>
    </Fieldset>
  );
}
