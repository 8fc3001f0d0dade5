import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderWeb } from "../../../../test/support/render-web.tsx";
import { headlineFigures, sameDayYearBefore } from "./headline-figures.ts";
import { HeadlineFiguresPanel, SectionIndex } from "./headline-figures.tsx";
import type { ReportResultResponse, ReportTableResponse } from "./reports-api.ts";

function stockResult(tables: ReportTableResponse[]): ReportResultResponse {
  return {
    report: "out-of-family-stock",
    title: "Minori fuori famiglia",
    parameters: {},
    asOf: "2026-06-30T22:00:00.000Z",
    suppression: { applied: false, threshold: 3 },
    provisional: false,
    definitions: [],
    source: "",
    tables,
  };
}

const table = (id: string, rows: ReportTableResponse["rows"], total: number | null): ReportTableResponse => ({
  id,
  title: id,
  dimensions: [],
  measures: ["count"],
  rows,
  total,
});

const current = stockResult([
  table(
    "by-setting",
    [
      { setting: "residential", count: 7500 },
      { setting: "foster-care", count: 5000 },
    ],
    12500,
  ),
  table("by-age-class-sex", [], 7500),
  table(
    "by-setting-citizenship-group",
    [
      { setting: "residential", citizenshipGroup: "italian", count: 4000 },
      { setting: "residential", citizenshipGroup: "msna", count: 1700 },
      { setting: "residential", citizenshipGroup: "foreign", count: 1800 },
      { setting: "foster-care", citizenshipGroup: "italian", count: 4000 },
      { setting: "foster-care", citizenshipGroup: "msna", count: 0 },
      { setting: "foster-care", citizenshipGroup: "foreign", count: 1000 },
    ],
    12500,
  ),
  table("young-adults-by-setting-sex", [], 64),
]);
const yearBefore = stockResult([table("by-setting", [], 10000)]);

describe("the headline of Monitoraggio", () => {
  it("takes the same day a year before, 29 February falling back to the 28th", () => {
    expect(sameDayYearBefore("2026-12-03")).toBe("2025-12-03");
    expect(sameDayYearBefore("2028-02-29")).toBe("2027-02-28");
    expect(sameDayYearBefore("2027-03-01")).toBe("2026-03-01");
  });

  it("reads published totals and sums of published cells only", () => {
    expect(headlineFigures(current, yearBefore)).toEqual({
      total: 12500,
      totalYearBefore: 10000,
      change: 2500,
      changeShare: 0.25,
      msna: 1700,
      youngAdults: 64,
      fosterShare: 0.4,
    });
  });

  it("withholds a figure when a cell it would sum is withheld, and the change when a total is", () => {
    const protectedCurrent = stockResult([
      table("by-setting", [], null),
      table(
        "by-setting-citizenship-group",
        [
          { setting: "residential", citizenshipGroup: "msna", count: null, flag: "c" },
          { setting: "residential", citizenshipGroup: "italian", count: 40 },
        ],
        null,
      ),
    ]);
    const figures = headlineFigures(protectedCurrent, yearBefore);
    expect(figures).toMatchObject({
      total: null,
      change: null,
      changeShare: null,
      msna: null,
      youngAdults: null,
    });
    expect(headlineFigures(current, undefined)).toMatchObject({ total: 12500, change: null });
  });

  it("gives the share in foster care from the setting table", () => {
    const withFoster = stockResult([
      table(
        "by-setting",
        [
          { setting: "residential", count: 600 },
          { setting: "foster-care", count: 400 },
        ],
        1000,
      ),
    ]);
    expect(headlineFigures(withFoster, undefined).fosterShare).toBe(0.4);
  });

  it("shows the figures in Italian, with the change signed and a withheld one named", () => {
    renderWeb(
      <HeadlineFiguresPanel current={current} yearBefore={yearBefore} yearBeforeLabel="03/12/2025" />,
    );
    const panel = screen.getByTestId("headline-figures");
    const figureOf = (label: string) => within(panel).getByText(label).nextElementSibling?.textContent;
    expect(figureOf("Minori fuori famiglia")).toBe("12.500");
    expect(figureOf("Variazione su un anno prima")).toBe("+2500 (+25%)");
    expect(within(panel).getByText("Il 03/12/2025: 10.000")).toBeTruthy();
    expect(figureOf("Di cui minori stranieri non accompagnati")).toBe("1700");
    expect(figureOf("Giovani di 18-21 anni in prosieguo")).toBe("64");
    expect(figureOf("In affidamento familiare")).toBe("40%");
  });

  it("lists the sections as links a reader can jump to", () => {
    renderWeb(
      <SectionIndex
        sections={[
          { id: "section-trend", label: "Andamento mensile" },
          { id: "section-admissions", label: "Entrate dell'anno" },
        ]}
      />,
    );
    const index = screen.getByRole("navigation", { name: "In questa pagina" });
    const links = within(index).getAllByRole("link");
    expect(links.map((link) => [link.textContent, link.getAttribute("href")])).toEqual([
      ["Andamento mensile", "#section-trend"],
      ["Entrate dell'anno", "#section-admissions"],
    ]);
  });
});
