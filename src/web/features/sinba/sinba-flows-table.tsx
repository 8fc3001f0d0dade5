import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { TableRegion } from "../../components/table-region.tsx";
import { csvOf, downloadText } from "../places/places-csv.ts";
import { fetchAllSinbaFlows, type SinbaFlowFilter, type SinbaFlowSummary } from "./sinba-api.ts";
import { instantLabel, isError } from "./sinba-links.ts";

/** A table of flows; errors are highlighted with INPS's text. */
export function SinbaFlowsTable({ items, section }: { items: SinbaFlowSummary[]; section: string }) {
  const { t } = useTranslation();
  if (items.length === 0) return <p id="sinba-flows-empty">{t("sinba.flows.empty")}</p>;
  return (
    <TableRegion label={t("sinba.flows.caption", { section })}>
      <table className="table table-sm align-middle" id="sinba-flows">
        <caption className="visually-hidden">{t("sinba.flows.caption", { section })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("sinba.flows.idFlusso")}</th>
            <th scope="col">{t("sinba.flows.pseudonym")}</th>
            <th scope="col">{t("sinba.flows.reason")}</th>
            <th scope="col">{t("sinba.flows.recordedAt")}</th>
            <th scope="col">{t("sinba.flows.status")}</th>
            <th scope="col">{t("sinba.flows.outcomeMessage")}</th>
            <th scope="col">{t("sinba.flows.outcomeAt")}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((flow) => (
            <tr key={flow.idFlusso}>
              <td>
                <code>{flow.idFlusso}</code>
              </td>
              <td>
                <Link to={`/cartelle/${flow.caseId}`}>{flow.minorPseudonym}</Link>
              </td>
              <td>{t(`sinba.reason.${flow.reason}`)}</td>
              <td>{instantLabel(flow.recordedAt)}</td>
              <td>
                <span
                  className={`badge ${isError(flow.status) ? "bg-danger" : flow.status === "OK" ? "bg-success" : "bg-secondary"}`}
                >
                  {t(`sinba.outcome.${flow.status}`)}
                </span>
              </td>
              <td className={isError(flow.status) ? "fw-semibold" : undefined}>
                {flow.outcomeMessage ?? "—"}
              </td>
              <td>{instantLabel(flow.outcomeAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

/** Downloads every flow of the filter (not just the page shown) as a CSV. */
export function SinbaFlowsExport({ filter, section }: { filter: SinbaFlowFilter; section: string }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const run = async () => {
    setBusy(true);
    setFailed(false);
    try {
      const rows = await fetchAllSinbaFlows(filter);
      const header = [
        "idFlusso",
        "pseudonimo",
        "motivo",
        "giorno",
        "registrato",
        "esito",
        "testo",
        "esito_del",
      ];
      downloadText(
        t("sinba.flows.fileName", { section }),
        csvOf(
          header,
          rows.map((flow) => [
            flow.idFlusso,
            flow.minorPseudonym,
            t(`sinba.reason.${flow.reason}`),
            flow.referenceDay,
            flow.recordedAt,
            flow.status,
            flow.outcomeMessage,
            flow.outcomeAt,
          ]),
        ),
      );
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" className="btn btn-outline-primary btn-sm" disabled={busy} onClick={run}>
        {busy ? t("sinba.flows.exporting") : t("sinba.flows.exportCsv")}
      </button>
      {failed && (
        <p className="text-danger small mt-1" role="alert">
          {t("sinba.flows.exportFailed")}
        </p>
      )}
    </>
  );
}
