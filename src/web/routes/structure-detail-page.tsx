import { useTranslation } from "react-i18next";
import { Link, useLocation, useParams, useSearchParams } from "react-router";
import { formatItalianDate } from "../../domain/time/calendar.ts";
import { ErrorAlert } from "../components/error-alert.tsx";
import { Loading } from "../components/loading.tsx";
import { PageHeader, useDocumentTitle } from "../components/page-header.tsx";
import { can } from "../features/access/permissions.ts";
import { useSession } from "../features/access/session-api.ts";
import { EditOutcomeAlert, isEditOutcomeState } from "../features/structures/edit-outcome-alert.tsx";
import { useFieldLabels } from "../features/structures/field-labels.ts";
import { OnDateForm } from "../features/structures/on-date-form.tsx";
import { PendingChangeBadge, StatusBadge } from "../features/structures/status-badges.tsx";
import { useStructure } from "../features/structures/structure-api.ts";
import { StructureHistory } from "../features/structures/structure-history.tsx";
import { StructureRecordView } from "../features/structures/structure-record-view.tsx";

export function StructureDetailPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const onDate = params.get("onDate") ?? "";
  const { data: session } = useSession();
  const structure = useStructure(id, onDate || undefined);
  const { listOf } = useFieldLabels();
  useDocumentTitle(structure.data?.summary.name ?? t("structures.detail.title"));

  const crumbs = [
    { label: t("nav.home"), to: "/" },
    { label: t("nav.structures"), to: "/strutture" },
  ];
  if (structure.isPending) return <Loading />;
  if (structure.error) {
    return (
      <>
        <PageHeader title={t("structures.detail.title")} crumbs={crumbs} />
        <ErrorAlert error={structure.error} />
      </>
    );
  }
  const { summary, record, reviewNote, pendingChange, warnings, history } = structure.data;
  const outcome = isEditOutcomeState(location.state) ? location.state : null;

  return (
    <>
      <PageHeader title={summary.name} crumbs={crumbs}>
        <p className="d-flex flex-wrap align-items-center gap-2">
          <span>{summary.code ?? t("structures.noCode")}</span>
          <StatusBadge status={summary.status} />
          {summary.hasPendingChange && <PendingChangeBadge />}
        </p>
        <div className="d-flex flex-wrap gap-2">
          {can(session?.active, "structure.edit") && !onDate && (
            <Link to={`/strutture/${summary.id}/modifica`} className="btn btn-primary">
              {t("structures.detail.edit")}
            </Link>
          )}
          {can(session?.active, "places.read") && summary.code && (
            <Link to={`/strutture/${summary.id}/presenze`} className="btn btn-outline-primary">
              {t("stays.occupancy.link")}
            </Link>
          )}
        </div>
      </PageHeader>
      {outcome && <EditOutcomeAlert outcome={outcome} />}
      {warnings.length > 0 && (
        <div className="alert alert-warning" role="alert">
          <p className="fw-semibold mb-1">{t("structures.detail.warnings")}</p>
          <ul className="mb-0">
            {warnings.map((warning) => (
              <li key={warning.code}>{warning.message}</li>
            ))}
          </ul>
        </div>
      )}
      {reviewNote && (
        <div className="alert alert-danger" role="alert">
          <p className="fw-semibold mb-1">{t("structures.detail.reviewNoteTitle")}</p>
          <p className="mb-0">{t("structures.detail.reviewNote", { note: reviewNote })}</p>
        </div>
      )}
      {pendingChange && (
        <div className="alert alert-info" id="pending-change">
          <p className="fw-semibold mb-1">{t("structures.detail.pendingTitle")}</p>
          <p className="mb-0">
            {pendingChange.kind === "registration"
              ? t("structures.detail.pendingRegistration", {
                  date: formatItalianDate(pendingChange.requestedAt.slice(0, 10)),
                })
              : t("structures.detail.pendingEdit", {
                  date: formatItalianDate(pendingChange.requestedAt.slice(0, 10)),
                  fields: listOf(pendingChange.changedFields),
                })}
          </p>
        </div>
      )}
      <OnDateForm
        value={onDate}
        onChange={(date) => setParams(date ? { onDate: date } : {}, { replace: true })}
      />
      {onDate && <p>{t("structures.detail.viewingOnDate", { date: formatItalianDate(onDate) })}</p>}
      <section aria-labelledby="record-heading">
        <h2 id="record-heading" className="h4">
          {t("structures.detail.recordHeading")}
        </h2>
        <StructureRecordView record={record} />
      </section>
      <section aria-labelledby="history-heading" className="mt-4">
        <h2 id="history-heading" className="h4">
          {t("structures.detail.historyHeading")}
        </h2>
        <StructureHistory history={history} />
      </section>
    </>
  );
}
