import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorAlert } from "../components/error-alert.tsx";
import { Loading } from "../components/loading.tsx";
import { PageHeader } from "../components/page-header.tsx";
import { ChangeComparison } from "../features/structures/change-comparison.tsx";
import { ChangeDecision, type Decision } from "../features/structures/change-decision.tsx";
import { usePendingChanges } from "../features/structures/structure-api.ts";
import { formatInstant } from "../features/structures/structure-history.tsx";

export function ApprovalsPage() {
  const { t } = useTranslation();
  const changes = usePendingChanges();
  const [lastDecision, setLastDecision] = useState<Decision | null>(null);

  const decisionMessage = (decision: Decision) => {
    const name = decision.change.structureName;
    if (decision.decision === "return") return t("approvals.returned", { name });
    return decision.code
      ? t("approvals.approvedWithCode", { name, code: decision.code })
      : t("approvals.approved", { name });
  };

  return (
    <>
      <PageHeader title={t("approvals.title")} crumbs={[{ label: t("nav.home"), to: "/" }]}>
        <p>{t("approvals.intro")}</p>
      </PageHeader>
      <div aria-live="polite">
        {lastDecision && (
          <div className="alert alert-success" id="decision-outcome">
            {decisionMessage(lastDecision)}
          </div>
        )}
      </div>
      {changes.isPending && <Loading />}
      {changes.error && <ErrorAlert error={changes.error} />}
      {changes.data?.length === 0 && <p>{t("approvals.empty")}</p>}
      {changes.data && changes.data.length > 0 && (
        <ul className="list-unstyled">
          {changes.data.map((change) => (
            <li key={change.id} className="mb-4">
              <article className="card card-bg shadow-sm" aria-labelledby={`change-${change.id}`}>
                <div className="card-body">
                  <h2 className="h4 card-title" id={`change-${change.id}`}>
                    {t(`approvals.kinds.${change.kind}`)}: {change.structureName}
                  </h2>
                  <p className="mb-2">
                    {t("approvals.requested", {
                      date: formatInstant(change.requestedAt),
                      user: change.requestedBy ?? t("common.none"),
                    })}{" "}
                    · <Link to={`/strutture/${change.structureId}`}>{t("approvals.openStructure")}</Link>
                  </p>
                  <ChangeComparison change={change} />
                  <ChangeDecision change={change} onDecided={setLastDecision} />
                </div>
              </article>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
