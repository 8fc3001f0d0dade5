import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { LazyChart } from "../../components/lazy-chart.tsx";
import { chartOptionOf, chartProtectionOf } from "./report-charts.ts";
import type { ValueLabeller } from "./report-labels.ts";
import type { ReportTableResponse } from "./reports-api.ts";

/**
 * The chart of a table, with what a reader needs about protected cells: a legend of the hatched
 * "c" bars (or of the gaps of a line) and, when every value is protected, a sentence saying so
 * instead of an empty chart.
 */
export function ReportChart({
  id,
  table,
  labelOf,
  threshold,
}: {
  id: string;
  table: ReportTableResponse;
  labelOf: ValueLabeller;
  threshold: number;
}) {
  const { t } = useTranslation();
  const hiddenUpTo = Math.max(1, threshold - 1);
  const option = useMemo(() => chartOptionOf(table, labelOf, hiddenUpTo), [table, labelOf, hiddenUpTo]);
  const protection = useMemo(() => chartProtectionOf(table), [table]);
  if (!option) return null;
  if (protection.protectedCells > 0 && protection.protectedCells === protection.drawnCells) {
    return (
      <p className="alert alert-info report-chart-protected" id={`${id}-chart-protected`}>
        {t("reports.chart.allProtected")}
      </p>
    );
  }
  const label = t("reports.table.chartLabel", { title: table.title });
  return (
    <>
      <LazyChart
        id={`${id}-chart`}
        option={option}
        label={
          protection.protectedCells > 0
            ? `${label} ${t("reports.chart.protectedCount", { count: protection.protectedCells })}`
            : label
        }
      />
      {protection.protectedCells > 0 && (
        <p className="small report-chart-legend" id={`${id}-chart-legend`}>
          {!protection.isLine && <span className="report-protected-swatch" aria-hidden="true" />}
          {protection.isLine
            ? t("reports.chart.protectedGaps")
            : t("reports.chart.protectedBars", { below: hiddenUpTo })}
        </p>
      )}
    </>
  );
}
