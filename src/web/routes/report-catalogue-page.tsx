import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { type ReportId, reportIds } from "../../domain/reports/report.ts";
import { reportParameterNames } from "../../domain/reports/report-parameters.ts";
import { ErrorAlert } from "../components/error-alert.tsx";
import { Loading } from "../components/loading.tsx";
import { PageHeader } from "../components/page-header.tsx";
import { useSession } from "../features/access/session-api.ts";
import { ReportDownloads } from "../features/reports/report-downloads.tsx";
import { ReportDefinitions, ReportNotice } from "../features/reports/report-notice.tsx";
import {
  defaultParameters,
  type ParameterValues,
  parameterLabel,
  queryOf,
  ReportParametersForm,
} from "../features/reports/report-parameters-form.tsx";
import { ReportTables } from "../features/reports/report-section.tsx";
import { useReport, useReportCatalogue } from "../features/reports/reports-api.ts";

function isReportId(value: string | null): value is ReportId {
  return reportIds.includes(value as ReportId);
}

/** The catalogue of reports: choose one, set its parameters, see it and download every format. */
export function ReportCataloguePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const { data: session } = useSession();
  const catalogue = useReportCatalogue();
  const chosen = params.get("report");
  const report = isReportId(chosen) ? chosen : null;
  // The Procura list names minors: it lives on the structure's page, for its manager only.
  const entries = (catalogue.data ?? []).filter((entry) => entry.id !== "procura-list");
  const entry = entries.find((candidate) => candidate.id === report);
  const title = entry?.title ?? "";
  const values = useMemo(() => {
    if (!report) return {};
    const fromUrl: ParameterValues = Object.fromEntries(
      [...params.entries()].filter(([key]) => key !== "report"),
    );
    return Object.keys(fromUrl).length > 0 ? fromUrl : defaultParameters(report);
  }, [params, report]);
  const query = queryOf(values);
  const isComplete =
    report !== null &&
    entry !== undefined &&
    reportParameterNames[report].every((name) => Boolean(values[name]));
  const result = useReport(report ?? "out-of-family-stock", query, isComplete);
  const canChoosePublication = session?.active?.role !== "observatory";
  const fieldLabels: Record<string, string> = {
    "/asOf": t("reports.catalogue.asOfField"),
    ...Object.fromEntries(
      (entry?.parameters ?? []).map((parameter) => [`/${parameter.name}`, parameterLabel(t, parameter)]),
    ),
  };

  return (
    <>
      <PageHeader title={t("reports.catalogue.title")} crumbs={[{ label: t("nav.home"), to: "/" }]}>
        <p>{t("reports.catalogue.intro")}</p>
      </PageHeader>
      {catalogue.isPending && <Loading />}
      {catalogue.error && <ErrorAlert error={catalogue.error} />}
      <ul className="row list-unstyled g-3 mb-5" id="report-catalogue">
        {entries.map((candidate) => (
          <li key={candidate.id} className="col-12 col-md-6 col-lg-4" data-report={candidate.id}>
            <div
              className={`card card-bg shadow-sm h-100${candidate.id === report ? " border border-primary" : ""}`}
            >
              <div className="card-body">
                <h2 className="card-title h5">
                  <Link
                    to={`?report=${candidate.id}`}
                    aria-current={candidate.id === report ? "true" : undefined}
                  >
                    {candidate.title}
                  </Link>
                </h2>
                <p className="card-text small">{candidate.description}</p>
              </div>
            </div>
          </li>
        ))}
      </ul>
      {report && entry && (
        <>
          <ReportParametersForm
            report={report}
            title={title}
            parameters={entry.parameters}
            values={values}
            canChoosePublication={canChoosePublication}
            onApply={(next) =>
              setParams({ report, ...Object.fromEntries(Object.entries(next).filter(([, v]) => v)) })
            }
          />
          {!isComplete && <p role="status">{t("reports.catalogue.invalid")}</p>}
          {isComplete && (
            <section aria-labelledby="report-result-heading" id="report-result">
              <h2 id="report-result-heading" className="h4">
                {result.data?.title ?? title}
              </h2>
              <ReportDownloads report={report} query={query} title={title} id="report-result-downloads" />
              {result.isFetching && !result.data && <Loading />}
              {result.error && <ErrorAlert error={result.error} fieldLabels={fieldLabels} />}
              {result.data && result.data.report === report && (
                <>
                  <ReportNotice result={result.data} id="report-result-notice" />
                  <ReportTables result={result.data} />
                  <ReportDefinitions result={result.data} />
                </>
              )}
            </section>
          )}
        </>
      )}
    </>
  );
}
