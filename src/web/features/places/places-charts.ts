import type { ChartOption } from "../../components/echart.tsx";
import type { OccupancyPoint, PlacesTotals } from "../stays/stays-api.ts";

/** Bootstrap Italia's blue and a green with enough contrast on white. */
const occupiedColour = "#0066cc";
const freeColour = "#00804d";
const authorisedColour = "#5d7083";
const textStyle = { fontFamily: "'Titillium Web', Geneva, Tahoma, sans-serif", color: "#1a1a1a" };

/** Occupied and free places per zone, stacked: the places of each zone at a glance. */
export function placesByZoneOption(
  byZone: PlacesTotals[],
  names: { occupied: string; free: string },
): ChartOption {
  return {
    animation: false,
    textStyle,
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    legend: { top: 0 },
    grid: { left: 16, right: 16, bottom: 16, top: 48 },
    xAxis: {
      type: "category",
      data: byZone.map((zone) => zone.key),
      axisLabel: { interval: 0, rotate: byZone.length > 5 ? 30 : 0 },
    },
    yAxis: { type: "value", minInterval: 1 },
    series: [
      {
        name: names.occupied,
        type: "bar",
        stack: "places",
        barMaxWidth: 96,
        data: byZone.map((zone) => zone.present),
        itemStyle: { color: occupiedColour },
      },
      {
        name: names.free,
        type: "bar",
        stack: "places",
        barMaxWidth: 96,
        data: byZone.map((zone) => zone.free),
        itemStyle: { color: freeColour },
      },
    ],
  };
}

/** Present at each month end against the places authorised then. */
export function occupancyOption(
  points: OccupancyPoint[],
  monthOf: (day: string) => string,
  names: { present: string; authorisedPlaces: string },
): ChartOption {
  return {
    animation: false,
    textStyle,
    tooltip: { trigger: "axis" },
    legend: { top: 0 },
    grid: { left: 16, right: 16, bottom: 16, top: 48 },
    xAxis: { type: "category", data: points.map((point) => monthOf(point.day)), boundaryGap: false },
    yAxis: { type: "value", minInterval: 1 },
    series: [
      {
        name: names.present,
        type: "line",
        data: points.map((point) => point.present),
        symbolSize: 5,
        itemStyle: { color: occupiedColour },
        lineStyle: { width: 3 },
      },
      {
        name: names.authorisedPlaces,
        type: "line",
        step: "end",
        showSymbol: false,
        data: points.map((point) => point.authorisedPlaces),
        itemStyle: { color: authorisedColour },
        lineStyle: { type: "dashed", width: 2 },
      },
    ],
  };
}
