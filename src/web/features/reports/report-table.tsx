import { useTranslation } from "react-i18next";
import { isSuppressed } from "../../../domain/reports/report.ts";
import { TableRegion } from "../../components/table-region.tsx";
import { columnLabel, formatMeasure, type ValueLabeller } from "./report-labels.ts";
import type { ReportRow, ReportTable } from "./reports-api.ts";

/** The key of a row by its dimension values, for tests and for React. */
export function rowKey(row: ReportRow, dimensions: string[]): string {
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

function MeasureCell({ row, measure }: { row: ReportRow; measure: string }) {
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

/** The totals of the footer: by measure when the table gives them, else the count's total. */
function footerOf(table: ReportTable): Record<string, number | null> | null {
  if (table.totals) return table.totals;
  if (table.total === null || table.total === undefined) return null;
  return table.measures.includes("count") ? { count: table.total } : null;
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
  table: ReportTable;
  labelOf: ValueLabeller;
  /** The name of the scrollable region: unique on the page, where several reports share titles. */
  regionLabel?: string;
}) {
  const { t } = useTranslation();
  const [first, ...others] = table.dimensions;
  const labels = table.labels ?? [];
  const footer = footerOf(table);
  return (
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
                  {typeof footer[measure] === "number" ? formatMeasure(measure, footer[measure]) : ""}
                </td>
              ))}
            </tr>
          </tfoot>
        )}
      </table>
    </TableRegion>
  );
}
