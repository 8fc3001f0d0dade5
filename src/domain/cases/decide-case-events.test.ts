import { describe, expect, it } from "vitest";
import type { CaseSender } from "./case-rules.ts";
import { type CaseBatchState, decideCaseEvents } from "./decide-case-events.ts";
import { parseCaseEvent } from "./parse-case-event.ts";

const today = "2026-11-21";
const caseId = "6f1c2a5e-0000-4000-8000-000000000001";
const sender: CaseSender = {
  kind: "user",
  id: "u1",
  serviceId: "svc-1",
  serviceCode: "SVC-1",
  canAssign: false,
};
const operatorB = "6f1c2a5e-0000-4000-8000-00000000bbbb";
let counter = 0;
const uuid = () => `6f1c2a5e-0000-4000-8000-${String(++counter).padStart(12, "0")}`;

function stateWith(openElsewhere = 0, as: Partial<CaseSender> = {}): CaseBatchState {
  return {
    sender: { ...sender, ...as },
    recordedAt: "2026-11-21T10:00:00Z",
    view: {
      minorOfReference: (ref) => (ref === "M1" ? "minor-1" : undefined),
      countOpenCases: () => openElsewhere,
      minorOfStay: (stayId) => (stayId === "6f1c2a5e-0000-4000-8000-00000000aaaa" ? "minor-1" : undefined),
      isCaseOperator: (userId) => userId === operatorB || userId === "u1",
    },
    earlier: new Map(),
    cases: new Map(),
    events: new Map(),
    hiddenCaseIds: new Set(),
    openedInBatch: [],
    lastArrival: 0,
    records: [],
    touched: new Map(),
  };
}

const opening = (id = uuid(), on = "2026-01-10", target = caseId) => ({
  id,
  type: "case-opened",
  caseId: target,
  occurredOn: on,
  opening: { minorRef: "M1", firstReportOn: "2025-12", reportSource: "13" },
});

function decide(state: CaseBatchState, raws: Record<string, unknown>[]) {
  return decideCaseEvents(
    state,
    raws.map((raw) => {
      const parsed = parseCaseEvent(raw, today);
      return { parsed, id: typeof raw.id === "string" ? raw.id : null, digest: JSON.stringify(raw) };
    }),
  ).map((decision) => decision.result);
}

const codes = (results: ReturnType<typeof decide>) => results.map((r) => r.errors[0]?.code ?? r.status);

const assignment = (operatorId: string, on = "2026-02-01", id = uuid()) => ({
  id,
  type: "assignment",
  caseId,
  occurredOn: on,
  assignment: { operatorId },
});

