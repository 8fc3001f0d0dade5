import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { organisationKindOfRole, type Role, roleCodes, roleLabels } from "../../../domain/access/roles.ts";
import { isApiError } from "../../api/client.ts";
import { formPathOf } from "../../api/problem-paths.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { CheckboxField, SelectField, TextField } from "../../components/form-fields.tsx";
import type { Membership } from "./session-api.ts";
import { useCreateUser, useOrganisations } from "./users-api.ts";

type Values = {
  username: string;
  displayName: string;
  role: string;
  organisationCode: string;
  fiscalCode: string;
};

const managedRoles: Partial<Record<Role, Role[]>> = {
  "structure-manager": ["structure-operator", "structure-manager"],
  "service-manager": ["service-operator", "service-manager"],
};

/** A new person in the active role's organisation (a manager) or in any (the Region's administrator). */
export function UserForm({ active }: { active: Membership }) {
  const { t } = useTranslation();
  const isRegionAdmin = active.role === "region-admin";
  const organisations = useOrganisations(isRegionAdmin);
  const create = useCreateUser();
  const empty: Values = {
    username: "",
    displayName: "",
    role: "",
    organisationCode: isRegionAdmin ? "" : active.organisationCode,
    fiscalCode: "",
  };
  const [values, setValues] = useState(empty);
  const [localAccount, setLocalAccount] = useState(true);
  const [errors, setErrors] = useState<Partial<Record<keyof Values, string>>>({});
  const [created, setCreated] = useState<string | null>(null);
  const set = (key: keyof Values, value: string) => setValues((current) => ({ ...current, [key]: value }));
  const organisation = organisations.data?.find((entry) => entry.code === values.organisationCode);
  const roles = isRegionAdmin
    ? roleCodes.filter((role) => !organisation || organisationKindOfRole[role] === organisation.kind)
    : (managedRoles[active.role] ?? []);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setCreated(null);
    const required: (keyof Values)[] = ["username", "displayName", "role", "organisationCode"];
    if (!localAccount) required.push("fiscalCode");
    const missing = Object.fromEntries(
      required.filter((key) => values[key].trim() === "").map((key) => [key, t("errors.required")]),
    );
    setErrors(missing);
    if (Object.keys(missing).length > 0) return;
    create.mutate(
      {
        username: values.username,
        displayName: values.displayName,
        role: values.role as Role,
        organisationCode: values.organisationCode,
        fiscalCode: values.fiscalCode.trim() || null,
        localAccount,
      },
      {
        onSuccess: (user) => {
          setCreated(
            user.temporaryPassword
              ? t("access.people.temporaryPassword", {
                  username: user.username,
                  password: user.temporaryPassword,
                })
              : t("access.people.createdWithoutPassword", { username: user.username }),
          );
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
      },
    );
  };

  const field = (key: keyof Values) => ({ id: `user-${key}`, error: errors[key], value: values[key] });

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="user-form-heading">
      <h2 id="user-form-heading" className="h4 mb-4">
        {t("users.createHeading")}
      </h2>
      <div aria-live="polite">
        {created && (
          <div className="alert alert-success" id="user-created">
            {created}
          </div>
        )}
      </div>
      {create.error && <ErrorAlert error={create.error} />}
      <div className="row">
        <div className="col-12 col-lg-6">
          <TextField
            {...field("username")}
            required
            label={t("users.username")}
            hint={t("users.usernameHint")}
            autoComplete="off"
            onChange={(event) => set("username", event.target.value)}
          />
        </div>
        <div className="col-12 col-lg-6">
          <TextField
            {...field("displayName")}
            required
            label={t("users.displayName")}
            autoComplete="off"
            onChange={(event) => set("displayName", event.target.value)}
          />
        </div>
        {isRegionAdmin && (
          <div className="col-12 col-lg-6">
            <SelectField
              {...field("organisationCode")}
              required
              label={t("users.organisation")}
              placeholder={t("structures.form.selectPlaceholder")}
              options={(organisations.data ?? []).map((entry) => ({ value: entry.code, label: entry.name }))}
              onChange={(event) => set("organisationCode", event.target.value)}
            />
          </div>
        )}
        <div className="col-12 col-lg-6">
          <SelectField
            {...field("role")}
            required
            label={t("users.role")}
            placeholder={t("structures.form.selectPlaceholder")}
            options={roles.map((role) => ({ value: role, label: roleLabels[role] }))}
            onChange={(event) => set("role", event.target.value)}
          />
        </div>
        <div className="col-12 col-lg-6">
          <TextField
            {...field("fiscalCode")}
            required={!localAccount}
            label={t("access.people.fiscalCode")}
            hint={t("access.people.fiscalCodeHint")}
            autoComplete="off"
            onChange={(event) => set("fiscalCode", event.target.value)}
          />
        </div>
        <div className="col-12 col-lg-6">
          <CheckboxField
            id="user-localAccount"
            className="mt-4"
            label={t("access.people.localAccount")}
            checked={localAccount}
            onChange={(event) => setLocalAccount(event.target.checked)}
          />
        </div>
      </div>
      <button type="submit" className="btn btn-primary" disabled={create.isPending}>
        {t("users.submit")}
      </button>
    </form>
  );
}
