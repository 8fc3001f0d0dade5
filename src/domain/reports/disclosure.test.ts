import { describe, expect, it } from "vitest";
import { AppError } from "../errors/app-error.ts";
import { applyDisclosureControl, findRecoverableCells } from "./disclosure.ts";
import { attackRelease } from "./disclosure-attacker.fixtures.ts";
import type { ReportRow, ReportTable } from "./report.ts";

function countTable(
  id: string,
  dimensions: string[],
  rows: ReportRow[],
  population: string | undefined = "stock",
): ReportTable {
  return {
    id,
    title: id,
    dimensions,
    measures: ["count"],
    rows,
    total: rows.reduce((sum, row) => sum + (row.count as number), 0),
    population,
  };
}

/** A table of one dimension `a` with codes a1, a2, … */
function line(counts: number[]): ReportTable {
  return countTable(
    "line",
    ["a"],
    counts.map((count, index) => ({ a: `a${index + 1}`, count })),
  );
}

/** A table of two dimensions, `a` by rows and `b` by columns. */
function grid(counts: number[][]): ReportTable {
  return countTable(
    "grid",
    ["a", "b"],
    counts.flatMap((values, row) =>
      values.map((count, column) => ({ a: `a${row + 1}`, b: `b${column + 1}`, count })),
    ),
  );
}

const counts = (table: ReportTable) => table.rows.map((row) => row.count);

describe("primary and secondary suppression", () => {
  it("gives a line with a single small cell a second suppression, its smallest other non-zero cell", () => {
    const [published] = applyDisclosureControl([line([1, 5, 8, 0])]);
    expect(published.rows).toEqual([
      { a: "a1", count: null, flag: "c" },
      { a: "a2", count: null, flag: "c" },
      { a: "a3", count: 8 },
      { a: "a4", count: 0 },
    ]);
    expect(published.total).toBe(14);
  });

  it("leaves a line with two small cells as it is: their sum alone is known", () => {
    const [published] = applyDisclosureControl([line([1, 2, 8, 0])]);
    expect(counts(published)).toEqual([null, null, 8, 0]);
  });

  it("hides all four cells of a 2×2 table with one small cell", () => {
    const [published] = applyDisclosureControl([
      grid([
        [1, 5],
        [6, 7],
      ]),
    ]);
    expect(counts(published)).toEqual([null, null, null, null]);
    expect(published.rows.every((row) => row.flag === "c")).toBe(true);
  });

  it("closes a rectangle of four cells in a larger table, choosing the smallest cells", () => {
    const [published] = applyDisclosureControl([
      grid([
        [1, 9, 10],
        [8, 12, 15],
        [7, 11, 20],
      ]),
    ]);
    expect(counts(published)).toEqual([null, null, 10, 8, 12, 15, null, null, 20]);
  });

  it("prefers the line that gives a cell away: a row and a column each get their own partner", () => {
    const [published] = applyDisclosureControl([
      grid([
        [1, 6],
        [4, 7],
        [5, 8],
      ]),
    ]);
    expect(counts(published)).toEqual([null, null, null, null, 5, 8]);
  });

  it("hides every count below a higher threshold and publishes zeros", () => {
    const [published] = applyDisclosureControl([line([3, 4, 0, 12, 20])], 5);
    expect(counts(published)).toEqual([null, null, 0, 12, 20]);
  });

  it("hides a small count that a zero-filled line gives away anyway, and says it cannot be protected", () => {
    const published = applyDisclosureControl([line([2, 0, 0])]);
    expect(counts(published[0])).toEqual([null, 0, 0]);
    expect(findRecoverableCells(published)).toEqual([{ table: 0, row: 0, measure: "count" }]);
  });

  it("does not hide cells that would be given away by a zero-filled line: they protect nothing", () => {
    // Column b2 holds only 9: hiding it would not help, the column's margin tells it.
    const [published] = applyDisclosureControl([
      grid([
        [1, 0, 4],
        [0, 9, 0],
        [6, 0, 5],
      ]),
    ]);
    expect(counts(published)).toEqual([null, 0, null, 0, 9, 0, null, 0, null]);
  });
});

describe("measures", () => {
  const structures: ReportTable = {
    id: "by-structure",
    title: "Per struttura",
    dimensions: ["structure"],
    measures: ["authorisedPlaces", "male", "female"],
    protectedMeasures: ["male", "female"],
    rows: [
      { structure: "S1", authorisedPlaces: 2, male: 1, female: 4 },
      { structure: "S2", authorisedPlaces: 10, male: 5, female: 6 },
      { structure: "S3", authorisedPlaces: 1, male: 0, female: 7 },
    ],
    total: 23,
  };

  it("protects each declared measure as its own table and leaves the others published", () => {
    const [published] = applyDisclosureControl([structures]);
    expect(published.rows).toEqual([
      { structure: "S1", authorisedPlaces: 2, male: null, female: 4, flags: { male: "c" } },
      { structure: "S2", authorisedPlaces: 10, male: null, female: 6, flags: { male: "c" } },
      { structure: "S3", authorisedPlaces: 1, male: 0, female: 7 },
    ]);
  });

  it("protects every measure of a table that declares none", () => {
    const [published] = applyDisclosureControl([{ ...structures, protectedMeasures: undefined }]);
    expect(published.rows.map((row) => row.authorisedPlaces)).toEqual([null, 10, null]);
    expect(published.rows[0].flags).toEqual({ authorisedPlaces: "c", male: "c" });
  });
});

