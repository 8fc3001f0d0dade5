import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyDisclosureControl, findRecoverableCells } from "./disclosure.ts";
import { attackRelease, hideEveryNonZeroCell } from "./disclosure-attacker.fixtures.ts";
import type { ReportRow, ReportTable } from "./report.ts";

/** Mostly small counts and zeros, the hard case for disclosure control. */
const count = fc.oneof(
  { weight: 3, arbitrary: fc.constant(0) },
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 2 }) },
  { weight: 1, arbitrary: fc.integer({ min: 3, max: 4 }) },
  { weight: 3, arbitrary: fc.integer({ min: 5, max: 30 }) },
);
const threshold = fc.integer({ min: 3, max: 5 });

const codes = (dimension: string, size: number) =>
  Array.from({ length: size }, (_, index) => `${dimension}${index + 1}`);

/** Every combination of the dimensions' codes, the first dimension varying slowest. */
function combinations(sizes: [string, number][]): Record<string, string>[] {
  return sizes.reduce<Record<string, string>[]>(
    (partial, [dimension, size]) =>
      partial.flatMap((combination) =>
        codes(dimension, size).map((code) => ({ ...combination, [dimension]: code })),
      ),
    [{}],
  );
}

function table(id: string, sizes: [string, number][], counts: number[], population?: string): ReportTable {
  const rows: ReportRow[] = combinations(sizes).map((values, index) => ({ ...values, count: counts[index] }));
  return {
    id,
    title: id,
    dimensions: sizes.map(([dimension]) => dimension),
    measures: ["count"],
    rows,
    total: counts.reduce((sum, value) => sum + value, 0),
    population,
  };
}

/**
 * A table of the units of `cube` over some of its dimensions (a margin of the cube), or of the
 * units of one slice of the cube when `slice` fixes other dimensions.
 */
function tabulate(
  cube: ReportTable,
  dimensions: string[],
  population: string,
  slice?: Record<string, string>,
): ReportTable {
  const sizes = dimensions.map(
    (dimension) => [dimension, new Set(cube.rows.map((row) => row[dimension])).size] as [string, number],
  );
  const counts = combinations(sizes).map((values) =>
    cube.rows
      .filter((row) =>
        Object.entries({ ...values, ...slice }).every(([dimension, code]) => row[dimension] === code),
      )
      .reduce((sum, row) => sum + (row.count as number), 0),
  );
  const counted = table(`by-${dimensions.join("-")}`, sizes, counts, population);
  if (slice === undefined) return counted;
  return { ...counted, id: `${Object.values(slice).join("-")}-${counted.id}`, slice };
}

const oneDimensional = fc
  .integer({ min: 1, max: 8 })
  .chain((size) =>
    fc.array(count, { minLength: size, maxLength: size }).map((counts) => [size, counts] as const),
  )
  .map(([size, counts]) => table("one", [["a", size]], counts));

const twoDimensional = fc
  .tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 4 }))
  .chain(([rows, columns]) =>
    fc.array(count, { minLength: rows * columns, maxLength: rows * columns }).map((counts) =>
      table(
        "two",
        [
          ["a", rows],
          ["b", columns],
        ],
        counts,
      ),
    ),
  );

const threeDimensional = fc
  .tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }))
  .chain(([first, second, third]) =>
    fc.array(count, { minLength: first * second * third, maxLength: first * second * third }).map((counts) =>
      table(
        "three",
        [
          ["a", first],
          ["b", second],
          ["c", third],
        ],
        counts,
      ),
    ),
  );

/** Several tables of one population, all margins of one unpublished cross-classification. */
const release = fc
  .tuple(
    fc.integer({ min: 1, max: 4 }),
    fc.integer({ min: 1, max: 3 }),
    fc.integer({ min: 1, max: 3 }),
    fc.subarray([["a", "b"], ["a", "c"], ["b", "c"], ["a"], ["b"], ["c"], ["b", "a"]], { minLength: 1 }),
  )
  .chain(([first, second, third, chosen]) =>
    fc
      .tuple(
        fc.array(count, { minLength: first * second * third, maxLength: first * second * third }),
        fc.shuffledSubarray(chosen, { minLength: chosen.length, maxLength: chosen.length }),
      )
      .map(([counts, order]) => {
        const cube = table(
          "cube",
          [
            ["a", first],
            ["b", second],
            ["c", third],
          ],
          counts,
        );
        // "b × a" repeats "a × b" with its dimensions the other way round, as another report might.
        const tables = order.map((dimensions) => tabulate(cube, dimensions, "stock"));
        return tables.filter(
          (candidate, index) => tables.findIndex((other) => other.id === candidate.id) === index,
        );
      }),
  );

