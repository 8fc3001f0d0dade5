import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api/client.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { CheckboxField, Fieldset, TextAreaField, TextField } from "../../components/form-fields.tsx";
import { useStructures } from "../structures/structure-api.ts";
import { type MachineClient, parseKeys, useCreateMachineClient } from "./clients-api.ts";

type Errors = Partial<Record<"name" | "structureIds" | "keys", string>>;

/**
 * A structure manager registers a management software for some of the structures it runs; a
 * service manager registers the service's software, which names no structure.
 */
export function MachineClientForm({ forStructures = true }: { forStructures?: boolean }) {
  const { t } = useTranslation();
  const structures = useStructures({ status: "active" });
  const create = useCreateMachineClient();
  const [name, setName] = useState("");
  const [structureIds, setStructureIds] = useState<string[]>([]);
  const [keys, setKeys] = useState("");
  const [requireIntegrity, setRequireIntegrity] = useState(false);
  const [errors, setErrors] = useState<Errors>({});
  const [created, setCreated] = useState<MachineClient | null>(null);

  const toggle = (id: string, checked: boolean) =>
    setStructureIds((current) => (checked ? [...current, id] : current.filter((entry) => entry !== id)));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setCreated(null);
    const parsed = parseKeys(keys);
    const found: Errors = {};
    if (name.trim() === "") found.name = t("errors.required");
    if (forStructures && structureIds.length === 0) found.structureIds = t("clients.chooseStructure");
    if (!parsed || parsed.length === 0)
      found.keys = keys.trim() === "" ? t("errors.required") : t("clients.jwkInvalid");
    setErrors(found);
    if (Object.keys(found).length > 0 || !parsed) return;
    create.mutate(
      { name: name.trim(), structureIds: forStructures ? structureIds : [], keys: parsed, requireIntegrity },
      {
        onSuccess: (client) => {
          setCreated(client);
          setName("");
          setStructureIds([]);
          setKeys("");
          setRequireIntegrity(false);
        },
        onError: (error) => {
          if (!isApiError(error)) return;
          const byField: Errors = {};
          for (const problem of error.problems) {
            const field = problem.path.split("/")[2];
            if (field === "name" || field === "structureIds" || field === "keys")
              byField[field] = problem.message;
          }
          setErrors(byField);
        },
      },
    );
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="client-form-heading">
      <h2 id="client-form-heading" className="h4 mb-4">
        {t("clients.createHeading")}
      </h2>
      <div aria-live="polite">
        {created && (
          <div className="alert alert-success">
            <p className="mb-1">{t("clients.created")}</p>
            <p className="mb-0">
              <code id="created-client-id">{created.id}</code>
            </p>
          </div>
        )}
      </div>
      {create.error && <ErrorAlert error={create.error} />}
      <TextField
        id="client-name"
        label={t("clients.name")}
        hint={t("clients.nameHint")}
        value={name}
        required
        error={errors.name}
        autoComplete="off"
        onChange={(event) => setName(event.target.value)}
      />
      {forStructures && (
        <Fieldset legend={t("clients.structuresLegend")}>
          {errors.structureIds && (
            <p className="text-danger" id="client-structures-error">
              {errors.structureIds}
            </p>
          )}
          {structures.data?.items.length === 0 && <p>{t("clients.noStructures")}</p>}
          {structures.data?.items.map((structure) => (
            <CheckboxField
              key={structure.id}
              id={`client-structure-${structure.id}`}
              label={`${structure.code ?? ""} – ${structure.name}`}
              checked={structureIds.includes(structure.id)}
              onChange={(event) => toggle(structure.id, event.target.checked)}
            />
          ))}
        </Fieldset>
      )}
      <TextAreaField
        id="client-keys"
        label={t("clients.jwk")}
        hint={t("clients.jwkHint")}
        rows={6}
        value={keys}
        required
        error={errors.keys}
        spellCheck={false}
        className="font-monospace"
        onChange={(event) => setKeys(event.target.value)}
      />
      <CheckboxField
        id="client-integrity"
        label={t("clients.requireIntegrity")}
        checked={requireIntegrity}
        onChange={(event) => setRequireIntegrity(event.target.checked)}
      />
      <button type="submit" className="btn btn-primary mt-3" disabled={create.isPending}>
        {t("clients.submit")}
      </button>
    </form>
  );
}
