import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { organisationKindOfRole, type Role, roleCodes, roleLabels } from "../../../domain/access/roles.ts";
import { isApiError } from "../../api/client.ts";
import { formPathOf } from "../../api/problem-paths.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { SelectField, TextField } from "../../components/form-fields.tsx";
import { type UserInput, useCreateUser, useOrganisations } from "./users-api.ts";

type Values = {
  username: string;
  displayName: string;
  password: string;
  role: string;
  organisationCode: string;
};
const empty: Values = { username: "", displayName: "", password: "", role: "", organisationCode: "" };

export function UserForm() {
  const { t } = useTranslation();
  const organisations = useOrganisations();
  const create = useCreateUser();
  const [values, setValues] = useState(empty);
  const [errors, setErrors] = useState<Partial<Record<keyof Values, string>>>({});
  const [created, setCreated] = useState<string | null>(null);
  const set = (key: keyof Values, value: string) => setValues((current) => ({ ...current, [key]: value }));
  const organisation = organisations.data?.find((entry) => entry.code === values.organisationCode);
  const roles = roleCodes.filter(
    (role) => !organisation || organisationKindOfRole[role] === organisation.kind,
  );

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setCreated(null);
    const missing = Object.fromEntries(
      (Object.keys(values) as (keyof Values)[])
        .filter((key) => values[key].trim() === "")
        .map((key) => [key, t("errors.required")]),
    );
    setErrors(missing);
    if (Object.keys(missing).length > 0) return;
    create.mutate({ ...values, role: values.role as Role } satisfies UserInput, {
      onSuccess: (user) => {
        setCreated(user.username);
        setValues(empty);
      },
      onError: (error) => {
        if (!isApiError(error)) return;
        const byField: Partial<Record<keyof Values, string>> = {};
        for (const problem of error.problems) {
          const path = formPathOf(problem.path) as keyof Values;
          if (path in empty) byField[path] = problem.message;
        }
        setErrors(byField);
      },
    });
  };

  const field = (key: keyof Values) => ({
    id: `user-${key}`,
    error: errors[key],
    value: values[key],
    required: true,
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="user-form-heading">
      <h2 id="user-form-heading" className="h4 mb-4">
        {t("users.createHeading")}
      </h2>
      <div aria-live="polite">
        {created && <div className="alert alert-success">{t("users.created", { username: created })}</div>}
      </div>
      {create.error && <ErrorAlert error={create.error} />}
      <div className="row">
        <div className="col-12 col-lg-6">
          <TextField
            {...field("username")}
            label={t("users.username")}
            hint={t("users.usernameHint")}
            autoComplete="off"
            onChange={(event) => set("username", event.target.value)}
          />
        </div>
        <div className="col-12 col-lg-6">
          <TextField
            {...field("displayName")}
            label={t("users.displayName")}
            autoComplete="off"
            onChange={(event) => set("displayName", event.target.value)}
          />
        </div>
        <div className="col-12 col-lg-6">
          <TextField
            {...field("password")}
            type="password"
            label={t("users.password")}
            autoComplete="new-password"
            onChange={(event) => set("password", event.target.value)}
          />
        </div>
        <div className="col-12 col-lg-6">
          <SelectField
            {...field("organisationCode")}
            label={t("users.organisation")}
            placeholder={t("structures.form.selectPlaceholder")}
            options={(organisations.data ?? []).map((entry) => ({ value: entry.code, label: entry.name }))}
            onChange={(event) => set("organisationCode", event.target.value)}
          />
        </div>
        <div className="col-12 col-lg-6">
          <SelectField
            {...field("role")}
            label={t("users.role")}
            placeholder={t("structures.form.selectPlaceholder")}
            options={roles.map((role) => ({ value: role, label: roleLabels[role] }))}
            onChange={(event) => set("role", event.target.value)}
          />
        </div>
      </div>
      <button type="submit" className="btn btn-primary" disabled={create.isPending}>
        {t("users.submit")}
      </button>
    </form>
  );
}
