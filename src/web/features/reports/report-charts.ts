import { isSuppressed } from "../../../domain/reports/report.ts";
import type { ChartOption } from "../../components/echart.tsx";
import { columnLabel, isMonthDimension, type ValueLabeller } from "./report-labels.ts";
import type { ReportRowResponse, ReportTableResponse } from "./reports-api.ts";

/** Bootstrap Italia's blue first, then colours with enough contrast on white and between them. */
const palette = ["#0066cc", "#00804d", "#a66300", "#5d7083", "#8f2d8f", "#cc334d", "#004080", "#2e7d6b"];
const textStyle = { fontFamily: "'Titillium Web', Geneva, Tahoma, sans-serif", color: "#1a1a1a" };

/** Dimensions that name individual structures or minors: a table, never a chart. */
const listDimensions = new Set(["structure", "structureCode", "structureName", "pseudonym"]);
const maximumCategories = 40;

/** Values that are not categories of their own: they would double the bars. */
function isTotalRow(row: ReportRowResponse, dimensions: string[]): boolean {
  return dimensions.some((dimension) => row[dimension] === "total");
}

function measureOf(row: ReportRowResponse, measure: string): number | null {
  const value = row[measure];
  return typeof value === "number" ? value : null;
}

/** The colour of what is protected: the grey of the palette, hatched, never a filled bar. */
const protectedColour = "#5d7083";

/**
 * A protected bar: a dashed, hatched outline as tall as the largest value that the threshold
 * hides, labelled "c"; the tooltip says "dato protetto" instead of a number.
 */
function protectedBar(height: number) {
  return {
    value: height,
    isProtected: true,
    itemStyle: {
      color: "rgba(93, 112, 131, 0.08)",
      borderColor: protectedColour,
      borderType: "dashed",
      borderWidth: 1.5,
      decal: {
        symbol: "rect",
        symbolSize: 1,
        dashArrayX: [1, 0],
        dashArrayY: [2, 5],
        rotation: -Math.PI / 4,
        color: "rgba(93, 112, 131, 0.55)",
      },
    },
    label: { show: true, position: "top", formatter: "c", color: protectedColour, fontWeight: "bold" },
    emphasis: { disabled: true },
  };
}

type DrawnValue = number | null | ReturnType<typeof protectedBar>;

/** A cell as drawn: its number, a protected bar, or (on a line) a gap. */
function drawnValue(
  row: ReportRowResponse | undefined,
  measure: string,
  isLine: boolean,
  height: number,
): DrawnValue {
  if (!row) return null;
  if (isSuppressed(row, measure)) return isLine ? null : protectedBar(height);
  return measureOf(row, measure);
}

type TooltipItem = {
  marker?: string;
  seriesName?: string;
  value?: unknown;
  data?: unknown;
  axisValueLabel?: string;
};

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

/** The tooltip of a category: each series' number, or "dato protetto" for a protected cell. */
function tooltipOf(items: TooltipItem | TooltipItem[]): string {
  const list = Array.isArray(items) ? items : [items];
  const heading = list[0]?.axisValueLabel ? `${escapeHtml(list[0].axisValueLabel)}<br/>` : "";
  return (
    heading +
    list
      .map((item) => {
        const isProtected = (item.data as { isProtected?: boolean } | null)?.isProtected === true;
        const value = isProtected
          ? "dato protetto (c)"
          : item.value === null || item.value === undefined
            ? "—"
            : String(item.value);
        return `${item.marker ?? ""}${escapeHtml(item.seriesName ?? "")}: ${value}`;
      })
      .join("<br/>")
  );
}

/** How many of the cells a chart would draw are protected, out of how many. */
export type ChartProtection = { protectedCells: number; drawnCells: number; isLine: boolean };

export function chartProtectionOf(table: ReportTableResponse): ChartProtection {
  const dimensions = table.dimensions;
  const rows = table.rows.filter((row) => !isTotalRow(row, dimensions));
  const measures =
    dimensions.length === 2 ? drawnMeasures(table).measures.slice(0, 1) : drawnMeasures(table).measures;
  let protectedCells = 0;
  for (const row of rows) for (const measure of measures) if (isSuppressed(row, measure)) protectedCells += 1;
  return {
    protectedCells,
    drawnCells: rows.length * measures.length,
    isLine: dimensions.some(isMonthDimension),
  };
}

