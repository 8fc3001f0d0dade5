import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams, useSearchParams } from "react-router";
import { labelOf } from "../../domain/code-lists/code-list.ts";
import { sinbaFormaInterventoAffido } from "../../domain/code-lists/sinba-codes.ts";
import { formatItalianDate } from "../../domain/time/calendar.ts";
import { ErrorAlert } from "../components/error-alert.tsx";
import { SelectField } from "../components/form-fields.tsx";
import { Loading } from "../components/loading.tsx";
import { PageHeader } from "../components/page-header.tsx";
import { CasePartForm } from "../features/cases/case-part-form.tsx";
import { caseParts, type PartType } from "../features/cases/case-parts.ts";
import {
  type CaseFile,
  type TimelineEntry,
  useCase,
  useCaseTimeline,
  useRecordCaseEvent,
} from "../features/cases/cases-api.ts";
import { CasePlacementRequests } from "../features/placements/case-placement-requests.tsx";
import { FindPlaceSection } from "../features/placements/find-place-section.tsx";

function Timeline({ entries }: { entries: TimelineEntry[] }) {
  const { t } = useTranslation();
  if (entries.length === 0) return <p>{t("cases.page.timelineEmpty")}</p>;
  return (
    <ol className="list-unstyled case-timeline" id="case-timeline">
      {entries.map((entry) => (
        <li key={`${entry.kind}-${entry.eventId}-${entry.date}`} className="border-start border-3 ps-3 pb-3">
          <p className="mb-1 small text-secondary">
            <time dateTime={entry.date}>{formatItalianDate(entry.date)}</time> ·{" "}
            {entry.source === "stay" ? t("cases.page.stayFact") : t("cases.page.caseFact")}
          </p>
          <p className="mb-1 fw-semibold">{entry.title}</p>
          {entry.detail && <p className="mb-0">{entry.detail}</p>}
        </li>
      ))}
    </ol>
  );
}

function RecordFacts({ file }: { file: CaseFile }) {
  const { t } = useTranslation();
  const [search] = useSearchParams();
  const asked = caseParts.find((candidate) => candidate.type === search.get("parte"));
  const [chosen, setChosen] = useState<PartType>(asked?.type ?? "assessment");
  const record = useRecordCaseEvent(file.caseId);
  const part = caseParts.find((candidate) => candidate.type === chosen) ?? caseParts[0];
  const episodes = file.projection.fosterCare
    .filter((episode) => episode.to === null)
    .map((episode) => ({
      value: episode.eventId,
      label: `${formatItalianDate(episode.date)} · ${labelOf(sinbaFormaInterventoAffido, episode.content.form) ?? ""}`,
    }));
  if (file.status === "closed") return <p className="alert alert-info">{t("cases.page.closedNotice")}</p>;
  return (
    <>
      <SelectField
        id="case-part-choice"
        label={t("cases.page.chooseForm")}
        value={chosen}
        options={caseParts.map((candidate) => ({
          value: candidate.type,
          label: t(`cases.parts.${candidate.type}`),
        }))}
        onChange={(event) => setChosen(event.target.value as PartType)}
      />
      {part && (
        <CasePartForm
          key={part.type}
          part={part}
          caseId={file.caseId}
          episodes={episodes}
          record={(event) => record.mutateAsync(event)}
        />
      )}
    </>
  );
}

/** A case: its summary, the minor-centred timeline, and a form per part of the case. */
export function CasePage() {
  const { t } = useTranslation();
  const { caseId = "" } = useParams();
  const file = useCase(caseId);
  const timeline = useCaseTimeline(caseId);
  const pseudonym = file.data?.minorPseudonym ?? "";
  return (
    <>
      <PageHeader
        title={t("cases.page.title", { pseudonym })}
        crumbs={[
          { label: t("nav.home"), to: "/" },
          { label: t("nav.cases"), to: "/cartelle" },
        ]}
      />
      {file.isPending ? (
        <Loading />
      ) : file.error ? (
        <ErrorAlert error={file.error} />
      ) : (
        <div className="row g-5">
          <div className="col-12 col-lg-7">
            <section id="case-record" aria-labelledby="case-record-heading" className="mb-5">
              <h2 id="case-record-heading" className="h4 mb-3">
                {t("cases.page.record")}
              </h2>
              <RecordFacts file={file.data} />
            </section>
            {file.data.status === "open" && <FindPlaceSection caseId={file.data.caseId} />}
            <CasePlacementRequests caseId={file.data.caseId} />
          </div>
          <div className="col-12 col-lg-5">
            <section id="case-summary" aria-labelledby="case-summary-heading" className="mb-4">
              <h2 id="case-summary-heading" className="h4">
                {t("cases.page.summary")}
              </h2>
              <dl className="row mb-0">
                <dt className="col-6">{t("cases.page.status")}</dt>
                <dd className="col-6">
                  {file.data.status === "open" ? t("cases.list.open") : t("cases.list.closed")}
                </dd>
                <dt className="col-6">{t("cases.page.openedOn")}</dt>
                <dd className="col-6">{formatItalianDate(file.data.openedOn)}</dd>
                <dt className="col-6">{t("cases.page.operator")}</dt>
                <dd className="col-6">{file.data.assignedOperatorName ?? t("cases.list.noOperator")}</dd>
                {file.data.closedOn && (
                  <>
                    <dt className="col-6">{t("cases.page.closedOn")}</dt>
                    <dd className="col-6">{formatItalianDate(file.data.closedOn)}</dd>
                  </>
                )}
              </dl>
            </section>
            <section aria-labelledby="case-timeline-heading">
              <h2 id="case-timeline-heading" className="h4">
                {t("cases.page.timeline")}
              </h2>
              <p>{t("cases.page.timelineIntro")}</p>
              {timeline.isPending ? (
                <Loading />
              ) : timeline.error ? (
                <ErrorAlert error={timeline.error} />
              ) : (
                <Timeline entries={timeline.data.entries} />
              )}
            </section>
          </div>
        </div>
      )}
    </>
  );
}
