import { useTranslation } from "react-i18next";
import { isSuppressed } from "../../../domain/reports/report.ts";
import { TableRegion } from "../../components/table-region.tsx";
import { columnLabel, formatMeasure, type ValueLabeller } from "./report-labels.ts";
import { BlankTotal, BlankTotalsNote, rowKey, SuppressedMark } from "./report-table.tsx";
import type { ReportRowResponse, ReportTableResponse } from "./reports-api.ts";

/** A table of counts by two dimensions reads best as rows × columns, with the margins. */
export function isCrossTabulable(table: ReportTableResponse): boolean {
  return (
    table.dimensions.length === 2 &&
    table.measures.length === 1 &&
    table.measures[0] === "count" &&
    (table.labels ?? []).length === 0 &&
    table.rows.length > 0
  );
}

function distinct(rows: ReportRowResponse[], dimension: string): (string | number | null)[] {
  const seen = new Set<string>();
  const values: (string | number | null)[] = [];
  for (const row of rows) {
    const key = String(row[dimension]);
    if (!seen.has(key)) {
      seen.add(key);
      values.push(row[dimension]);
    }
  }
  return values;
}

/**
 * The first dimension down, the second across, with the margins of the lines that have no hidden
 * cell (the sum of a line with a hidden cell is not what is shown).
 */
export function ReportCrossTable({
  id,
  table,
  labelOf,
  regionLabel = table.title,
}: {
  id: string;
  table: ReportTableResponse;
  labelOf: ValueLabeller;
  regionLabel?: string;
}) {
  const { t } = useTranslation();
  const [down, across] = table.dimensions;
  const rowValues = distinct(table.rows, down);
  const columnValues = distinct(table.rows, across);
  const cells = new Map(table.rows.map((row) => [rowKey(row, table.dimensions), row]));
  // A line with a hidden cell has no printed margin: it is not the sum of what is shown.
  const marginOf = (line: (ReportRowResponse | undefined)[]) =>
    line.some((row) => row && isSuppressed(row, "count"))
      ? blank
      : formatMeasure(
          "count",
          line.reduce((total, row) => total + (typeof row?.count === "number" ? row.count : 0), 0),
        );
  const blank = <BlankTotal />;
  const hasBlankTotal = table.rows.some((row) => isSuppressed(row, "count"));
  const keyOf = (a: unknown, b: unknown) => `${String(a ?? "")}|${String(b ?? "")}`;
  return (
    <>
      <TableRegion label={regionLabel}>
        <table className="table table-sm align-middle report-table" id={id}>
          <caption className="caption-top">{table.title}</caption>
          <thead>
            <tr>
              <th scope="col">
                {columnLabel(down)} / {columnLabel(across)}
              </th>
              {columnValues.map((value) => (
                <th scope="col" key={String(value)} className="text-end">
                  {labelOf(across, value)}
                </th>
              ))}
              <th scope="col" className="text-end">
                {t("reports.table.total")}
              </th>
            </tr>
          </thead>
          <tbody>
            {rowValues.map((rowValue) => {
              const line = columnValues.map((columnValue) => cells.get(keyOf(rowValue, columnValue)));
              return (
                <tr key={String(rowValue)}>
                  <th scope="row" className="fw-normal">
                    {labelOf(down, rowValue)}
                  </th>
                  {columnValues.map((columnValue, index) => {
                    const row = line[index];
                    const key = keyOf(rowValue, columnValue);
                    if (row && isSuppressed(row, "count"))
                      return (
                        <td key={key} className="text-end" data-key={key} data-measure="count" data-flag="c">
                          <SuppressedMark />
                        </td>
                      );
                    return (
                      <td key={key} className="text-end" data-key={key} data-measure="count">
                        {typeof row?.count === "number"
                          ? formatMeasure("count", row.count)
                          : t("common.none")}
                      </td>
                    );
                  })}
                  <td className="text-end fw-semibold">{marginOf(line)}</td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr className="fw-semibold">
              <th scope="row">{t("reports.table.total")}</th>
              {columnValues.map((columnValue) => (
                <td key={String(columnValue)} className="text-end">
                  {marginOf(rowValues.map((rowValue) => cells.get(keyOf(rowValue, columnValue))))}
                </td>
              ))}
              <td className="text-end report-total" data-measure="count">
                {typeof table.total === "number"
                  ? formatMeasure("count", table.total)
                  : hasBlankTotal
                    ? blank
                    : ""}
              </td>
            </tr>
          </tfoot>
        </table>
      </TableRegion>
      {hasBlankTotal && <BlankTotalsNote id={`${id}-blank-totals`} />}
    </>
  );
}
