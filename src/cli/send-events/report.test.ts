import { describe, expect, it } from "vitest";
import type { SendSummary } from "./client.ts";
import { exitCodeOf, rejectionLines, totalsLine } from "./report.ts";

const empty: SendSummary = { accepted: 2, duplicate: 1, rejected: 0, rejections: [], unreadable: [] };

describe("report", () => {
  it("lists unreadable lines and rejections in file order, and exits 3 when there are any", () => {
    const summary: SendSummary = {
      ...empty,
      rejected: 1,
      rejections: [
        {
          line: 7,
          id: "e7",
          previously: false,
          code: "date-invalid",
          path: "/occurredOn",
          message: "Data non valida.",
        },
      ],
      unreadable: [{ line: 2, message: "non è JSON valido" }],
    };
    expect(rejectionLines(summary)).toEqual([
      "riga 2: non è JSON valido",
      "riga 7 (e7): date-invalid /occurredOn: Data non valida.",
    ]);
    expect(totalsLine(summary)).toBe("Totale: 2 accettati, 1 duplicati, 1 respinti, 1 righe non leggibili.");
    expect(exitCodeOf(summary)).toBe(3);
  });

  it("exits 0 when everything was accepted or a duplicate", () => {
    expect(rejectionLines(empty)).toEqual([]);
    expect(totalsLine(empty)).toBe("Totale: 2 accettati, 1 duplicati, 0 respinti.");
    expect(exitCodeOf(empty)).toBe(0);
  });
});
