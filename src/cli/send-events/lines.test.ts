import { describe, expect, it } from "vitest";
import { batchesOf, parseJsonLines } from "./lines.ts";

describe("parseJsonLines", () => {
  it("numbers events by line, skips blank lines and reports lines that are not JSON", () => {
    const text = '\uFEFF{"id":"a"}\r\n\n   \n{"id":"b"\n{"id":"c"}\n';
    const parsed = parseJsonLines(text);
    expect(parsed.events).toEqual([
      { line: 1, event: { id: "a" } },
      { line: 5, event: { id: "c" } },
    ]);
    expect(parsed.unreadable).toHaveLength(1);
    expect(parsed.unreadable[0].line).toBe(4);
    expect(parsed.unreadable[0].message).toMatch(/^non è JSON valido/);
  });

  it("returns nothing for an empty file", () => {
    expect(parseJsonLines("")).toEqual({ events: [], unreadable: [] });
  });
});

describe("batchesOf", () => {
  it("splits in order into groups of at most the given size", () => {
    expect(batchesOf([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(batchesOf([1, 2], 1000)).toEqual([[1, 2]]);
    expect(batchesOf([], 3)).toEqual([]);
  });

  it("refuses a size that is not a positive integer", () => {
    expect(() => batchesOf([1], 0)).toThrow(RangeError);
    expect(() => batchesOf([1], 1.5)).toThrow(RangeError);
  });
});
