import { useTranslation } from "react-i18next";
import { internalViewNotice, provisionalNotice } from "../../../domain/reports/report.ts";
import { referencePeriodEnd } from "../../../domain/reports/report-parameters.ts";
import type { ReportResultResponse } from "./reports-api.ts";

const instantFormat = new Intl.DateTimeFormat("it-IT", {
  dateStyle: "long",
  timeStyle: "short",
  timeZone: "Europe/Rome",
});

export function instantLabel(instant: string): string {
  const date = new Date(instant);
  return Number.isNaN(date.getTime()) ? instant : instantFormat.format(date);
}

/** "Dati provvisori…" when the report's period is not over yet, as in the files. */
export function ProvisionalNotice({ result, id }: { result: ReportResultResponse; id?: string }) {
  const end = referencePeriodEnd(result.report, result.parameters);
  if (!result.provisional || !end) return null;
  return (
    <p className="fw-semibold report-provisional" id={id}>
      {provisionalNotice(end)}
    </p>
  );
}

/**
 * What a reader must know before using the figures: up to when they were recorded and whether
 * they are an internal view or published with statistical confidentiality (then the legend of
 * "c" and the threshold).
 */
export function ReportNotice({ result, id }: { result: ReportResultResponse; id: string }) {
  const { t } = useTranslation();
  const { applied, threshold } = result.suppression;
  return (
    <div className={`alert ${applied ? "alert-info" : "alert-warning"} report-notice`} id={id}>
      <p className="mb-1">{t("reports.notice.asOf", { instant: instantLabel(result.asOf) })}</p>
      <ProvisionalNotice result={result} />
      {applied ? (
        <>
          <p className="mb-1 report-suppression">
            {t("reports.notice.published", { threshold, below: Math.max(threshold - 1, 1) })}
          </p>
          <p className="fw-semibold mb-0">{t("reports.notice.legendTitle")}</p>
          <ul className="mb-0 report-legend">
            <li>{t("reports.notice.legendSuppressed")}</li>
            <li>{t("reports.notice.legendDash")}</li>
          </ul>
        </>
      ) : (
        <p className="mb-0 fw-semibold report-internal">{internalViewNotice}</p>
      )}
    </div>
  );
}

/** The common definitions the report applies, and its source, folded. */
export function ReportDefinitions({ result }: { result: ReportResultResponse }) {
  const { t } = useTranslation();
  if (result.definitions.length === 0 && !result.source) return null;
  return (
    <details className="mb-4 report-definitions">
      <summary>{t("reports.notice.definitions")}</summary>
      <ul className="mt-2">
        {result.definitions.map((definition) => (
          <li key={definition}>{definition}</li>
        ))}
      </ul>
      {result.source && <p className="small">{t("reports.notice.source", { source: result.source })}</p>}
    </details>
  );
}
