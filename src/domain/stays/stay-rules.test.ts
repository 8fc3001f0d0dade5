import { describe, expect, it } from "vitest";
import { validateFiscalCode } from "../identity/fiscal-code.ts";
import { encodeFiscalCode } from "../identity/fiscal-code-encoding.ts";
import { birthDateOfFiscalCode } from "./age.ts";
import type { PendingMinorResolution, PlacesVersion, StaySummary } from "./stay-batch.types.ts";
import type { StayEvent } from "./stay-event.schema.ts";
import { projectStay, type RecordedEvent } from "./stay-projection.ts";
import {
  checkEventAgainstStay,
  RuleRejection,
  type StayView,
  warningsAfterProjection,
} from "./stay-rules.ts";

/** The rules of a stay against a small world held in memory: the other stays, places, presences. */

const admissionContent = {
  kind: "planned" as const,
  legalBasis: "judicial" as const,
  referringService: { code: "SVC-1", comune: "048017" },
  withParent: false,
  origin: "family-of-origin" as const,
  reasons: ["7" as const],
};

function recorded(
  id: string,
  type: RecordedEvent["type"],
  occurredOn: string,
  extra: Partial<RecordedEvent> = {},
) {
  return { id, type, occurredOn, sequence: 1, arrival: 0, recordedAt: "2026-01-01T00:00:00Z", ...extra };
}
const admitted = (day: string) =>
  recorded("adm", "admission", day, { minorId: "m1", admission: admissionContent }) as RecordedEvent;
const discharged = (day: string) =>
  recorded("dis", "discharge", day, {
    discharge: { reason: "project-completed", destination: "family-of-origin" },
  }) as RecordedEvent;

const incoming = (type: string, occurredOn: string, extra: Record<string, unknown> = {}) =>
  ({ type, occurredOn, ...extra }) as unknown as StayEvent;
const admission = (occurredOn: string, minor: Record<string, unknown> = { birthDate: "2012-03-14" }) =>
  incoming("admission", occurredOn, { minor, admission: admissionContent });

function viewOf(
  others: StaySummary[] = [],
  places?: PlacesVersion,
  present = 0,
): StayView & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    otherStaysOf: (minorId) => {
      asked.push(minorId);
      return others.filter((other) => other.minorId === minorId);
    },
    placesOn: () => places,
    countPresent: () => present,
  };
}
const otherStay = (admissionDate: string, dischargeDate: string | null): StaySummary => ({
  id: "other",
  structureId: "s2",
  stayRef: "X",
  minorId: "m1",
  admissionDate,
  dischargeDate,
  hasOverlap: false,
});
const resolution = (outcome: PendingMinorResolution["outcome"] = "linked"): PendingMinorResolution => ({
  minorId: "m1",
  pseudonym: "P-1",
  outcome,
  commit: () => {},
});

function check(event: StayEvent, events: RecordedEvent[] = [], outcome = resolution()) {
  return checkEventAgainstStay(
    () => outcome,
    { today: "2026-11-21" },
    {
      event,
      structureId: "s1",
      stayId: "stay-1",
      events,
    },
  );
}
function rejectionOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof RuleRejection) return error.errors.map((problem) => problem.code).join(",");
    throw error;
  }
  return undefined;
}
const warningCodes = (result: { warnings: { code: string }[] }) =>
  result.warnings.map((warning) => warning.code);

describe("an admission", () => {
  it("warns from the 21st birthday on, not the day before", () => {
    expect(warningCodes(check(admission("2025-06-09", { birthDate: "2004-06-10" })))).toEqual([]);
    expect(warningCodes(check(admission("2025-06-10", { birthDate: "2004-06-10" })))).toEqual([
      "age-over-21",
    ]);
    expect(warningCodes(check(admission("2030-01-01", { birthDate: "2004-06-10" })))).toEqual([
      "age-over-21",
    ]);
  });

  it("reads the age from a personal fiscal code when the birth date is not given", () => {
    const fiscalCode = encodeFiscalCode({
      familyName: "Rossi",
      givenName: "Mario",
      sex: "M",
      birthDate: "2004-06-10",
      birthPlaceCode: "D612",
    });
    expect(warningCodes(check(admission("2025-06-10", { fiscalCode })))).toEqual(["age-over-21"]);
    expect(warningCodes(check(admission("2025-06-09", { fiscalCode })))).toEqual([]);
  });

  it("names the minor the registry resolves, with its pseudonym", () => {
    const result = check(admission("2025-03-01"));
    expect(result).toMatchObject({ minorId: "m1", pseudonym: "P-1" });
    expect(result.resolution?.outcome).toBe("linked");
  });

  it("is refused twice in a stay, and before the stay's own discharge", () => {
    expect(rejectionOf(() => check(admission("2025-03-01"), [admitted("2025-02-01")]))).toBe("stay-exists");
    expect(rejectionOf(() => check(admission("2025-03-02"), [discharged("2025-03-01")]))).toBe(
      "discharge-before-admission",
    );
    expect(rejectionOf(() => check(admission("2025-03-01"), [discharged("2025-03-01")]))).toBeUndefined();
  });

  it("warns of a possible duplicate minor", () => {
    const result = check(admission("2025-03-01"), [], resolution("possible-duplicate"));
    expect(warningCodes(result)).toEqual(["possible-duplicate-minor"]);
  });
});

