/**
 * An attacker of a published release, written apart from the disclosure control so that it can
 * catch its mistakes: it writes the equations straight from the tables (every line of every table,
 * over any of its dimensions at once, sums to its margin; a margin printed as a cell of another
 * table of the same population is that cell) and solves them with dense Gauss–Jordan elimination
 * over exact fractions. A hidden cell is recovered when every solution gives it the same value,
 * that is when no vector of the null space moves it.
 *
 * A table with a `slice` is read as if each of its rows carried the slice's values as well: its
 * cells fix its dimensions and the slice's, and its lines only ever run over its own dimensions
 * (the total of "residential by sex" is the `residential` cell of "by setting"; nothing sums the
 * residential table over settings).
 */
import type { ReportRow, ReportTable } from "./report.ts";

export type RecoveredCell = { table: number; row: number; measure: string; value: number };

type Fraction = { numerator: bigint; denominator: bigint };

const zero: Fraction = { numerator: 0n, denominator: 1n };

function fraction(numerator: bigint, denominator = 1n): Fraction {
  if (denominator < 0n) return fraction(-numerator, -denominator);
  let a = numerator < 0n ? -numerator : numerator;
  let b = denominator;
  while (b !== 0n) [a, b] = [b, a % b];
  const divisor = a === 0n ? 1n : a;
  return { numerator: numerator / divisor, denominator: denominator / divisor };
}

const subtract = (left: Fraction, right: Fraction) =>
  fraction(
    left.numerator * right.denominator - right.numerator * left.denominator,
    left.denominator * right.denominator,
  );
const multiply = (left: Fraction, right: Fraction) =>
  fraction(left.numerator * right.numerator, left.denominator * right.denominator);
const divide = (left: Fraction, right: Fraction) =>
  fraction(left.numerator * right.denominator, left.denominator * right.numerator);

function measuresUnderControl(table: ReportTable): string[] {
  return table.protectedMeasures ?? table.measures;
}

/** The dimensions a cell of the table fixes: those it shows, then those of its slice. */
function fixedDimensions(table: ReportTable): string[] {
  return [...table.dimensions, ...Object.keys(table.slice ?? {})];
}

/** The value a row of the table has in a dimension, shown or fixed by the slice. */
function dimensionValue(table: ReportTable, row: ReportRow, dimension: string): string | number | null {
  const slice = table.slice ?? {};
  return Object.hasOwn(slice, dimension) ? slice[dimension] : row[dimension];
}

/** Every subset of the dimensions but the whole: the dimensions a margin of the table keeps. */
function properSubsets(dimensions: string[]): string[][] {
  const subsets = dimensions.reduce<string[][]>(
    (partial, dimension) => partial.flatMap((subset) => [subset, [...subset, dimension]]),
    [[]],
  );
  return subsets.filter((subset) => subset.length < dimensions.length);
}

function cellValue(row: ReportRow, measure: string): number {
  const value = row[measure];
  return typeof value === "number" ? value : 0;
}