/**
 * A population split by a dimension `s` the way out-of-family minors are by setting: a table of
 * the whole population that shows `s`, tables of some of its slices (s = s1, s = s2, …) over other
 * dimensions, and maybe a table of the whole over those dimensions, in any order.
 */
const slicedRelease = fc
  .tuple(
    fc.integer({ min: 2, max: 3 }),
    fc.integer({ min: 1, max: 3 }),
    fc.integer({ min: 1, max: 3 }),
    fc.constantFrom<string[]>([], ["a"], ["b"], ["a", "b"]),
    fc.constantFrom<string[][]>([], [["a"]], [["b"]], [["a", "b"]], [["a"], ["a", "b"]]),
  )
  .chain(([settings, first, second, together, whole]) =>
    fc
      .tuple(
        fc.array(count, { minLength: settings * first * second, maxLength: settings * first * second }),
        fc.array(fc.constantFrom<string[] | null>(null, ["a"], ["b"], ["a", "b"]), {
          minLength: settings,
          maxLength: settings,
        }),
      )
      .filter(([, slices]) => slices.some((dimensions) => dimensions !== null))
      .map(([counts, slices]) => {
        const cube = table(
          "cube",
          [
            ["s", settings],
            ["a", first],
            ["b", second],
          ],
          counts,
        );
        return [
          tabulate(cube, ["s", ...together], "stock"),
          ...slices.flatMap((dimensions, index) =>
            dimensions === null ? [] : [tabulate(cube, dimensions, "stock", { s: `s${index + 1}` })],
          ),
          ...whole.map((dimensions) => tabulate(cube, dimensions, "stock")),
        ];
      }),
  )
  // In any order, as the reports list them.
  .chain((tables) => fc.shuffledSubarray(tables, { minLength: tables.length, maxLength: tables.length }));

const cellKey = (cell: { table: number; row: number; measure: string }) =>
  `${cell.table}/${cell.row}/${cell.measure}`;

function checkRelease(original: ReportTable[], limit: number): void {
  const before = structuredClone(original);
  const published = applyDisclosureControl(original, limit);
  expect(original).toEqual(before);
  expect(applyDisclosureControl(original, limit)).toEqual(published);
  expect(applyDisclosureControl(published, limit)).toEqual(published);

  published.forEach((table, tableIndex) => {
    const source = original[tableIndex];
    // A total is a count too: withheld below the threshold (or where another table hides it).
    const total = source.total;
    if (typeof total === "number" && total >= 1 && total < limit) expect(table.total).toBeNull();
    else if (table.total !== null) expect(table.total).toBe(total);
    table.rows.forEach((row, rowIndex) => {
      const value = source.rows[rowIndex].count as number;
      for (const dimension of source.dimensions)
        expect(row[dimension]).toBe(source.rows[rowIndex][dimension]);
      if (value >= 1 && value < limit) expect(row).toMatchObject({ count: null, flag: "c" });
      else if (value === 0) expect(row).toEqual({ ...source.rows[rowIndex] });
      else if (row.count === null) expect(row.flag).toBe("c");
      else expect(row).toEqual({ ...source.rows[rowIndex] });
    });
  });

  const recovered = attackRelease(original, published).map(cellKey);
  const unprotectable = new Set(attackRelease(original, hideEveryNonZeroCell(original)).map(cellKey));
  expect(recovered.filter((cell) => !unprotectable.has(cell))).toEqual([]);
  expect(findRecoverableCells(published).map(cellKey).sort()).toEqual([...recovered].sort());
}

describe("disclosure control against an attacker who solves the equations", () => {
  it("protects one-dimensional tables", () => {
    fc.assert(
      fc.property(oneDimensional, threshold, (generated, limit) => checkRelease([generated], limit)),
      { numRuns: 150 },
    );
  });

  it("protects two-dimensional tables", () => {
    fc.assert(
      fc.property(twoDimensional, threshold, (generated, limit) => checkRelease([generated], limit)),
      { numRuns: 150 },
    );
  });

  it("protects three-dimensional tables, every lower margin being known", () => {
    fc.assert(
      fc.property(threeDimensional, threshold, (generated, limit) => checkRelease([generated], limit)),
      { numRuns: 60 },
    );
  });

  it("protects a release of tables over one population, margins of one another", () => {
    fc.assert(
      fc.property(release, threshold, (tables, limit) => checkRelease(tables, limit)),
      { numRuns: 150 },
    );
  });

  it("protects a population split into slices, with the table of the whole by the sliced dimension", () => {
    fc.assert(
      fc.property(slicedRelease, threshold, (tables, limit) => checkRelease(tables, limit)),
      { numRuns: 120 },
    );
  });

  it("protects unrelated tables of one release each on its own", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(oneDimensional, twoDimensional), { minLength: 2, maxLength: 4 }),
        (tables) => checkRelease(tables, 3),
      ),
      { numRuns: 50 },
    );
  });
});
