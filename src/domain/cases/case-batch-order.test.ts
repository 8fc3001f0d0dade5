import { describe, expect, it } from "vitest";
import { decisionOrder } from "./case-batch-order.ts";
import { parseCaseEvent } from "./parse-case-event.ts";

const caseId = "0b9f3a52-6c1d-4e2f-8a7b-1c2d3e4f5a01";
const id = (n: number) => `0b9f3a52-6c1d-4e2f-8a7b-1c2d3e4f5a${String(n).padStart(2, "0")}`;
const today = "2026-11-21";
const parsed = (raw: Record<string, unknown>) => ({ parsed: parseCaseEvent({ caseId, ...raw }, today) });

const opening = parsed({
  id: caseId,
  type: "case-opened",
  occurredOn: "2026-03-01",
  opening: { minorRef: "ABC123", firstReportOn: "2026-02", reportSource: "13" },
});
const start = parsed({
  id: id(2),
  type: "foster-care-start",
  occurredOn: "2026-04-01",
  fosterCare: { form: "1", kind: "1", duration: "1", character: "1" },
});
const end = parsed({
  id: id(3),
  type: "foster-care-end",
  occurredOn: "2026-06-01",
  fosterCareStart: id(2),
  outcome: "1",
});
const nextStart = parsed({
  id: id(4),
  type: "foster-care-start",
  occurredOn: "2026-06-01",
  fosterCare: { form: "2", kind: "2", duration: "2", character: "2" },
});
const voidOfEnd = parsed({ id: id(5), type: "void", occurredOn: "2026-07-01", voids: id(3) });
const closure = parsed({
  id: id(6),
  type: "closure",
  occurredOn: "2026-06-01",
  closure: { reason: "4", situation: "1" },
});
const unreadable = { parsed: parseCaseEvent({ id: id(7), type: "nothing" }, today) };

describe("the decision order of a request", () => {
  it("the opening first, on a day the end before the next start and the closure last, voids after, unreadable first", () => {
    const events = [voidOfEnd, closure, nextStart, end, start, unreadable, opening];
    const order = decisionOrder(events).map((index) => events[index]);
    expect(order).toEqual([unreadable, opening, start, end, nextStart, closure, voidOfEnd]);
  });

  it("an end dated before its own start still comes after it (the rules then reject it)", () => {
    const early = parsed({
      id: id(8),
      type: "foster-care-end",
      occurredOn: "2026-03-15",
      fosterCareStart: id(2),
      outcome: "1",
    });
    const events = [early, start, opening];
    expect(decisionOrder(events).map((index) => events[index])).toEqual([opening, start, early]);
  });
});
