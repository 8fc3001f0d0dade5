import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { daysOf, isPresentOn } from "./presence.ts";
import { isWithinStay, projectStay, type RecordedEvent } from "./stay-projection.ts";

const admissionContent = {
  kind: "planned" as const,
  legalBasis: "judicial" as const,
  referringService: { code: "SVC-1", comune: "048017" },
  withParent: false,
  origin: "family-of-origin" as const,
  reasons: ["7" as const],
};

function event(
  id: string,
  type: RecordedEvent["type"],
  occurredOn: string,
  extra: Partial<RecordedEvent> = {},
): RecordedEvent {
  return { id, type, occurredOn, sequence: null, arrival: 0, recordedAt: "2026-01-01T00:00:00Z", ...extra };
}

/** A realistic stay history, each event with its own sequence so that the standard's order is total. */
const history: RecordedEvent[] = [
  event("a", "admission", "2025-03-14", { minorId: "m1", admission: admissionContent, sequence: 1 }),
  event("b", "absence-start", "2025-05-01", { absence: { kind: "ran-away" }, sequence: 1 }),
  event("c", "absence-end", "2025-05-03", { sequence: 1 }),
  event("d", "activity", "2025-04-02", {
    activity: { code: "school", until: "2025-06-10", hours: 120 },
    sequence: 1,
  }),
  event("e", "correction", "2025-03-10", {
    corrects: "a",
    admission: { ...admissionContent, kind: "emergency" },
    sequence: 2,
  }),
  event("f", "discharge", "2025-09-30", {
    discharge: { reason: "project-completed", destination: "family-of-origin" },
    sequence: 1,
  }),
  event("g", "activity", "2025-06-01", { activity: { code: "sport-and-leisure" }, sequence: 1 }),
  event("h", "void", "2025-06-02", { voids: "g", sequence: 1 }),
  event("i", "correction", "2025-10-01", {
    corrects: "f",
    discharge: { reason: "transferred", destination: "other-residential" },
    sequence: 3,
  }),
];

