import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatItalianDate } from "../../domain/time/calendar.ts";
import { ErrorAlert } from "../components/error-alert.tsx";
import { Loading } from "../components/loading.tsx";
import { PageHeader } from "../components/page-header.tsx";
import { TableRegion } from "../components/table-region.tsx";
import { can } from "../features/access/permissions.ts";
import { useSession } from "../features/access/session-api.ts";
import { CaseReassignment } from "../features/cases/case-reassignment.tsx";
import { useCases, useNotifications } from "../features/cases/cases-api.ts";

/**
 * The service's cases, each with its operator and the count of its unread notifications; the
 * service manager reassigns a case to another operator of the service from here.
 */
export function MyCasesPage() {
  const { t } = useTranslation();
  const active = useSession().data?.active;
  const canAssign = can(active, "case.assign");
  const [reassigning, setReassigning] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const cases = useCases();
  const chosen = cases.data?.find((item) => item.caseId === reassigning);
  const unread = useNotifications({ status: "unread" });
  const alertsOf = (caseId: string) =>
    (unread.data?.items ?? []).filter((item) => item.caseId === caseId).length;
  return (
    <>
      <PageHeader title={t("cases.list.title")} crumbs={[{ label: t("nav.home"), to: "/" }]}>
        <p>{t("cases.list.intro")}</p>
        <Link to="/anagrafe/ricerca" className="btn btn-outline-primary btn-sm">
          {t("cases.list.search")}
        </Link>
      </PageHeader>
      {cases.isPending ? (
        <Loading />
      ) : cases.error ? (
        <ErrorAlert error={cases.error} />
      ) : cases.data.length === 0 ? (
        <p id="cases-empty">{t("cases.list.empty")}</p>
      ) : (
        <TableRegion label={t("cases.list.caption")}>
          <table className="table table-hover" id="cases-table">
            <caption className="visually-hidden">{t("cases.list.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("cases.list.pseudonym")}</th>
                <th scope="col">{t("cases.list.status")}</th>
                <th scope="col">{t("cases.list.openedOn")}</th>
                <th scope="col">{t("cases.list.operator")}</th>
                <th scope="col">{t("cases.list.alerts")}</th>
                {canAssign && <th scope="col">{t("cases.list.actions")}</th>}
              </tr>
            </thead>
            <tbody>
              {cases.data.map((item) => {
                const alerts = alertsOf(item.caseId);
                return (
                  <tr key={item.caseId}>
                    <th scope="row">
                      <Link
                        to={`/cartelle/${item.caseId}`}
                        aria-label={t("cases.list.show", { pseudonym: item.minorPseudonym })}
                      >
                        {item.minorPseudonym}
                      </Link>
                    </th>
                    <td>{item.status === "open" ? t("cases.list.open") : t("cases.list.closed")}</td>
                    <td>{formatItalianDate(item.openedOn)}</td>
                    <td>{item.assignedOperatorName ?? t("cases.list.noOperator")}</td>
                    <td>
                      {alerts > 0 ? (
                        <span className="badge bg-danger">
                          {t("cases.list.alertCount", { count: alerts })}
                        </span>
                      ) : (
                        t("cases.list.noAlerts")
                      )}
                    </td>
                    {canAssign && (
                      <td>
                        {item.status === "open" && (
                          <button
                            type="button"
                            className="btn btn-outline-primary btn-xs"
                            aria-label={t("cases.list.reassignLabel", { pseudonym: item.minorPseudonym })}
                            aria-expanded={reassigning === item.caseId}
                            onClick={() => {
                              setDone(null);
                              setReassigning(reassigning === item.caseId ? null : item.caseId);
                            }}
                          >
                            {t("cases.list.reassign")}
                          </button>
                        )}
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableRegion>
      )}
      {done && (
        <p className="alert alert-success" role="status">
          {done}
        </p>
      )}
      {canAssign && active && chosen && (
        <CaseReassignment
          key={chosen.caseId}
          item={chosen}
          serviceCode={active.organisationCode}
          onDone={(name) => {
            setDone(t("cases.reassign.done", { pseudonym: chosen.minorPseudonym, name }));
            setReassigning(null);
          }}
        />
      )}
    </>
  );
}