describe("a discharge", () => {
  const discharge = (day: string) => incoming("discharge", day, { discharge: { reason: "transferred" } });

  it("is refused twice, and before the admission; on the admission day it is accepted", () => {
    const twice = () => check(discharge("2025-05-01"), [admitted("2025-03-01"), discharged("2025-04-01")]);
    expect(rejectionOf(twice)).toBe("discharge-exists");
    expect(rejectionOf(() => check(discharge("2025-02-28"), [admitted("2025-03-01")]))).toBe(
      "discharge-before-admission",
    );
    const sameDay = check(discharge("2025-03-01"), [admitted("2025-03-01")]);
    expect(sameDay).toEqual({ minorId: "m1", pseudonym: null, warnings: [] });
  });

  it("waits for its admission when it comes first", () => {
    expect(warningCodes(check(discharge("2025-03-01")))).toEqual(["waiting-for-admission"]);
  });
});

describe("a correction and a void", () => {
  const events = [admitted("2025-03-01"), discharged("2025-06-01")];

  it("correct only an event of this stay of the same kind", () => {
    const correction = (corrects: string, extra: Record<string, unknown>, day = "2025-03-02") =>
      incoming("correction", day, { corrects, ...extra });
    expect(rejectionOf(() => check(correction("nope", { admission: admissionContent }), events))).toBe(
      "unknown-stay",
    );
    expect(rejectionOf(() => check(correction("dis", { admission: admissionContent }), events))).toBe(
      "unknown-stay",
    );
    expect(rejectionOf(() => check(correction("adm", { admission: admissionContent }), events))).toBe(
      undefined,
    );
    expect(
      rejectionOf(() => check(correction("adm", { admission: admissionContent }, "2025-06-02"), events)),
    ).toBe("discharge-before-admission");
    expect(rejectionOf(() => check(correction("dis", { discharge: {} }, "2025-02-28"), events))).toBe(
      "discharge-before-admission",
    );
    expect(rejectionOf(() => check(correction("dis", { discharge: {} }, "2025-03-01"), events))).toBe(
      undefined,
    );
  });

  it("void only an event of this stay", () => {
    expect(rejectionOf(() => check(incoming("void", "2025-07-01", { voids: "nope" }), events))).toBe(
      "unknown-stay",
    );
    expect(check(incoming("void", "2025-07-01", { voids: "dis" }), events)).toEqual({
      minorId: "m1",
      pseudonym: null,
      warnings: [],
    });
  });

  it("an activity waits for the admission, and is accepted after it", () => {
    const activity = incoming("activity", "2025-04-01", { activity: { code: "school" } });
    expect(warningCodes(check(activity))).toEqual(["waiting-for-admission"]);
    expect(warningCodes(check(activity, events))).toEqual([]);
  });
});

describe("after the stay is recomputed", () => {
  const places: PlacesVersion = {
    validFrom: "2020-01-01",
    version: 1,
    authorisedPlaces: 2,
    emergencyExtraPlaces: 1,
  };
  const recheck = (view: StayView, events: RecordedEvent[], event: StayEvent) =>
    warningsAfterProjection(view, {
      structureId: "s1",
      stayId: "stay-1",
      projection: projectStay(events),
      event,
    });

  it("flags an overlap with another stay of the same minor", () => {
    const overlapping = recheck(
      viewOf([otherStay("2025-02-01", "2025-04-01")]),
      [admitted("2025-03-01")],
      incoming("activity", "2025-03-05"),
    );
    expect(overlapping.hasOverlap).toBe(true);
    expect(warningCodes(overlapping)).toEqual(["overlapping-stay"]);
    const transfer = recheck(
      viewOf([otherStay("2025-02-01", "2025-03-01")]),
      [admitted("2025-03-01")],
      incoming("activity", "2025-03-05"),
    );
    expect(transfer).toEqual({ warnings: [], hasOverlap: false });
  });

  it("counts the admitted minor against authorised and emergency places", () => {
    const events = [admitted("2025-03-01")];
    expect(warningCodes(recheck(viewOf([], places, 2), events, admission("2025-03-01")))).toEqual([]);
    expect(warningCodes(recheck(viewOf([], places, 3), events, admission("2025-03-01")))).toEqual([
      "capacity-exceeded",
    ]);
    expect(warningCodes(recheck(viewOf([], undefined, 30), events, admission("2025-03-01")))).toEqual([]);
    expect(warningCodes(recheck(viewOf([], places, 3), events, incoming("activity", "2025-03-01")))).toEqual(
      [],
    );
    const gone = [admitted("2025-03-01"), discharged("2025-03-01")];
    expect(warningCodes(recheck(viewOf([], places, 3), gone, admission("2025-03-01")))).toEqual([]);
  });
});

describe("birthDateOfFiscalCode", () => {
  it("gives nothing for a valid provisional (numeric) code", () => {
    const provisional = Array.from({ length: 10 }, (_, digit) => `1234567890${digit}`).find(
      (code) => validateFiscalCode(code).ok,
    ) as string;
    expect(validateFiscalCode(provisional)).toMatchObject({ ok: true, kind: "provisional" });
    expect(birthDateOfFiscalCode(provisional, "2026-01-01")).toBeUndefined();
  });
});
