import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { projectCase, type RecordedCaseEvent } from "./case-projection.ts";

function fact(
  id: string,
  type: RecordedCaseEvent["type"],
  occurredOn: string,
  arrival: number,
  extra: Partial<RecordedCaseEvent> = {},
): RecordedCaseEvent {
  return {
    id,
    type,
    occurredOn,
    arrival,
    recordedAt: `2026-01-01T00:00:${String(arrival).padStart(2, "0")}Z`,
    ...extra,
  };
}

const fosterCare = { form: "2", kind: "2", duration: "1", character: "1", nightsPerWeek: 7 } as const;

/** A realistic case history; each fact on its own day, so the order of facts is total. */
const history: RecordedCaseEvent[] = [
  fact("o", "case-opened", "2025-02-03", 1, {
    opening: { minorRef: "M00000000000001", firstReportOn: "2025-01", reportSource: "13" },
  }),
  fact("s1", "situation", "2025-02-04", 2, { situation: { school: "3" } }),
  fact("s2", "situation", "2025-06-01", 3, { situation: { school: "4" } }),
  fact("a1", "assessment", "2025-02-10", 4, {
    assessment: { child: { values: ["2", "7"], prevalent: "7" } },
  }),
  fact("j", "judicial-measure", "2025-03-01", 5, { measure: { authority: "2", kind: "4" } }),
  fact("i", "intervention-start", "2025-03-02", 6, { intervention: { code: "A1.01" } }),
  fact("ie", "intervention-end", "2025-05-02", 7, { interventionStart: "i" }),
  fact("f", "foster-care-start", "2025-03-05", 8, { fosterCare }),
  fact("fc", "correction", "2025-03-06", 9, { corrects: "f", fosterCare: { ...fosterCare, duration: "2" } }),
  fact("fe", "foster-care-end", "2025-09-30", 10, { fosterCareStart: "f", outcome: "1" }),
  fact("sv", "void", "2025-10-01", 11, { voids: "s2" }),
  fact("c", "closure", "2025-10-15", 12, { closure: { reason: "4", situation: "1" } }),
];

describe("projectCase", () => {
  it("rebuilds the case: latest facts, corrections replace, voids remove, episodes end", () => {
    const projection = projectCase(history);
    expect(projection.status).toBe("closed");
    expect(projection.opening?.content.reportSource).toBe("13");
    // The second situation is voided: the first counts again.
    expect(projection.situation).toMatchObject({ eventId: "s1", content: { school: "3" } });
    expect(projection.interventions).toEqual([
      { eventId: "i", code: "A1.01", from: "2025-03-02", to: "2025-05-02" },
    ]);
    expect(projection.fosterCare).toEqual([
      {
        eventId: "f",
        date: "2025-03-06",
        content: { ...fosterCare, duration: "2" },
        to: "2025-09-30",
        outcome: "1",
      },
    ]);
    expect(projection.closure?.content).toEqual({ reason: "4", situation: "1" });
  });

  it("is the same whatever order the events arrive in", () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(history, { minLength: history.length }), (shuffled) => {
        expect(projectCase(shuffled)).toEqual(projectCase(history));
      }),
    );
  });

  it("does not depend on arrival numbers when facts have distinct days", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 10_000 }), {
          minLength: history.length,
          maxLength: history.length,
        }),
        (arrivals) => {
          const renumbered = history.map((event, index) => ({ ...event, arrival: arrivals[index] }));
          expect(projectCase(renumbered)).toEqual(projectCase(history));
        },
      ),
    );
  });

  it("as known at an instant counts only what was recorded by then", () => {
    const before = projectCase(history, "2026-01-01T00:00:11Z");
    expect(before.status).toBe("open");
    expect(before.situation?.eventId).toBe("s1");
    expect(projectCase(history, "2026-01-01T00:00:10Z").situation?.eventId).toBe("s2");
    expect(projectCase(history, "2025-12-31T00:00:00Z").status).toBe("empty");
  });

  it("a voided void gives the fact back", () => {
    const projection = projectCase([...history, fact("vv", "void", "2025-10-02", 13, { voids: "sv" })]);
    expect(projection.situation?.eventId).toBe("s2");
  });

  it("a voided closure reopens the case", () => {
    expect(projectCase([...history, fact("cv", "void", "2025-10-16", 13, { voids: "c" })]).status).toBe(
      "open",
    );
  });
});