function distinct(rows: ReportRowResponse[], dimension: string): string[] {
  return [...new Set(rows.map((row) => String(row[dimension] ?? "")))];
}

/** The measures drawn: places as occupied + free when both are there, shares never. */
function drawnMeasures(table: ReportTableResponse): { measures: string[]; stacked: boolean } {
  const free = table.measures.find((measure) => measure === "freePlaces" || measure === "free");
  if (table.measures.includes("present") && free) return { measures: ["present", free], stacked: true };
  const measures = table.measures.filter((measure) => !/share|ratio|rate|median|p90/i.test(measure));
  return { measures: measures.length > 0 ? measures : table.measures.slice(0, 1), stacked: false };
}

function base(categories: string[], isLine: boolean): ChartOption {
  const isCrowded = categories.length > 6 || categories.some((category) => category.length > 14);
  return {
    animation: false,
    textStyle,
    color: palette,
    tooltip: { trigger: "axis", axisPointer: { type: isLine ? "line" : "shadow" }, formatter: tooltipOf },
    legend: { top: 0, type: "scroll" },
    grid: { left: 16, right: 16, bottom: 16, top: 48, containLabel: true },
    xAxis: {
      type: "category",
      data: categories,
      boundaryGap: !isLine,
      axisLabel: { interval: 0, rotate: isCrowded ? 30 : 0, width: 140, overflow: "truncate" },
    },
    yAxis: { type: "value", minInterval: 1 },
  };
}

/**
 * The chart that suits a table: one dimension → bars, two → grouped bars (the second dimension
 * as series), a month dimension → lines. Null when the table is a list or has nothing to draw.
 * A protected cell (suppressed for statistical confidentiality) is never a zero: a hatched "c"
 * bar as tall as `protectedHeight` (the largest value the threshold hides), a gap on a line.
 */
export function chartOptionOf(
  table: ReportTableResponse,
  labelOf: ValueLabeller,
  protectedHeight = 2,
): ChartOption | null {
  const dimensions = table.dimensions;
  if (dimensions.length === 0 || dimensions.length > 2) return null;
  if (dimensions.some((dimension) => listDimensions.has(dimension))) return null;
  const rows = table.rows.filter((row) => !isTotalRow(row, dimensions));
  if (rows.length === 0) return null;
  const monthIndex = dimensions.findIndex(isMonthDimension);
  const isLine = monthIndex >= 0;
  const axisDimension = isLine ? dimensions[monthIndex] : dimensions[0];
  const seriesDimension = dimensions.find((dimension) => dimension !== axisDimension);
  const axisValues = distinct(rows, axisDimension);
  if (axisValues.length > maximumCategories) return null;
  const categories = axisValues.map((value) => labelOf(axisDimension, value));
  const type = isLine ? "line" : "bar";
  const common = isLine ? { symbolSize: 5, lineStyle: { width: 3 } } : { barMaxWidth: 64 };

  if (seriesDimension) {
    const [measure] = drawnMeasures(table).measures;
    const seriesValues = distinct(rows, seriesDimension);
    return {
      ...base(categories, isLine),
      series: seriesValues.map((seriesValue) => ({
        name: labelOf(seriesDimension, seriesValue),
        type,
        ...common,
        data: axisValues.map((axisValue) => {
          const row = rows.find(
            (candidate) =>
              String(candidate[axisDimension]) === axisValue &&
              String(candidate[seriesDimension]) === seriesValue,
          );
          return drawnValue(row, measure, isLine, protectedHeight);
        }),
      })),
    };
  }
  const { measures, stacked } = drawnMeasures(table);
  const option = base(categories, isLine);
  return {
    ...option,
    legend: measures.length > 1 ? option.legend : { show: false },
    series: measures.map((measure) => ({
      name: columnLabel(measure),
      type,
      ...common,
      ...(stacked ? { stack: "places" } : {}),
      data: rows.map((row) => drawnValue(row, measure, isLine, protectedHeight)),
    })),
  };
}
