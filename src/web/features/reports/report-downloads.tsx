import { useTranslation } from "react-i18next";
import type { ReportId } from "../../../domain/reports/report.ts";
import { fileFormats, type ReportQuery, reportFileUrl } from "./reports-api.ts";

/** Plain links to the same report as CSV, XLSX and PDF: the server builds every file. */
export function ReportDownloads({
  report,
  query,
  title,
  id,
}: {
  report: ReportId;
  query: ReportQuery;
  title: string;
  id: string;
}) {
  const { t } = useTranslation();
  const label = t("reports.downloads.label", { title });
  return (
    <ul className="list-inline mb-3 report-downloads" id={id} aria-label={label}>
      {fileFormats.map((format) => (
        <li key={format} className="list-inline-item">
          <a
            className="btn btn-outline-primary btn-xs"
            href={reportFileUrl(report, query, format)}
            download
            data-format={format}
          >
            {t(`reports.downloads.${format}`)}
            <span className="visually-hidden"> – {title}</span>
          </a>
        </li>
      ))}
    </ul>
  );
}
