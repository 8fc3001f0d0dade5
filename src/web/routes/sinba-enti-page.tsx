import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorAlert } from "../components/error-alert.tsx";
import { Loading } from "../components/loading.tsx";
import { PageHeader } from "../components/page-header.tsx";
import { TableRegion } from "../components/table-region.tsx";
import { csvOf, downloadText } from "../features/places/places-csv.ts";
import { type SinbaEnteSummary, useSinbaEnti } from "../features/sinba/sinba-api.ts";
import { instantLabel, outcomeStatuses } from "../features/sinba/sinba-links.ts";

const countKeys = ["waiting", ...outcomeStatuses, "notSendable"] as const;

/** The Region: the SINBA flow of every service (ente), with a drill-down into one. */
export function SinbaEntiPage() {
  const { t } = useTranslation();
  const enti = useSinbaEnti();
  const exportCsv = (items: SinbaEnteSummary[]) =>
    downloadText(
      t("sinba.enti.fileName"),
      csvOf(
        [t("sinba.enti.ente"), t("sinba.enti.belfiore"), ...countKeys, "ultimo_flusso", "ultimo_esito"],
        items.map((ente) => [
          ente.name,
          ente.belfiore,
          ...countKeys.map((key) => ente.counts[key]),
          ente.lastFlowAt,
          ente.lastOutcomeAt,
        ]),
      ),
    );
  return (
    <>
      <PageHeader title={t("sinba.enti.title")} crumbs={[{ label: t("nav.home"), to: "/" }]}>
        <p>{t("sinba.enti.intro")}</p>
      </PageHeader>
      {enti.isPending ? (
        <Loading />
      ) : enti.error ? (
        <ErrorAlert error={enti.error} />
      ) : enti.data.length === 0 ? (
        <p>{t("sinba.enti.empty")}</p>
      ) : (
        <>
          <button
            type="button"
            className="btn btn-outline-primary btn-sm mb-3"
            onClick={() => exportCsv(enti.data)}
          >
            {t("sinba.flows.exportCsv")}
          </button>
          <TableRegion label={t("sinba.enti.caption")}>
            <table className="table table-sm align-middle" id="sinba-enti">
              <caption className="visually-hidden">{t("sinba.enti.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("sinba.enti.ente")}</th>
                  <th scope="col">{t("sinba.enti.belfiore")}</th>
                  {countKeys.map((key) => (
                    <th scope="col" key={key}>
                      {t(`sinba.status.${key}`)}
                    </th>
                  ))}
                  <th scope="col">{t("sinba.enti.lastFlowAt")}</th>
                  <th scope="col">{t("sinba.enti.lastOutcomeAt")}</th>
                </tr>
              </thead>
              <tbody>
                {enti.data.map((ente) => (
                  <tr key={ente.organisationId}>
                    <th scope="row">
                      <Link
                        to={`/flusso-sinba?ente=${ente.organisationId}`}
                        aria-label={t("sinba.enti.open", { name: ente.name })}
                      >
                        {ente.name}
                      </Link>
                    </th>
                    <td>{ente.belfiore ?? "—"}</td>
                    {countKeys.map((key) => (
                      <td key={key}>{ente.counts[key]}</td>
                    ))}
                    <td>{instantLabel(ente.lastFlowAt)}</td>
                    <td>{instantLabel(ente.lastOutcomeAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        </>
      )}
    </>
  );
}
