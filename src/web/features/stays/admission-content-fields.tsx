import { Controller, type UseFormReturn } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { CheckboxField, Fieldset, SelectField, TextField } from "../../components/form-fields.tsx";
import { ComuneField } from "../structures/comune-field.tsx";
import { stayOptions } from "./stay-codes.ts";

/** The content of an admission as the form holds it (codes still unchecked). */
export type AdmissionContentDraft = {
  kind: string;
  legalBasis: string;
  referringService: { code: string; comune: string };
  withParent: boolean;
  origin: string;
  reasons: string[];
};

export type WithAdmissionContent = { admission: AdmissionContentDraft };
export type FieldProps = { id: string; label: string; error?: string };

export const emptyAdmissionContent: AdmissionContentDraft = {
  kind: "",
  legalBasis: "",
  referringService: { code: "", comune: "" },
  withParent: false,
  origin: "",
  reasons: [],
};

/** The paths of the admission content, for the labels of a form that shows them. */
export const admissionContentPaths = [
  "admission.kind",
  "admission.legalBasis",
  "admission.origin",
  "admission.withParent",
  "admission.referringService.code",
  "admission.referringService.comune",
  "admission.reasons",
] as const;

export function useAdmissionContentLabels(): Record<(typeof admissionContentPaths)[number], string> {
  const { t } = useTranslation();
  return {
    "admission.kind": t("stays.admission.kind"),
    "admission.legalBasis": t("stays.admission.legalBasis"),
    "admission.origin": t("stays.admission.origin"),
    "admission.withParent": t("stays.admission.withParent"),
    "admission.referringService.code": t("stays.admission.serviceCode"),
    "admission.referringService.comune": t("stays.admission.serviceComune"),
    "admission.reasons": t("stays.admission.prevalentReason"),
  };
}

/**
 * SINBA reasons: the prevalent one first, then any others. The prevalent reason is a select; the
 * others are check boxes, in the order of the code list.
 */
function ReasonsField({
  field,
  value,
  onChange,
}: {
  field: FieldProps;
  value: string[];
  onChange: (reasons: string[]) => void;
}) {
  const { t } = useTranslation();
  const options = stayOptions("reason");
  const prevalent = value[0] ?? "";
  const others = value.slice(1);
  const update = (first: string, rest: string[]) => {
    const ordered = options
      .map((option) => option.value)
      .filter((code) => rest.includes(code) && code !== first);
    onChange(first ? [first, ...ordered] : ordered.length > 0 ? ["", ...ordered] : []);
  };
  return (
    <>
      <SelectField
        {...field}
        options={options}
        placeholder={t("stays.forms.selectPlaceholder")}
        required
        value={prevalent}
        onChange={(event) => update(event.target.value, others)}
      />
      <fieldset className="mb-4">
        <legend className="h6 mb-3">{t("stays.admission.otherReasons")}</legend>
        <div className="row">
          {options
            .filter((option) => option.value !== prevalent)
            .map((option) => (
              <div className="col-12 col-lg-6" key={option.value}>
                <CheckboxField
                  id={`${field.id}-other-${option.value}`}
                  label={option.label}
                  checked={others.includes(option.value)}
                  onChange={(event) =>
                    update(
                      prevalent,
                      event.target.checked
                        ? [...others, option.value]
                        : others.filter((code) => code !== option.value),
                    )
                  }
                />
              </div>
            ))}
        </div>
      </fieldset>
    </>
  );
}

/** Kind, legal basis, origin, referring service and reasons: an admission's content. */
export function AdmissionContentFields({
  form,
  field,
}: {
  form: UseFormReturn<WithAdmissionContent, unknown, unknown>;
  field: (path: string) => FieldProps;
}) {
  const { t } = useTranslation();
  const placeholder = t("stays.forms.selectPlaceholder");
  return (
    <>
      <div className="row">
        <div className="col-12 col-lg-4">
          <SelectField
            {...field("admission.kind")}
            options={stayOptions("admissionKind")}
            placeholder={placeholder}
            required
            {...form.register("admission.kind")}
          />
        </div>
        <div className="col-12 col-lg-4">
          <SelectField
            {...field("admission.legalBasis")}
            options={stayOptions("legalBasis")}
            placeholder={placeholder}
            required
            {...form.register("admission.legalBasis")}
          />
        </div>
        <div className="col-12 col-lg-4">
          <SelectField
            {...field("admission.origin")}
            options={stayOptions("origin")}
            placeholder={placeholder}
            required
            {...form.register("admission.origin")}
          />
        </div>
      </div>
      <CheckboxField
        {...field("admission.withParent")}
        className="mb-4"
        {...form.register("admission.withParent")}
      />
      <Fieldset legend={t("stays.admission.serviceLegend")}>
        <div className="row">
          <div className="col-12 col-lg-6">
            <TextField
              {...field("admission.referringService.code")}
              autoComplete="off"
              maxLength={40}
              required
              {...form.register("admission.referringService.code")}
            />
          </div>
          <div className="col-12 col-lg-6">
            <Controller
              control={form.control}
              name="admission.referringService.comune"
              render={({ field: control }) => (
                <ComuneField
                  {...field("admission.referringService.comune")}
                  value={control.value ?? ""}
                  onChange={control.onChange}
                  onBlur={control.onBlur}
                  inputRef={control.ref}
                  required
                />
              )}
            />
          </div>
        </div>
      </Fieldset>
      <Fieldset legend={t("stays.admission.reasonsLegend")}>
        <Controller
          control={form.control}
          name="admission.reasons"
          render={({ field: control }) => (
            <ReasonsField
              field={field("admission.reasons")}
              value={control.value ?? []}
              onChange={control.onChange}
            />
          )}
        />
      </Fieldset>
    </>
  );
}