describe("decideCaseEvents", () => {
  it("only the service manager assigns a case, to an operator of the service, while it is open", () => {
    const first = uuid();
    const manager = stateWith(0, { canAssign: true });
    const results = decide(manager, [
      opening(),
      assignment("6f1c2a5e-0000-4000-8000-00000000cccc"),
      assignment(operatorB, "2026-02-01", first),
      assignment(operatorB, "2026-02-02"),
      { id: uuid(), type: "void", caseId, occurredOn: "2026-02-03", voids: first },
      {
        id: uuid(),
        type: "closure",
        caseId,
        occurredOn: "2026-06-01",
        closure: { reason: "4", situation: "1" },
      },
      assignment(operatorB, "2026-05-01"),
    ]);
    expect(codes(results)).toEqual([
      "accepted",
      "unknown-operator",
      "accepted",
      "already-assigned",
      "accepted",
      "accepted",
      "closed-case-not-assignable",
    ]);
    expect(manager.touched.get(caseId)?.projection.assignments).toEqual([]);
    const operator = stateWith();
    expect(codes(decide(operator, [opening(), assignment(operatorB)]))).toEqual([
      "accepted",
      "assignment-manager-only",
    ]);
    expect(manager.touched.get(caseId)?.summary.openedBy).toBe("u1");
  });

  it("opens a case, records facts, closes it, and refuses what follows the closure", () => {
    const state = stateWith();
    const results = decide(state, [
      opening(),
      { id: uuid(), type: "situation", caseId, occurredOn: "2026-01-11", situation: { school: "3" } },
      { id: uuid(), type: "closure", caseId, occurredOn: "2026-06-01", closure: { reason: "4" } },
      {
        id: uuid(),
        type: "closure",
        caseId,
        occurredOn: "2026-06-01",
        closure: { reason: "4", situation: "1" },
      },
      { id: uuid(), type: "situation", caseId, occurredOn: "2026-06-02", situation: { school: "4" } },
      {
        id: uuid(),
        type: "closure",
        caseId,
        occurredOn: "2026-06-03",
        closure: { reason: "4", situation: "1" },
      },
    ]);
    expect(codes(results)).toEqual([
      "accepted",
      "accepted",
      "closure-incomplete",
      "accepted",
      "case-closed",
      "case-closed",
    ]);
    expect(results[2].errors[0].message).toMatch(/motivazione e la situazione/);
    expect(state.touched.get(caseId)?.projection.status).toBe("closed");
  });

  it("one open case per minor per service, within the batch too", () => {
    expect(codes(decide(stateWith(1), [opening()]))).toEqual(["open-case-exists"]);
    const other = "6f1c2a5e-0000-4000-8000-0000000000ff";
    expect(codes(decide(stateWith(), [opening(), opening(uuid(), "2026-01-10", other)]))).toEqual([
      "accepted",
      "open-case-exists",
    ]);
  });

  it("a foster-care episode ends after it starts, once", () => {
    const start = uuid();
    const fosterCare = { form: "1", kind: "2", duration: "1", character: "1", nightsPerWeek: 7 };
    const results = decide(stateWith(), [
      opening(),
      { id: start, type: "foster-care-start", caseId, occurredOn: "2026-02-01", fosterCare },
      { id: uuid(), type: "foster-care-start", caseId, occurredOn: "2026-02-02", fosterCare },
      {
        id: uuid(),
        type: "foster-care-end",
        caseId,
        occurredOn: "2026-01-31",
        fosterCareStart: start,
        outcome: "1",
      },
      {
        id: uuid(),
        type: "foster-care-end",
        caseId,
        occurredOn: "2026-05-01",
        fosterCareStart: start,
        outcome: "1",
      },
      {
        id: uuid(),
        type: "foster-care-end",
        caseId,
        occurredOn: "2026-05-02",
        fosterCareStart: start,
        outcome: "1",
      },
    ]);
    expect(codes(results)).toEqual([
      "accepted",
      "accepted",
      "foster-care-open",
      "end-before-start",
      "accepted",
      "already-ended",
    ]);
  });

  it("corrections carry content of the same kind; the opening is not voided and its minor does not change", () => {
    const open = uuid();
    const situation = uuid();
    const results = decide(stateWith(), [
      opening(open),
      { id: situation, type: "situation", caseId, occurredOn: "2026-01-11", situation: { school: "3" } },
      {
        id: uuid(),
        type: "correction",
        caseId,
        occurredOn: "2026-01-11",
        corrects: situation,
        family: { household: [] },
      },
      {
        id: uuid(),
        type: "correction",
        caseId,
        occurredOn: "2026-01-11",
        corrects: situation,
        situation: { school: "5" },
      },
      { id: uuid(), type: "void", caseId, occurredOn: "2026-01-12", voids: open },
      {
        id: uuid(),
        type: "correction",
        caseId,
        occurredOn: "2026-01-10",
        corrects: open,
        opening: { minorRef: "M2", firstReportOn: "2025-12", reportSource: "13" },
      },
      { id: uuid(), type: "situation", caseId, occurredOn: "2026-01-09", situation: { school: "3" } },
    ]);
    expect(codes(results)).toEqual([
      "accepted",
      "accepted",
      "correction-mismatch",
      "accepted",
      "opening-not-voidable",
      "minor-not-changeable",
      "before-opening",
    ]);
  });

  it("idempotency: same id and content is a duplicate, other content is refused; unknown cases answer alike", () => {
    const state = stateWith();
    const first = opening();
    state.hiddenCaseIds.add("6f1c2a5e-0000-4000-8000-0000000000ee");
    const results = decide(state, [
      first,
      first,
      { ...first, occurredOn: "2026-01-11" },
      {
        id: uuid(),
        type: "situation",
        caseId: "6f1c2a5e-0000-4000-8000-0000000000ee",
        occurredOn: "2026-01-11",
        situation: {},
      },
      {
        id: uuid(),
        type: "situation",
        caseId: "6f1c2a5e-0000-4000-8000-0000000000dd",
        occurredOn: "2026-01-11",
        situation: {},
      },
    ]);
    expect(codes(results)).toEqual(["accepted", "duplicate", "id-reused", "unknown-case", "unknown-case"]);
  });

  it("placements link only the minor's own stays; transfers go to another service and are accepted by it", () => {
    const results = decide(stateWith(), [
      opening(),
      {
        id: uuid(),
        type: "placement",
        caseId,
        occurredOn: "2026-02-01",
        placement: { stayId: "6f1c2a5e-0000-4000-8000-00000000bbbb" },
      },
      {
        id: uuid(),
        type: "placement",
        caseId,
        occurredOn: "2026-02-01",
        placement: { stayId: "6f1c2a5e-0000-4000-8000-00000000aaaa" },
      },
      {
        id: uuid(),
        type: "transfer-requested",
        caseId,
        occurredOn: "2026-03-01",
        transfer: { toServiceCode: "SVC-1" },
      },
      { id: uuid(), type: "transfer-accepted", caseId, occurredOn: "2026-03-01" },
      {
        id: uuid(),
        type: "transfer-requested",
        caseId,
        occurredOn: "2026-03-01",
        transfer: { toServiceCode: "SVC-2" },
      },
      {
        id: uuid(),
        type: "transfer-requested",
        caseId,
        occurredOn: "2026-03-02",
        transfer: { toServiceCode: "SVC-3" },
      },
      { id: uuid(), type: "transfer-accepted", caseId, occurredOn: "2026-03-03" },
    ]);
    expect(codes(results)).toEqual([
      "accepted",
      "unknown-stay",
      "accepted",
      "transfer-to-self",
      "transfer-not-requested",
      "accepted",
      "transfer-pending",
      "transfer-not-addressed",
    ]);
  });

  it("bad input gets stable codes: shape, code lists, dates, prevalent among the values", () => {
    const results = decide(stateWith(), [
      {
        id: uuid(),
        type: "case-opened",
        caseId,
        occurredOn: "2027-01-01",
        opening: { minorRef: "M1", firstReportOn: "2026-12", reportSource: "13" },
      },
      { id: uuid(), type: "nonsense", caseId, occurredOn: "2026-01-01" },
      { ...opening(), opening: { minorRef: "M1", firstReportOn: "2025-12", reportSource: "99" } },
      opening(),
      {
        id: uuid(),
        type: "assessment",
        caseId,
        occurredOn: "2026-01-12",
        assessment: { child: { values: ["2"], prevalent: "7" } },
      },
      {
        id: uuid(),
        type: "judicial-measure",
        caseId,
        occurredOn: "2026-01-12",
        measure: { authority: "2", kind: "8" },
      },
    ]);
    expect(codes(results)).toEqual([
      "date-in-future",
      "unknown-type",
      "unknown-code",
      "accepted",
      "invalid-json-shape",
      "invalid-json-shape",
    ]);
    expect(results[4].errors[0]).toMatchObject({ path: "/assessment/child/prevalent" });
  });
});