/** The hidden cells of `published` that an attacker computes, with the true values of `original`. */
export function attackRelease(original: ReportTable[], published: ReportTable[]): RecoveredCell[] {
  const unknowns: { table: number; row: number; measure: string }[] = [];
  const unknownIndex = new Map<string, number>();
  published.forEach((table, tableIndex) => {
    for (const measure of measuresUnderControl(table)) {
      table.rows.forEach((row, rowIndex) => {
        if (row[measure] !== null) return;
        unknownIndex.set(`${tableIndex}/${rowIndex}/${measure}`, unknowns.length);
        unknowns.push({ table: tableIndex, row: rowIndex, measure });
      });
    }
  });

  const sameDimensions = (left: string[], right: string[]) =>
    left.length === right.length && left.every((dimension) => right.includes(dimension));

  // Each equation: coefficients over the unknowns, then the right-hand side.
  const equations: Fraction[][] = [];
  published.forEach((table, tableIndex) => {
    for (const measure of measuresUnderControl(table)) {
      for (const kept of properSubsets(table.dimensions)) {
        const fixed = [...kept, ...Object.keys(table.slice ?? {})];
        const lineOf = (source: ReportTable, row: ReportRow) =>
          JSON.stringify(fixed.map((dimension) => dimensionValue(source, row, dimension)));
        const lines = new Map<string, number[]>();
        table.rows.forEach((row, rowIndex) => {
          lines.set(lineOf(table, row), [...(lines.get(lineOf(table, row)) ?? []), rowIndex]);
        });
        for (const [line, rowIndices] of lines) {
          const equation: Fraction[] = unknowns.map(() => zero);
          let rightHandSide = 0;
          for (const rowIndex of rowIndices) {
            const unknown = unknownIndex.get(`${tableIndex}/${rowIndex}/${measure}`);
            if (unknown === undefined) rightHandSide -= cellValue(table.rows[rowIndex], measure);
            else equation[unknown] = fraction(1n);
          }
          // The margin: a hidden cell of a table of the same population over the fixed dimensions,
          // or else known (its true value).
          let marginUnknown: number | undefined;
          published.forEach((other, otherIndex) => {
            if (other.population === undefined || other.population !== table.population) return;
            if (
              !sameDimensions(fixedDimensions(other), fixed) ||
              !measuresUnderControl(other).includes(measure)
            )
              return;
            other.rows.forEach((otherRow, otherRowIndex) => {
              if (lineOf(other, otherRow) !== line) return;
              marginUnknown ??= unknownIndex.get(`${otherIndex}/${otherRowIndex}/${measure}`);
            });
          });
          if (marginUnknown === undefined) {
            const sourceTable = original[tableIndex];
            rightHandSide += rowIndices.reduce(
              (sum, rowIndex) => sum + cellValue(sourceTable.rows[rowIndex], measure),
              0,
            );
          } else {
            equation[marginUnknown] = subtract(equation[marginUnknown], fraction(1n));
          }
          equation.push(fraction(BigInt(rightHandSide)));
          equations.push(equation);
        }
      }
    }
  });

  // A cell printed by two tables of the same population over the same dimensions (slices included)
  // is one number.
  published.forEach((table, tableIndex) => {
    published.forEach((other, otherIndex) => {
      if (
        otherIndex <= tableIndex ||
        table.population === undefined ||
        other.population !== table.population
      ) {
        return;
      }
      const dimensions = fixedDimensions(table);
      if (!sameDimensions(dimensions, fixedDimensions(other))) return;
      const keyOf = (source: ReportTable, row: ReportRow) =>
        JSON.stringify(dimensions.map((dimension) => dimensionValue(source, row, dimension)));
      for (const measure of measuresUnderControl(table).filter((name) =>
        measuresUnderControl(other).includes(name),
      )) {
        table.rows.forEach((row, rowIndex) => {
          const otherRowIndex = other.rows.findIndex(
            (otherRow) => keyOf(other, otherRow) === keyOf(table, row),
          );
          if (otherRowIndex < 0) return; // another slice, or a row the other table does not list
          const equation: Fraction[] = unknowns.map(() => zero);
          let rightHandSide = 0;
          const left = unknownIndex.get(`${tableIndex}/${rowIndex}/${measure}`);
          const right = unknownIndex.get(`${otherIndex}/${otherRowIndex}/${measure}`);
          if (left === undefined) rightHandSide -= cellValue(row, measure);
          else equation[left] = fraction(1n);
          if (right === undefined) rightHandSide += cellValue(other.rows[otherRowIndex], measure);
          else equation[right] = subtract(equation[right], fraction(1n));
          equation.push(fraction(BigInt(rightHandSide)));
          equations.push(equation);
        });
      }
    });
  });

  const columns = unknowns.length;
  const pivotColumns: number[] = [];
  let pivotRow = 0;
  for (let column = 0; column < columns && pivotRow < equations.length; column++) {
    const found = equations.findIndex(
      (equation, index) => index >= pivotRow && equation[column].numerator !== 0n,
    );
    if (found < 0) continue;
    [equations[pivotRow], equations[found]] = [equations[found], equations[pivotRow]];
    const pivot = equations[pivotRow][column];
    equations[pivotRow] = equations[pivotRow].map((entry) => divide(entry, pivot));
    for (let index = 0; index < equations.length; index++) {
      const factor = equations[index][column];
      if (index === pivotRow || factor.numerator === 0n) continue;
      equations[index] = equations[index].map((entry, position) =>
        entry.numerator === 0n && equations[pivotRow][position].numerator === 0n
          ? entry
          : subtract(entry, multiply(factor, equations[pivotRow][position])),
      );
    }
    pivotColumns.push(column);
    pivotRow++;
  }
  for (const equation of equations.slice(pivotRow)) {
    if (equation[columns].numerator !== 0n) throw new Error("the attacker's equations contradict each other");
  }

  const freeColumns = [...Array(columns).keys()].filter((column) => !pivotColumns.includes(column));
  const recovered: RecoveredCell[] = [];
  pivotColumns.forEach((column, index) => {
    const equation = equations[index];
    if (freeColumns.some((free) => equation[free].numerator !== 0n)) return;
    const value = equation[columns];
    const unknown = unknowns[column];
    const truth = cellValue(original[unknown.table].rows[unknown.row], unknown.measure);
    if (value.denominator !== 1n || value.numerator !== BigInt(truth)) {
      throw new Error("the attacker recovered a value that is not the true one: its equations are wrong");
    }
    recovered.push({ ...unknown, value: truth });
  });
  return recovered;
}

/** The release with every non-zero protected cell hidden: what no rule-abiding control exceeds. */
export function hideEveryNonZeroCell(tables: ReportTable[]): ReportTable[] {
  return tables.map((table) => ({
    ...table,
    rows: table.rows.map((row) => {
      const hidden: ReportRow = { ...row };
      for (const measure of measuresUnderControl(table)) {
        if (cellValue(row, measure) !== 0) hidden[measure] = null;
      }
      return hidden;
    }),
  }));
}
