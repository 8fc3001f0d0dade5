import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderWeb } from "../../../../test/support/render-web.tsx";
import { valueLabellerOf } from "./report-labels.ts";
import { ReportDataTable } from "./report-table.tsx";
import type { ReportRowResponse, ReportTableResponse } from "./reports-api.ts";

const published: ReportTableResponse = {
  id: "by-age-class-sex",
  title: "Minori presenti per classe di età e sesso",
  dimensions: ["ageClass", "sex"],
  measures: ["count"],
  rows: [
    { ageClass: "0-2", sex: "F", count: 12 },
    { ageClass: "0-2", sex: "M", count: null, flag: "c" },
    { ageClass: "3-5", sex: "F", count: 0 },
    { ageClass: "3-5", sex: "M", count: 14750 },
  ],
  total: null,
};

const occupancy: ReportTableResponse = {
  id: "by-zone",
  title: "Occupazione per zona distretto",
  dimensions: ["zone"],
  measures: ["authorisedPlaces", "present", "occupancyRate"],
  rows: [
    { zone: "firenze", authorisedPlaces: 120, present: 98, occupancyRate: 0.817 },
    {
      zone: "empoli",
      authorisedPlaces: 40,
      present: null,
      occupancyRate: null,
      flags: { present: "c", occupancyRate: "c" },
      // A row's flags sit beside its values, which an index signature cannot say of a literal.
    } as unknown as ReportRowResponse,
  ],
  total: null,
  totals: { authorisedPlaces: 160, present: null, occupancyRate: null },
};

const cellsOf = (row: HTMLElement) =>
  within(row)
    .getAllByRole("cell")
    .map((cell) => cell.textContent);

describe("a report table", () => {
  it("shows a suppressed count as «c», explained as a reserved figure, and the others as Italian numbers", () => {
    renderWeb(<ReportDataTable id="t1" table={published} labelOf={valueLabellerOf()} />);
    const table = screen.getByRole("table", { name: published.title });
    expect(
      within(table)
        .getAllByRole("columnheader")
        .map((header) => header.textContent),
    ).toEqual(["Classe di età", "Sesso", "Numero"]);
    const [, ...bodyAndTotal] = within(table).getAllByRole("row");
    const rows = bodyAndTotal.filter((row) => row.hasAttribute("data-key"));
    expect(rows.map((row) => row.getAttribute("data-key"))).toEqual(["0-2|F", "0-2|M", "3-5|F", "3-5|M"]);
    expect(cellsOf(rows[0])).toEqual(["Femmina", "12"]);
    expect(cellsOf(rows[1])).toEqual(["Maschio", "c"]);
    expect(cellsOf(rows[2])).toEqual(["Femmina", "0"]);
    expect(cellsOf(rows[3])).toEqual(["Maschio", "14.750"]);
    const suppressed = within(rows[1]).getByTitle("dato riservato");
    expect(suppressed.textContent).toBe("c");
    expect(suppressed.closest("td")?.getAttribute("data-flag")).toBe("c");
    expect(within(rows[0]).queryByTitle("dato riservato")).toBeNull();
    // No total was published: its blank is marked and explained, not left as an empty cell.
    const [total] = bodyAndTotal.filter((row) => !row.hasAttribute("data-key"));
    expect(within(total).getByRole("rowheader").textContent).toBe("Totale");
    expect(cellsOf(total)).toEqual(["*totale non pubblicato"]);
  });

  it("hides only the flagged measures of a row, and marks a suppressed total as not published", () => {
    renderWeb(
      <ReportDataTable
        id="t2"
        table={occupancy}
        labelOf={valueLabellerOf(new Map([["firenze", "Firenze"]]))}
      />,
    );
    const table = screen.getByRole("table", { name: occupancy.title });
    const [, firenze, empoli, total] = within(table).getAllByRole("row");
    expect(within(firenze).getByRole("rowheader").textContent).toBe("Firenze");
    expect(cellsOf(firenze)).toEqual(["120", "98", "81,7%"]);
    expect(within(empoli).getByRole("rowheader").textContent).toBe("empoli");
    expect(cellsOf(empoli)).toEqual(["40", "c", "c"]);
    expect(within(empoli).getAllByTitle("dato riservato")).toHaveLength(2);
    expect(within(total).getByRole("rowheader").textContent).toBe("Totale");
    expect(cellsOf(total)).toEqual(["160", "*totale non pubblicato", "*totale non pubblicato"]);
  });
});