describe("stay projection", () => {
  it("applies corrections, voids and absences", () => {
    const stay = projectStay(history);
    expect(stay.status).toBe("closed");
    expect(stay.admission).toMatchObject({ date: "2025-03-10", content: { kind: "emergency" } });
    expect(stay.discharge).toMatchObject({
      date: "2025-10-01",
      content: { destination: "other-residential" },
    });
    expect(stay.absences).toEqual([{ eventId: "b", kind: "ran-away", from: "2025-05-01", to: "2025-05-03" }]);
    expect(stay.activities.map((activity) => activity.code)).toEqual(["school"]);
  });

  it("gives the same stay for any arrival order of its events", () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray(history, { minLength: history.length, maxLength: history.length }),
        (shuffled) => {
          const arrived = shuffled.map((recorded, index) => ({ ...recorded, arrival: index + 1 }));
          expect(projectStay(arrived)).toEqual(
            projectStay(history.map((recorded, index) => ({ ...recorded, arrival: index + 1 }))),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it("gives the same stay for any arrival order of any subset of its events", () => {
    const subsetAndPermutation = fc
      .subarray(history)
      .chain((subset) =>
        fc
          .shuffledSubarray(subset, { minLength: subset.length, maxLength: subset.length })
          .map((order) => [subset, order]),
      );
    fc.assert(
      fc.property(subsetAndPermutation, ([subset, order]) => {
        const arrived = (events: RecordedEvent[]) =>
          events.map((recorded, index) => ({ ...recorded, arrival: index + 1 }));
        expect(projectStay(arrived(order))).toEqual(projectStay(arrived(subset)));
      }),
      { numRuns: 300 },
    );
  });

  it("lets a discharge that arrived first wait for its admission", () => {
    const waiting = projectStay([history[5]]);
    expect(waiting.status).toBe("waiting");
    expect(projectStay([history[5], history[0]]).status).toBe("closed");
  });

  it("a voided void restores its target; a voided admission leaves the stay without admission", () => {
    const voidOfVoid = event("j", "void", "2025-06-03", { voids: "h", sequence: 1 });
    expect(projectStay([...history, voidOfVoid]).activities.map((activity) => activity.code)).toEqual([
      "school",
      "sport-and-leisure",
    ]);
    const voidAdmission = event("k", "void", "2025-03-20", { voids: "a", sequence: 1 });
    expect(projectStay([...history, voidAdmission]).admission).toBeNull();
  });

  it("uses only what had been recorded by an instant", () => {
    const early = history.map((recorded) => ({ ...recorded, recordedAt: "2025-01-01T00:00:00Z" }));
    const lateCorrection = { ...early[4], recordedAt: "2026-02-01T00:00:00Z" };
    const all = [...early.slice(0, 4), lateCorrection, ...early.slice(5)];
    expect(projectStay(all, "2026-01-15T10:00:00Z").admission?.date).toBe("2025-03-14");
    expect(projectStay(all).admission?.date).toBe("2025-03-10");
  });

  it("counts presence: admission day yes, discharge day no, absent still present", () => {
    const stay = projectStay(history);
    expect(isPresentOn(daysOf(stay), "2025-03-09")).toBe(false);
    expect(isPresentOn(daysOf(stay), "2025-03-10")).toBe(true);
    expect(isPresentOn(daysOf(stay), "2025-05-02")).toBe(true);
    expect(isPresentOn(daysOf(stay), "2025-09-30")).toBe(true);
    expect(isPresentOn(daysOf(stay), "2025-10-01")).toBe(false);
  });

  it("applies the corrections of one event in recording order, whatever their day", () => {
    const arrived = (events: RecordedEvent[]) =>
      events.map((recorded, index) => ({ ...recorded, arrival: index + 1 }));
    const first = event("c1", "correction", "2025-03-12", { corrects: "a", admission: admissionContent });
    const second = event("c2", "correction", "2025-03-05", { corrects: "a", admission: admissionContent });
    const base = history.filter((recorded) => recorded.id !== "e");
    expect(projectStay(arrived([...base, first, second])).admission?.date).toBe("2025-03-05");
    expect(projectStay(arrived([...base, second, first])).admission?.date).toBe("2025-03-12");
    const voidSecond = event("v2", "void", "2025-03-20", { voids: "c2" });
    expect(projectStay(arrived([...base, first, second, voidSecond])).admission?.date).toBe("2025-03-12");
    const voidBoth = event("v1", "void", "2025-03-20", { voids: "c1" });
    expect(projectStay(arrived([...base, first, second, voidSecond, voidBoth])).admission?.date).toBe(
      "2025-03-14",
    );
  });

  it("keeps absences and activities outside the stay's days out of the count, and back in when the dates move", () => {
    const early = event("x", "activity", "2025-03-01", { activity: { code: "school" } });
    const after = event("y", "absence-start", "2025-10-02", { absence: { kind: "hospital" } });
    const stay = projectStay([...history, early, after]);
    expect(stay.activities.map((activity) => activity.eventId)).toEqual(["d"]);
    expect(stay.absences.map((absence) => absence.eventId)).toEqual(["b"]);
    const moved = event("z", "correction", "2025-02-20", { corrects: "a", admission: admissionContent });
    const later = event("w", "correction", "2025-10-05", {
      corrects: "f",
      discharge: { reason: "transferred", destination: "other-residential" },
    });
    const arrivedInOrder = [...history, early, after, moved, later].map((recorded, index) => ({
      ...recorded,
      arrival: index + 1,
    }));
    const widened = projectStay(arrivedInOrder);
    expect(widened.activities.map((activity) => activity.eventId)).toEqual(["x", "d"]);
    expect(widened.absences.map((absence) => absence.eventId)).toEqual(["b", "y"]);
    expect(isWithinStay(widened, "2025-10-05")).toBe(true);
    expect(isWithinStay(widened, "2025-10-06")).toBe(false);
  });
});