describe("a release checked as a whole", () => {
  // Minors by age class, by sex, and by age class × sex: the first two are margins of the third.
  const release = [
    countTable(
      "by-age-class",
      ["ageClass"],
      [
        { ageClass: "0-2", count: 6 },
        { ageClass: "3-5", count: 7 },
        { ageClass: "6-10", count: 2 },
      ],
    ),
    countTable(
      "by-sex",
      ["sex"],
      [
        { sex: "F", count: 2 },
        { sex: "M", count: 13 },
      ],
    ),
    countTable(
      "by-age-class-sex",
      ["ageClass", "sex"],
      [
        { ageClass: "0-2", sex: "F", count: 0 },
        { ageClass: "0-2", sex: "M", count: 6 },
        { ageClass: "3-5", sex: "F", count: 0 },
        { ageClass: "3-5", sex: "M", count: 7 },
        { ageClass: "6-10", sex: "F", count: 2 },
        { ageClass: "6-10", sex: "M", count: 0 },
      ],
    ),
  ];

  it("is not protected by controlling each table on its own: the cross table gives the margins away", () => {
    const eachOnItsOwn = release.map((table) => applyDisclosureControl([table])[0]);
    expect(eachOnItsOwn.map(counts)).toEqual([
      [null, 7, null],
      [null, null],
      [0, 6, 0, 7, null, 0],
    ]);
    // The published males of the cross table add up to the hidden "M" of "by sex", hence "F" = 2.
    expect(attackRelease(release, eachOnItsOwn)).toContainEqual({
      table: 1,
      row: 0,
      measure: "count",
      value: 2,
    });
  });

  it("hides cells of the cross table until no table gives another's hidden cells away", () => {
    const published = applyDisclosureControl(release);
    expect(published.map(counts)).toEqual([
      [null, null, null],
      [null, null],
      [0, null, 0, null, null, 0],
    ]);
    expect(attackRelease(release, published)).toEqual([]);
    expect(findRecoverableCells(published)).toEqual([]);
    expect(published.map((table) => table.total)).toEqual([15, 15, 15]);
  });

  it("keeps tables of different populations apart", () => {
    const other = release.map((table) => ({ ...table, population: undefined }));
    expect(applyDisclosureControl(other).map(counts)).toEqual(
      other.map((table) => counts(applyDisclosureControl([table])[0])),
    );
  });
});

