import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { purposes } from "../../../domain/access/purposes.ts";
import { sexes } from "../../../domain/code-lists/interchange-codes.ts";
import { isApiError } from "../../api/client.ts";
import { formPathOf } from "../../api/problem-paths.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { Fieldset, RadioGroupField, SelectField, TextField } from "../../components/form-fields.tsx";
import { i18n } from "../../i18n/setup.ts";
import type { LookupInput } from "./registry-api.ts";

type SearchBy = "fiscal-code" | "names";

export type LookupFormValues = {
  purpose: string;
  by: SearchBy;
  fiscalCode: string;
  familyName: string;
  givenName: string;
  birthDate: string;
  sex: string;
};

const emptyValues: LookupFormValues = {
  purpose: "",
  by: "fiscal-code",
  fiscalCode: "",
  familyName: "",
  givenName: "",
  birthDate: "",
  sex: "",
};

const required = () => i18n.t("errors.required");

/** Only the fields of the chosen way of searching are required. */
const lookupFormSchema = z
  .object({
    purpose: z.string(),
    by: z.enum(["fiscal-code", "names"]),
    fiscalCode: z.string(),
    familyName: z.string(),
    givenName: z.string(),
    birthDate: z.string(),
    sex: z.string(),
  })
  .superRefine((values, context) => {
    if (values.purpose !== "admission") {
      context.addIssue({
        code: "custom",
        path: ["purpose"],
        message: i18n.t("registry.search.purposeRequired"),
      });
    }
    const needed =
      values.by === "fiscal-code"
        ? (["fiscalCode"] as const)
        : (["familyName", "givenName", "birthDate", "sex"] as const);
    for (const field of needed) {
      if (!values[field].trim()) context.addIssue({ code: "custom", path: [field], message: required() });
    }
  });

const fieldNames = ["fiscalCode", "familyName", "givenName", "birthDate", "sex"] as const;
type FieldName = (typeof fieldNames)[number];

function isFieldName(path: string): path is FieldName {
  return (fieldNames as readonly string[]).includes(path);
}

function inputOf(values: LookupFormValues): LookupInput {
  const purpose = "admission" as const;
  if (values.by === "fiscal-code") return { purpose, fiscalCode: values.fiscalCode.trim() };
  return {
    purpose,
    familyName: values.familyName.trim(),
    givenName: values.givenName.trim(),
    birthDate: values.birthDate,
    sex: values.sex as "M" | "F",
  };
}

/**
 * The purpose first, then the search by fiscal code or by names, birth date and sex. The values
 * live only in this form's state: the search is sent in the body of a POST, never in a URL.
 */
export function LookupForm({
  onSearch,
  isSearching,
  purpose,
}: {
  onSearch: (input: LookupInput) => Promise<unknown>;
  isSearching: boolean;
  /** A purpose already chosen by the page (an admission): preselected, still stated. */
  purpose?: LookupInput["purpose"];
}) {
  const { t } = useTranslation();
  const form = useForm<LookupFormValues>({
    resolver: zodResolver(lookupFormSchema),
    defaultValues: { ...emptyValues, purpose: purpose ?? "" },
    mode: "onSubmit",
    reValidateMode: "onSubmit",
  });
  const [failure, setFailure] = useState<unknown>(null);
  const chosenPurpose = form.watch("purpose");
  const by = form.watch("by");
  const errors = form.formState.errors;
  const field = (name: FieldName) => ({
    id: `lookup-${name}`,
    label: t(`registry.fields.${name}`),
    error: errors[name]?.message,
  });

  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      await onSearch(inputOf(values));
    } catch (error) {
      let placed = false;
      if (isApiError(error)) {
        for (const problem of error.problems) {
          const path = formPathOf(problem.path);
          if (isFieldName(path)) {
            form.setError(path, { type: "server", message: problem.message }, { shouldFocus: !placed });
            placed = true;
          }
        }
      }
      if (!placed) setFailure(error);
    }
  });

  const purposeOptions = purposes
    .filter((entry) => entry.code === "admission")
    .map((entry) => ({ value: entry.code, label: entry.label }));
  const byOptions = [
    { value: "fiscal-code", label: t("registry.search.byFiscalCode") },
    { value: "names", label: t("registry.search.byNames") },
  ];
  const sexOptions = sexes.map((entry) => ({ value: entry.code, label: entry.label }));

  return (
    <form onSubmit={submit} noValidate method="post" className="lookup-form">
      {failure !== null && <ErrorAlert error={failure} />}
      <RadioGroupField
        id="lookup-purpose"
        legend={t("registry.search.purposeLegend")}
        options={purposeOptions}
        hint={t("registry.search.purposeNote")}
        error={errors.purpose?.message}
        input={form.register("purpose")}
      />
      {chosenPurpose === "admission" && (
        <>
          <RadioGroupField
            id="lookup-by"
            legend={t("registry.search.byLegend")}
            options={byOptions}
            inline
            input={form.register("by", { onChange: () => form.clearErrors() })}
          />
          <Fieldset legend={t("registry.search.dataLegend")}>
            {by === "fiscal-code" ? (
              <div className="row">
                <div className="col-12 col-lg-6">
                  <TextField
                    {...field("fiscalCode")}
                    hint={t("registry.search.fiscalCodeHint")}
                    autoComplete="off"
                    spellCheck={false}
                    autoCapitalize="characters"
                    maxLength={32}
                    required
                    {...form.register("fiscalCode")}
                  />
                </div>
              </div>
            ) : (
              <div className="row">
                <div className="col-12 col-lg-6">
                  <TextField
                    {...field("familyName")}
                    autoComplete="off"
                    required
                    {...form.register("familyName")}
                  />
                </div>
                <div className="col-12 col-lg-6">
                  <TextField
                    {...field("givenName")}
                    autoComplete="off"
                    required
                    {...form.register("givenName")}
                  />
                </div>
                <div className="col-12 col-lg-6">
                  <TextField
                    {...field("birthDate")}
                    type="date"
                    autoComplete="off"
                    required
                    {...form.register("birthDate")}
                  />
                </div>
                <div className="col-12 col-lg-6">
                  <SelectField
                    {...field("sex")}
                    options={sexOptions}
                    placeholder={t("registry.search.selectSex")}
                    required
                    {...form.register("sex")}
                  />
                </div>
              </div>
            )}
          </Fieldset>
          <button type="submit" className="btn btn-primary" disabled={isSearching}>
            {isSearching ? t("registry.search.searching") : t("registry.search.submit")}
          </button>
        </>
      )}
    </form>
  );
}
