import { describe, expect, it } from "vitest";
import { chartOptionOf, chartProtectionOf } from "./report-charts.ts";
import { valueLabellerOf } from "./report-labels.ts";
import type { ReportTableResponse } from "./reports-api.ts";

const labelOf = valueLabellerOf();

function table(rows: ReportTableResponse["rows"], dimensions = ["sex"]): ReportTableResponse {
  return { id: "by-sex", title: "Per sesso", dimensions, measures: ["count"], rows, total: null };
}

type Series = { data: unknown[] };
const seriesOf = (option: unknown) => (option as { series: Series[] }).series;

describe("charts of published reports with protected cells", () => {
  it("draws a protected cell as a hatched «c» bar, never as zero or a number", () => {
    const option = chartOptionOf(
      table([
        { sex: "M", count: 7 },
        { sex: "F", count: null, flag: "c" },
      ]),
      labelOf,
      2,
    );
    const [bars] = seriesOf(option);
    expect(bars.data[0]).toBe(7);
    const hidden = bars.data[1] as {
      value: number;
      isProtected: boolean;
      label: { formatter: string };
      itemStyle: { borderType: string; decal: unknown };
    };
    expect(hidden.isProtected).toBe(true);
    expect(hidden.value).toBe(2);
    expect(hidden.label.formatter).toBe("c");
    expect(hidden.itemStyle.borderType).toBe("dashed");
    expect(hidden.itemStyle.decal).toBeDefined();
    const tooltip = (option as { tooltip: { formatter: (items: unknown[]) => string } }).tooltip.formatter;
    expect(
      tooltip([
        { seriesName: "Minori", value: 2, data: hidden, axisValueLabel: "Femmine" },
        { seriesName: "Minori", value: 7, data: 7 },
      ]),
    ).toBe("Femmine<br/>Minori: dato protetto (c)<br/>Minori: 7");
  });

  it("leaves a gap on a line, and counts what is protected", () => {
    const rows: ReportTableResponse["rows"] = [
      { month: "2026-01", count: 5 },
      { month: "2026-02", count: null, flag: "c" },
    ];
    const option = chartOptionOf(table(rows, ["month"]), labelOf, 2);
    expect(seriesOf(option)[0].data).toEqual([5, null]);
    expect(chartProtectionOf(table(rows, ["month"]))).toEqual({
      protectedCells: 1,
      drawnCells: 2,
      isLine: true,
    });
  });

  it("knows a chart whose every value is protected", () => {
    const protectedRows = [
      { sex: "M", count: null, flag: "c" as const },
      { sex: "F", count: null, flag: "c" as const },
    ];
    expect(chartProtectionOf(table(protectedRows))).toEqual({
      protectedCells: 2,
      drawnCells: 2,
      isLine: false,
    });
    expect(chartProtectionOf(table([{ sex: "M", count: 3 }]))).toEqual({
      protectedCells: 0,
      drawnCells: 1,
      isLine: false,
    });
  });
});