describe("tables that count a slice of a population", () => {
  const outOfFamily = "out-of-family-minors@2025-06-30";
  const sliceTable = (
    id: string,
    dimensions: string[],
    rows: ReportRow[],
    slice?: Record<string, string>,
  ): ReportTable => ({ ...countTable(id, dimensions, rows, outOfFamily), ...(slice && { slice }) });
  const hide = (table: ReportTable, rowIndices: number[]): ReportTable => ({
    ...table,
    rows: table.rows.map((row, index) => {
      if (!rowIndices.includes(index)) return row;
      const hidden: ReportRow = { ...row };
      hidden.count = null;
      hidden.flag = "c";
      return hidden;
    }),
  });
  /**
   * The tables controlled as if each slice were a population of its own, then published as they
   * are: an attacker reading them that way finds nothing.
   */
  const controlIgnoringSlices = (tables: ReportTable[]) => {
    const ownPopulations = tables.map(({ slice, ...table }) => ({
      ...table,
      population: slice === undefined ? table.population : `${table.population}/${slice.setting}`,
    }));
    const controlled = applyDisclosureControl(ownPopulations);
    expect(attackRelease(ownPopulations, controlled)).toEqual([]);
    return controlled.map((table, index) => ({
      ...table,
      population: tables[index].population,
      slice: tables[index].slice,
    }));
  };

  // Minors out of family by setting, by setting × sex, residential and foster care by sex, by sex.
  const release = [
    sliceTable(
      "by-setting",
      ["setting"],
      [
        { setting: "residential", count: 12 },
        { setting: "foster-care", count: 5 },
      ],
    ),
    sliceTable(
      "by-setting-sex",
      ["setting", "sex"],
      [
        { setting: "residential", sex: "F", count: 5 },
        { setting: "residential", sex: "M", count: 7 },
        { setting: "foster-care", sex: "F", count: 1 },
        { setting: "foster-care", sex: "M", count: 4 },
      ],
    ),
    sliceTable(
      "residential-by-sex",
      ["sex"],
      [
        { sex: "F", count: 5 },
        { sex: "M", count: 7 },
      ],
      { setting: "residential" },
    ),
    sliceTable(
      "foster-care-by-sex",
      ["sex"],
      [
        { sex: "F", count: 1 },
        { sex: "M", count: 4 },
      ],
      { setting: "foster-care" },
    ),
    sliceTable(
      "by-sex",
      ["sex"],
      [
        { sex: "F", count: 6 },
        { sex: "M", count: 11 },
      ],
    ),
  ];

  it("gives away the foster care cells hidden in their slice and in the cross table: residential F + foster care F = F", () => {
    const published = release.map((table, index) =>
      index === 1 ? hide(table, [2, 3]) : index === 3 ? hide(table, [0, 1]) : table,
    );
    expect(attackRelease(release, published)).toEqual([
      { table: 1, row: 2, measure: "count", value: 1 },
      { table: 1, row: 3, measure: "count", value: 4 },
      { table: 3, row: 0, measure: "count", value: 1 },
      { table: 3, row: 1, measure: "count", value: 4 },
    ]);
    expect(findRecoverableCells(published)).toEqual([
      { table: 1, row: 2, measure: "count" },
      { table: 3, row: 0, measure: "count" },
      { table: 1, row: 3, measure: "count" },
      { table: 3, row: 1, measure: "count" },
    ]);
  });

  it("hides in each slice the cells it hides in the cross table, leaving nothing to recover", () => {
    const published = applyDisclosureControl(release);
    expect(published.map(counts)).toEqual([
      [12, 5],
      [null, null, null, null],
      [null, null],
      [null, null],
      [6, 11],
    ]);
    expect(attackRelease(release, published)).toEqual([]);
    expect(findRecoverableCells(published)).toEqual([]);
  });

  it("is not protected by controlling each slice as a population of its own: the residential slice prints the cross table's hidden cells", () => {
    const published = controlIgnoringSlices(release);
    expect(published.map(counts)).toEqual([
      [12, 5],
      [null, null, null, null],
      [5, 7],
      [null, null],
      [6, 11],
    ]);
    expect(attackRelease(release, published)).toEqual([
      { table: 1, row: 0, measure: "count", value: 5 },
      { table: 1, row: 1, measure: "count", value: 7 },
      { table: 1, row: 2, measure: "count", value: 1 },
      { table: 1, row: 3, measure: "count", value: 4 },
      { table: 3, row: 0, measure: "count", value: 1 },
      { table: 3, row: 1, measure: "count", value: 4 },
    ]);
  });

  // Without the cross table: the slices' totals are the cells of "by setting".
  const totals = [
    sliceTable(
      "by-setting",
      ["setting"],
      [
        { setting: "residential", count: 2 },
        { setting: "foster-care", count: 10 },
      ],
    ),
    sliceTable(
      "residential-by-sex",
      ["sex"],
      [
        { sex: "F", count: 1 },
        { sex: "M", count: 1 },
      ],
      { setting: "residential" },
    ),
    sliceTable(
      "foster-care-by-sex",
      ["sex"],
      [
        { sex: "F", count: 4 },
        { sex: "M", count: 6 },
      ],
      { setting: "foster-care" },
    ),
    sliceTable(
      "by-sex",
      ["sex"],
      [
        { sex: "F", count: 5 },
        { sex: "M", count: 7 },
      ],
    ),
  ];

  it("takes a slice's total for a cell of the table by the sliced dimension", () => {
    const ignoring = controlIgnoringSlices(totals);
    expect(ignoring.map(counts)).toEqual([
      [null, null],
      [null, null],
      [4, 6],
      [5, 7],
    ]);
    // The published foster care cells add up to the hidden foster care cell of "by setting".
    expect(attackRelease(totals, ignoring)).toEqual([
      { table: 0, row: 0, measure: "count", value: 2 },
      { table: 0, row: 1, measure: "count", value: 10 },
    ]);
    const published = applyDisclosureControl(totals);
    expect(published.map(counts)).toEqual([
      [null, null],
      [null, null],
      [null, 6],
      [5, 7],
    ]);
    expect(attackRelease(totals, published)).toEqual([]);
    expect(findRecoverableCells(published)).toEqual([]);
  });

  it("refuses a slice without a population, or one that fixes a dimension the table shows", () => {
    const residential = release[2];
    expect(() => applyDisclosureControl([{ ...residential, population: undefined }])).toThrow(/population/);
    expect(() => applyDisclosureControl([{ ...residential, slice: { sex: "F" } }])).toThrow(/sex/);
  });
});

describe("threshold", () => {
  it("refuses a threshold below 3 or not a whole number", () => {
    expect(() => applyDisclosureControl([line([1, 5])], 2)).toThrow(AppError);
    expect(() => applyDisclosureControl([line([1, 5])], 3.5)).toThrow(AppError);
  });
});
