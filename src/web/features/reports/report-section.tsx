import { type ReactNode, useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { ReportId } from "../../../domain/reports/report.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { Loading } from "../../components/loading.tsx";
import { useZones } from "../reference/reference-api.ts";
import { ReportChart } from "./report-chart.tsx";
import { isCrossTabulable, ReportCrossTable } from "./report-crosstab.tsx";
import { ReportDownloads } from "./report-downloads.tsx";
import { type ValueLabeller, valueLabellerOf } from "./report-labels.ts";
import { instantLabel, ProvisionalNotice, ReportDefinitions, ReportNotice } from "./report-notice.tsx";
import { ReportDataTable } from "./report-table.tsx";
import type { ReportResultResponse, ReportTableResponse } from "./reports-api.ts";
import { type ReportQuery, useReport } from "./reports-api.ts";

/** Labels of dimension values, with zone names from the reference API. */
export function useValueLabeller(): ValueLabeller {
  const zones = useZones();
  return useMemo(
    () => valueLabellerOf(new Map((zones.data ?? []).map((zone) => [zone.code, zone.name]))),
    [zones.data],
  );
}

/** One table of a report: its title, its chart (an image pointing to the table) and the table. */
function TableBlock({
  report,
  reportTitle,
  table,
  labelOf,
  headingLevel,
  threshold,
}: {
  report: ReportId;
  reportTitle: string;
  table: ReportTableResponse;
  labelOf: ValueLabeller;
  headingLevel: 3 | 4;
  threshold: number;
}) {
  const { t } = useTranslation();
  const id = `${report}-${table.id}`;
  const Heading = headingLevel === 3 ? "h3" : "h4";
  const msna =
    table.msnaIncluded === undefined
      ? null
      : table.msnaIncluded
        ? t("reports.table.msnaIncluded")
        : t("reports.table.msnaExcluded");
  return (
    <div className="report-block mb-5" data-table={table.id}>
      <Heading id={`${id}-heading`} className="h5">
        {table.title}
      </Heading>
      {(msna || table.note) && <p className="small mb-2">{[msna, table.note].filter(Boolean).join(" ")}</p>}
      {table.rows.length === 0 ? (
        <p>{t("reports.table.empty")}</p>
      ) : (
        <>
          <ReportChart id={id} table={table} labelOf={labelOf} threshold={threshold} />
          {isCrossTabulable(table) ? (
            <ReportCrossTable
              id={id}
              table={table}
              labelOf={labelOf}
              regionLabel={`${reportTitle}: ${table.title}`}
            />
          ) : (
            <ReportDataTable
              id={id}
              table={table}
              labelOf={labelOf}
              regionLabel={`${reportTitle}: ${table.title}`}
            />
          )}
        </>
      )}
    </div>
  );
}

/** Every table a report returned, in its order: nothing is assumed about which tables exist. */
export function ReportTables({
  result,
  headingLevel = 3,
  tableFilter,
}: {
  result: ReportResultResponse;
  headingLevel?: 3 | 4;
  tableFilter?: (table: ReportTableResponse) => boolean;
}) {
  const labelOf = useValueLabeller();
  const tables = tableFilter ? result.tables.filter(tableFilter) : result.tables;
  return (
    <>
      {tables.map((table) => (
        <TableBlock
          key={table.id}
          report={result.report}
          reportTitle={result.title}
          table={table}
          labelOf={labelOf}
          headingLevel={headingLevel}
          threshold={result.suppression.threshold}
        />
      ))}
    </>
  );
}

/**
 * A section of a dashboard fed by one report: heading, introduction, file links, the instant of
 * knowledge and every table. With `withNotice`, the full suppression or internal notice too.
 */
export function ReportSection({
  report,
  query,
  heading,
  intro,
  withNotice = false,
  tableFilter,
  indexId,
}: {
  report: ReportId;
  query: ReportQuery;
  heading: string;
  intro?: ReactNode;
  withNotice?: boolean;
  tableFilter?: (table: ReportTableResponse) => boolean;
  /** The id of the page's index, for a "back to the index" link at the end of the section. */
  indexId?: string;
}) {
  const { t } = useTranslation();
  const result = useReport(report, query);
  const data = result.data;
  return (
    <section className="mb-5 report-section" aria-labelledby={`${report}-section`} id={`section-${report}`}>
      <h2 id={`${report}-section`} className="h3">
        {heading}
      </h2>
      {intro && <p>{intro}</p>}
      <ReportDownloads report={report} query={query} title={heading} id={`${report}-downloads`} />
      {result.isPending && <Loading />}
      {result.error && <ErrorAlert error={result.error} />}
      {data && (
        <>
          {withNotice ? (
            <ReportNotice result={data} id={`${report}-notice`} />
          ) : (
            <>
              <p className="small">{t("reports.notice.asOf", { instant: instantLabel(data.asOf) })}</p>
              <ProvisionalNotice result={data} id={`${report}-provisional`} />
            </>
          )}
          <ReportTables result={data} tableFilter={tableFilter} />
          <ReportDefinitions result={data} />
        </>
      )}
      {indexId && (
        <p className="small">
          <a href={`#${indexId}`}>{t("reports.headline.backToIndex")}</a>
        </p>
      )}
    </section>
  );
}
