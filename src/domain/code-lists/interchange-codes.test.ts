import { describe, expect, it } from "vitest";
import { type CodeList, codesOf, entryOf, isCodeOf, labelOf } from "./code-list.ts";
import {
  AbsenceKind,
  ActivityCode,
  AdmissionOrigin,
  absenceKinds,
  activityCodes,
  admissionKinds,
  admissionOrigins,
  DischargeDestination,
  DischargeReason,
  dischargeDestinations,
  dischargeReasons,
  EventType,
  eventResultStatuses,
  eventTypes,
  LegalBasis,
  legalBases,
  otherIdentifierKinds,
  sexes,
  sinbaOutcomeOf,
  sinbaPlacementFormOf,
  ValidationErrorCode,
  ValidationWarningCode,
  validationErrorCodes,
  validationWarningCodes,
} from "./interchange-codes.ts";
import { sinbaEsitoInserimentoStruttura } from "./sinba-codes.ts";

const kebabCase = /^[a-z0-9]+(-[a-z0-9]+)*$/;

describe("interchange v1 code lists", () => {
  const lists: Record<string, CodeList> = {
    eventTypes,
    eventResultStatuses,
    otherIdentifierKinds,
    admissionKinds,
    legalBases,
    admissionOrigins,
    dischargeReasons,
    dischargeDestinations,
    absenceKinds,
    activityCodes,
    validationErrorCodes,
    validationWarningCodes,
  };

  it.each(Object.entries(lists))("%s has unique kebab-case codes and Italian labels", (_, list) => {
    const codes = list.map((entry) => entry.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const entry of list) {
      expect(entry.code).toMatch(kebabCase);
      expect(entry.label.length).toBeGreaterThan(2);
    }
  });

  it("holds the values written in the standard", () => {
    expect(EventType.options).toEqual([
      "admission",
      "discharge",
      "absence-start",
      "absence-end",
      "activity",
      "correction",
      "void",
    ]);
    expect(LegalBasis.options).toEqual(["consensual", "judicial", "emergency-403"]);
    expect(AdmissionOrigin.options).toHaveLength(9);
    expect(DischargeReason.options).toEqual([
      "project-completed",
      "came-of-age",
      "court-order",
      "transferred",
      "ran-away",
      "repatriated",
      "other",
    ]);
    expect(AbsenceKind.options).toEqual(["ran-away", "hospital", "family-visit", "other"]);
    expect(ActivityCode.options).toHaveLength(10);
    expect(ValidationErrorCode.options).toHaveLength(16);
    expect(ValidationWarningCode.options).toEqual([
      "waiting-for-admission",
      "capacity-exceeded",
      "age-over-21",
      "late-report",
      "possible-duplicate-minor",
      "overlapping-stay",
      "outside-stay",
    ]);
    expect(sexes.map((entry) => entry.code)).toEqual(["M", "F"]);
  });

  it("maps each discharge destination to its SINBA EsitoInserimentoStruttura", () => {
    expect(DischargeDestination.options.map(sinbaOutcomeOf)).toEqual([
      "1",
      "2",
      "3",
      "4",
      "5",
      "6",
      "7",
      "8",
      "9",
    ]);
    expect(labelOf(sinbaEsitoInserimentoStruttura, sinbaOutcomeOf("unknown"))).toBe("destinazione ignota");
    expect(labelOf(sinbaEsitoInserimentoStruttura, sinbaOutcomeOf("pre-adoptive-family"))).toBe("adottato");
    expect(labelOf(sinbaEsitoInserimentoStruttura, sinbaOutcomeOf("repatriated"))).toBe("rimpatriato");
  });

  it("exports a placement under art. 403 c.c. as judicial", () => {
    expect(sinbaPlacementFormOf("consensual")).toBe("1");
    expect(sinbaPlacementFormOf("judicial")).toBe("2");
    expect(sinbaPlacementFormOf("emergency-403")).toBe("2");
  });

  it("groups validation errors as the standard does", () => {
    const identity = validationErrorCodes
      .filter((entry) => entry.group === "identity")
      .map((entry) => entry.code);
    expect(identity).toEqual(["fiscal-code-invalid", "fiscal-code-mismatch", "identity-incomplete"]);
  });
});

describe("code list helpers", () => {
  it("derive codes, labels and entries", () => {
    expect(codesOf(admissionKinds)).toEqual(["planned", "emergency"]);
    expect(labelOf(admissionKinds, "emergency")).toBe("In emergenza");
    expect(labelOf(admissionKinds, "nope")).toBeUndefined();
    expect(entryOf(dischargeDestinations, "other")?.sinbaOutcome).toBe("9");
    expect(isCodeOf(dischargeReasons, "ran-away")).toBe(true);
    expect(isCodeOf(dischargeReasons, 3)).toBe(false);
    expect(() => codesOf([])).toThrow();
  });
});
