import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { TextAreaField } from "../../components/form-fields.tsx";
import { TableRegion } from "../../components/table-region.tsx";
import { useStructures } from "../structures/structure-api.ts";
import {
  type MachineClient,
  parseKeys,
  useAddMachineClientKey,
  useDisableMachineClient,
} from "./clients-api.ts";

/** The registered clients of the manager's structures, with their keys, and how to retire them. */
export function MachineClientsTable({
  clients,
  forStructures = true,
}: {
  clients: MachineClient[];
  forStructures?: boolean;
}) {
  const { t } = useTranslation();
  const structures = useStructures({});
  const disable = useDisableMachineClient();
  const [notice, setNotice] = useState<string | null>(null);
  const [keyFor, setKeyFor] = useState<MachineClient | null>(null);
  const codeOf = (id: string) =>
    structures.data?.items.find((entry) => entry.id === id)?.code ?? id.slice(0, 8);

  const onDisable = (client: MachineClient) => {
    if (!window.confirm(t("clients.disableConfirm", { name: client.name }))) return;
    disable.mutate(client.id, {
      onSuccess: () => setNotice(t("clients.disabledNotice", { name: client.name })),
    });
  };

  if (clients.length === 0) return <p>{t("clients.empty")}</p>;
  return (
    <>
      <div aria-live="polite">{notice && <div className="alert alert-success">{notice}</div>}</div>
      {disable.error && <ErrorAlert error={disable.error} />}
      <TableRegion label={t("clients.tableLabel")}>
        <table className="table table-striped">
          <caption className="visually-hidden">{t("clients.listHeading")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("clients.columns.name")}</th>
              <th scope="col">{t("clients.columns.id")}</th>
              {forStructures && <th scope="col">{t("clients.columns.structures")}</th>}
              <th scope="col">{t("clients.columns.keys")}</th>
              <th scope="col">{t("clients.columns.integrity")}</th>
              <th scope="col">{t("clients.columns.status")}</th>
              <th scope="col">{t("clients.columns.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {clients.map((client) => (
              <tr key={client.id}>
                <th scope="row">{client.name}</th>
                <td>
                  <code>{client.id}</code>
                </td>
                {forStructures && <td>{client.structureIds.map(codeOf).join(", ")}</td>}
                <td>{client.keys.map((key) => key.kid).join(", ")}</td>
                <td>{client.requireIntegrity ? t("clients.required") : t("clients.optional")}</td>
                <td>{client.isActive ? t("clients.active") : t("clients.disabled")}</td>
                <td>
                  {client.isActive && (
                    <div className="d-flex gap-2">
                      <button
                        type="button"
                        className="btn btn-outline-primary btn-xs"
                        onClick={() => setKeyFor(client)}
                      >
                        {t("clients.addKey")}
                      </button>
                      <button
                        type="button"
                        className="btn btn-outline-danger btn-xs"
                        onClick={() => onDisable(client)}
                      >
                        {t("clients.disable")}
                      </button>
                    </div>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      {keyFor && <AddKeyForm client={keyFor} onDone={() => setKeyFor(null)} />}
    </>
  );
}

function AddKeyForm({ client, onDone }: { client: MachineClient; onDone: () => void }) {
  const { t } = useTranslation();
  const add = useAddMachineClientKey();
  const [text, setText] = useState("");
  const [error, setError] = useState<string | undefined>();
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const keys = parseKeys(text);
    if (keys?.length !== 1) {
      setError(t("clients.jwkInvalid"));
      return;
    }
    setError(undefined);
    add.mutate({ id: client.id, jwk: keys[0] }, { onSuccess: onDone });
  };
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="add-key-heading" className="mt-4">
      <h3 id="add-key-heading" className="h5">
        {t("clients.addKeyHeading", { name: client.name })}
      </h3>
      {add.error && <ErrorAlert error={add.error} />}
      <TextAreaField
        id="client-new-key"
        label={t("clients.jwk")}
        hint={t("clients.jwkHint")}
        rows={5}
        value={text}
        error={error}
        spellCheck={false}
        className="font-monospace"
        onChange={(event) => setText(event.target.value)}
      />
      <button type="submit" className="btn btn-primary" disabled={add.isPending}>
        {t("clients.addKey")}
      </button>
    </form>
  );
}
