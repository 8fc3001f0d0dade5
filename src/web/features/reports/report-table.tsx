import { useTranslation } from "react-i18next";
import { isSuppressed } from "../../../domain/reports/report.ts";
import { TableRegion } from "../../components/table-region.tsx";
import { columnLabel, formatMeasure, type ValueLabeller } from "./report-labels.ts";
import type { ReportRowResponse, ReportTableResponse } from "./reports-api.ts";

/** The key of a row by its dimension values, for tests and for React. */
export function rowKey(row: ReportRowResponse, dimensions: string[]): string {
  return dimensions.map((dimension) => String(row[dimension] ?? "")).join("|");
}

/** A cell hidden by disclosure control: "c", explained by the legend. */
export function SuppressedMark() {
  const { t } = useTranslation();
  return (
    <abbr title={t("reports.table.suppressedCell")} className="report-suppressed">
      c
    </abbr>
  );
}

/** A total left blank because it includes protected cells: marked, and explained by the note. */
export function BlankTotal() {
  const { t } = useTranslation();
  return (
    <span className="report-blank-total" data-blank-total="true">
      <span aria-hidden="true">*</span>
      <span className="visually-hidden">{t("reports.chart.blankTotal")}</span>
    </span>
  );
}

export function BlankTotalsNote({ id }: { id: string }) {
  const { t } = useTranslation();
  return (
    <p className="small report-blank-totals" id={id}>
      <span aria-hidden="true">* </span>
      {t("reports.chart.blankTotals")}
    </p>
  );
}

function MeasureCell({ row, measure }: { row: ReportRowResponse; measure: string }) {
  const { t } = useTranslation();
  const value = row[measure];
  if (isSuppressed(row, measure)) {
    return (
      <td className="text-end" data-measure={measure} data-flag="c">
        <SuppressedMark />
      </td>
    );
  }
  return (
    <td className="text-end" data-measure={measure}>
      {typeof value === "number" ? formatMeasure(measure, value) : (value ?? t("common.none"))}
    </td>
  );
}

/**
 * The totals of the footer: by measure when the table gives them, else the count's total; a
 * count's total withheld because of protected cells stays, blank and explained.
 */
function footerOf(table: ReportTableResponse, hasProtected: boolean): Record<string, number | null> | null {
  if (table.totals) return table.totals;
  if (table.total === undefined || (table.total === null && !hasProtected)) return null;
  return table.measures.includes("count") ? { count: table.total } : null;
}

export function hasProtectedCells(table: ReportTableResponse): boolean {
  return table.rows.some((row) => table.measures.some((measure) => isSuppressed(row, measure)));
}

/**
 * Any table of a report: its dimensions as row headers, its measures as numbers, a suppressed
 * cell as "c" (explained by the legend), the total of the population in the footer.
 */
export function ReportDataTable({
  id,
  table,
  labelOf,
  regionLabel = table.title,
}: {
  id: string;
  table: ReportTableResponse;
  labelOf: ValueLabeller;
  /** The name of the scrollable region: unique on the page, where several reports share titles. */
  regionLabel?: string;
}) {
  const { t } = useTranslation();
  const [first, ...others] = table.dimensions;
  const labels = table.labels ?? [];
  const hasProtected = hasProtectedCells(table);
  const footer = footerOf(table, hasProtected);
  const hasBlankTotal =
    hasProtected && footer !== null && table.measures.some((measure) => footer[measure] === null);
  return (
    <>
      <TableRegion label={regionLabel}>
        <table className="table table-sm align-middle report-table" id={id}>
          <caption className="caption-top">{table.title}</caption>
          <thead>
            <tr>
              {[...table.dimensions, ...labels].map((name) => (
                <th scope="col" key={name}>
                  {columnLabel(name)}
                </th>
              ))}
              {table.measures.map((measure) => (
                <th scope="col" key={measure} className="text-end">
                  {columnLabel(measure)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row) => (
              <tr key={rowKey(row, table.dimensions)} data-key={rowKey(row, table.dimensions)}>
                {first !== undefined && (
                  <th scope="row" className="fw-normal">
                    {labelOf(first, row[first])}
                  </th>
                )}
                {others.map((dimension) => (
                  <td key={dimension}>{labelOf(dimension, row[dimension])}</td>
                ))}
                {labels.map((name) => (
                  <td key={name}>{labelOf(name, row[name])}</td>
                ))}
                {table.measures.map((measure) => (
                  <MeasureCell key={measure} row={row} measure={measure} />
                ))}
              </tr>
            ))}
          </tbody>
          {footer && table.dimensions.length + labels.length > 0 && (
            <tfoot>
              <tr className="fw-semibold">
                <th scope="row" colSpan={table.dimensions.length + labels.length}>
                  {t("reports.table.total")}
                </th>
                {table.measures.map((measure) => (
                  <td key={measure} className="text-end report-total" data-measure={measure}>
                    {typeof footer[measure] === "number" ? (
                      formatMeasure(measure, footer[measure])
                    ) : hasBlankTotal ? (
                      <BlankTotal />
                    ) : (
                      ""
                    )}
                  </td>
                ))}
              </tr>
            </tfoot>
          )}
        </table>
      </TableRegion>
      {hasBlankTotal && <BlankTotalsNote id={`${id}-blank-totals`} />}
    </>
  );
}
