import { Badge } from "design-react-kit";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation, useNavigate, useParams } from "react-router";
import { isApiError } from "../api/client.ts";
import { ErrorAlert } from "../components/error-alert.tsx";
import { Loading } from "../components/loading.tsx";
import { PageHeader } from "../components/page-header.tsx";
import { can } from "../features/access/permissions.ts";
import { useSession } from "../features/access/session-api.ts";
import { RecordedAlert } from "../features/stays/event-panel.tsx";
import { StayActions } from "../features/stays/stay-actions.tsx";
import { minorNameOf, PreviousPlacementsTable, StaySummaryView } from "../features/stays/stay-summary.tsx";
import { StayTimelineView } from "../features/stays/stay-timeline.tsx";
import { useStay, useStructureIdByCode } from "../features/stays/stays-api.ts";
import type { RecordedOutcome } from "../features/stays/use-event-form.tsx";
import { NotFoundPage } from "./not-found-page.tsx";

function recordedOf(state: unknown): RecordedOutcome | null {
  const recorded = (state as { recorded?: RecordedOutcome } | null)?.recorded;
  return recorded?.result && recorded.type ? recorded : null;
}

/** One stay: summary, the events to add, the full timeline and the minor's earlier placements. */
export function StayPage() {
  const { t } = useTranslation();
  const { stayId = "" } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const { data: session } = useSession();
  const stay = useStay(stayId);
  const structureByCode = useStructureIdByCode(stay.data?.stay.structureCode ?? undefined);
  const structureId = structureByCode.data ?? session?.active?.structureId ?? null;
  const [recorded, setRecorded] = useState<RecordedOutcome | null>(() => recordedOf(location.state));
  const hasState = location.state !== null;
  // The outcome of the admission came with the navigation: shown once, not again on reload.
  useEffect(() => {
    if (hasState) navigate(".", { replace: true, state: null });
  }, [hasState, navigate]);
  const crumbs = [
    { label: t("nav.home"), to: "/" },
    { label: t("nav.guests"), to: structureId ? `/ospiti/${structureId}` : "/ospiti" },
  ];

  if (stay.isPending) return <Loading />;
  if (isApiError(stay.error) && (stay.error.status === 404 || stay.error.status === 400)) {
    return <NotFoundPage text={t("stays.stay.notFound")} />;
  }
  if (stay.error) {
    return (
      <>
        <PageHeader title={t("stays.stay.fallbackTitle")} crumbs={crumbs} />
        <ErrorAlert error={stay.error} />
      </>
    );
  }
  const { stay: summary, events, previousPlacements } = stay.data;
  const canWrite = can(session?.active, "stay.write") && structureId !== null;
  const name = minorNameOf(summary);

  return (
    <>
      <PageHeader title={t("stays.stay.title", { stayRef: summary.stayRef })} crumbs={crumbs}>
        {name ? (
          <p className="mb-1" id="stay-minor">
            {t("stays.stay.minor", { name, pseudonym: summary.pseudonym })}
          </p>
        ) : (
          summary.pseudonym && (
            <p className="mb-1" id="stay-minor">
              {t("stays.guests.columns.pseudonym")}: {summary.pseudonym}
            </p>
          )
        )}
        <p id="stay-structure">
          {t("stays.stay.structure", { name: summary.structureName, code: summary.structureCode })}
        </p>
        {summary.isPossibleDuplicate && (
          <p className="mb-0" id="stay-possible-duplicate">
            <Badge color="secondary">{t("stays.guests.possibleDuplicate")}</Badge>{" "}
            {t("stays.stay.possibleDuplicate")}
          </p>
        )}
      </PageHeader>
      {recorded && <RecordedAlert recorded={recorded} />}
      {summary.hasOverlap && (
        <div className="alert alert-danger" id="stay-overlap">
          <p className="fw-semibold mb-1">{t("stays.stay.overlapTitle")}</p>
          <p className="mb-0">{t("stays.stay.overlap")}</p>
        </div>
      )}
      {summary.isToBeConfirmed && (
        <div className="alert alert-warning" id="stay-to-be-confirmed">
          <p className="fw-semibold mb-1">{t("stays.stay.toBeConfirmedTitle")}</p>
          <p className="mb-0">{t("stays.stay.toBeConfirmed")}</p>
        </div>
      )}
      {summary.isOtherAdmissionToBeConfirmed && (
        <div className="alert alert-danger" id="stay-other-to-be-confirmed">
          <p className="fw-semibold mb-1">{t("stays.stay.otherToBeConfirmedTitle")}</p>
          <p className="mb-0">{t("stays.stay.otherToBeConfirmed")}</p>
        </div>
      )}
      <section aria-labelledby="stay-summary-heading" className="mb-4">
        <h2 id="stay-summary-heading" className="h4">
          {t("stays.stay.summaryHeading")}
        </h2>
        <StaySummaryView stay={summary} />
      </section>
      {canWrite && structureId && (
        <section aria-labelledby="stay-actions-heading" className="mb-5">
          <h2 id="stay-actions-heading" className="h4">
            {t("stays.stay.actionsHeading")}
          </h2>
          <StayActions
            stay={summary}
            events={events}
            structureId={structureId}
            onStart={() => setRecorded(null)}
            onRecorded={setRecorded}
          />
        </section>
      )}
      <section aria-labelledby="stay-timeline-heading" className="mb-5">
        <h2 id="stay-timeline-heading" className="h4">
          {t("stays.stay.timelineHeading")}
        </h2>
        <p>{t("stays.stay.timelineIntro")}</p>
        <StayTimelineView events={events} />
      </section>
      <section aria-labelledby="previous-placements-heading">
        <h2 id="previous-placements-heading" className="h4">
          {t("stays.stay.previousHeading")}
        </h2>
        <PreviousPlacementsTable placements={previousPlacements} />
      </section>
    </>
  );
}
