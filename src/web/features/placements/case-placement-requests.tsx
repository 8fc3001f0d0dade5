import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { labelOf } from "../../../domain/code-lists/code-list.ts";
import { placementRequestStates } from "../../../domain/placements/placement-request.schema.ts";
import { formatItalianDate } from "../../../domain/time/calendar.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { Loading } from "../../components/loading.tsx";
import { TableRegion } from "../../components/table-region.tsx";
import { useCasePlacementRequests, useWithdrawPlacementRequest } from "./placements-api.ts";

/** The requests of a case with their state; one still waiting may be withdrawn. */
export function CasePlacementRequests({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const requests = useCasePlacementRequests(caseId);
  const withdraw = useWithdrawPlacementRequest(caseId);
  return (
    <section id="case-placement-requests" aria-labelledby="case-placement-requests-heading" className="mb-5">
      <h2 id="case-placement-requests-heading" className="h4">
        {t("placements.requests.heading")}
      </h2>
      {requests.isPending ? (
        <Loading />
      ) : requests.error ? (
        <ErrorAlert error={requests.error} />
      ) : requests.data.length === 0 ? (
        <p>{t("placements.requests.empty")}</p>
      ) : (
        <TableRegion label={t("placements.requests.caption")}>
          <table className="table align-middle" id="placement-requests">
            <caption className="caption-top">{t("placements.requests.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("placements.requests.columns.structure")}</th>
                <th scope="col">{t("placements.requests.columns.sentAt")}</th>
                <th scope="col">{t("placements.requests.columns.state")}</th>
                <th scope="col">{t("placements.requests.columns.detail")}</th>
                <th scope="col">{t("placements.requests.columns.action")}</th>
              </tr>
            </thead>
            <tbody>
              {requests.data.map((request) => (
                <tr key={request.id} data-state={request.state}>
                  <th scope="row">{request.structureName}</th>
                  <td>{formatItalianDate(request.sentAt.slice(0, 10))}</td>
                  <td>{labelOf(placementRequestStates, request.state)}</td>
                  <td>
                    {request.admittedStayId ? (
                      <Link to={`/accoglienze/${request.admittedStayId}`}>
                        {t("placements.requests.admitted")}
                      </Link>
                    ) : request.declineReason ? (
                      t("placements.requests.declinedFor", { reason: request.declineReason })
                    ) : null}
                  </td>
                  <td>
                    {request.state === "sent" && (
                      <button
                        type="button"
                        className="btn btn-outline-primary btn-sm"
                        disabled={withdraw.isPending}
                        onClick={() => withdraw.mutate(request.id)}
                      >
                        {t("placements.requests.withdraw")}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      {withdraw.error && <ErrorAlert error={withdraw.error} />}
    </section>
  );
}
