import { describe, expect, it } from "vitest";
import { AppError } from "../errors/app-error.ts";
import { decideStayEvents, payloadOf } from "./decide-stay-events.ts";
import {
  admissionContent,
  day,
  dischargeContent,
  prepare,
  raw,
  recordedAt,
  storedStay,
  today,
  type World,
  worldOf,
} from "./stay-batch.fixtures.ts";
import type { StayEvent } from "./stay-event.schema.ts";

/** The stays pipeline's core, decided against a prepared state held in memory (no database). */

const decide = (world: World, ...events: ReturnType<typeof raw.admission>[]) =>
  decideStayEvents(world.state, events.map(prepare));
const codes = (decision: { result: { warnings: { code: string }[]; errors: { code: string }[] } }) => ({
  warnings: decision.result.warnings.map((problem) => problem.code),
  errors: decision.result.errors.map((problem) => problem.code),
});

describe("an admission", () => {
  it("opens a stay of the minor the registry names, and records what is kept of the event", () => {
    const world = worldOf();
    const event = raw.admission("A-1", day(-2));
    const arrivalBefore = world.state.lastArrival;
    const [decision] = decide(world, event);
    expect(decision.kind).toBe("accepted");
    expect(decision.result).toEqual({
      id: event.id,
      status: "accepted",
      warnings: [],
      errors: [],
      stayId: "stay-1",
    });
    expect(world.state.records).toEqual([
      {
        id: event.id,
        sourceKind: "client",
        sourceId: "client-1",
        contentDigest: JSON.stringify(event),
        status: "accepted",
        type: "admission",
        structureId: "s1",
        stayId: "stay-1",
        occurredOn: day(-2),
        sequence: null,
        minorId: "minor-Rossi",
        payload: { admission: admissionContent, msna: false },
        warnings: [],
        errors: [],
      },
    ]);
    expect(decision.kind === "accepted" && decision.pseudonym).toBe("P-Rossi");
    expect(world.state.stays.get("stay-1")).toEqual({
      id: "stay-1",
      structureId: "s1",
      stayRef: "A-1",
      minorId: "minor-Rossi",
      admissionDate: day(-2),
      dischargeDate: null,
      hasOverlap: false,
    });
    expect(world.state.stayByReference("s1", "A-1")?.id).toBe("stay-1");
    expect(world.state.lastArrival).toBe(arrivalBefore + 1);
    expect(world.state.events.get("stay-1")).toEqual([
      expect.objectContaining({
        id: event.id,
        type: "admission",
        arrival: arrivalBefore + 1,
        recordedAt,
        minorId: "minor-Rossi",
        sequence: null,
      }),
    ]);
    expect(world.state.touched.get("stay-1")).toMatchObject({
      stayId: "stay-1",
      structureId: "s1",
      stayRef: "A-1",
      absences: true,
      activities: true,
      projection: { status: "open", minorId: "minor-Rossi" },
    });
    // The new minor is committed in the registry, and its stays are all known to the batch.
    expect(world.registry.committed).toEqual(["Rossi"]);
    expect(world.state.loadedMinors.has("minor-Rossi")).toBe(true);
    expect(world.state.otherStaysOf("minor-Rossi", "none").map((stay) => stay.id)).toEqual(["stay-1"]);
  });

  it("keeps the sender's sequence and the unaccompanied foreign minor's mark", () => {
    const world = worldOf();
    const event = raw.admission("A-1", day(-1), { unaccompaniedForeignMinor: true }, { sequence: 4 });
    decide(world, event);
    expect(world.state.records[0]).toMatchObject({ sequence: 4, payload: { msna: true } });
    expect(world.state.events.get("stay-1")?.[0]).toMatchObject({ sequence: 4, msna: true });
  });

  it("links a minor the registry already knows: not loaded again, a linked minor stays as the shell read it", () => {
    const world = worldOf();
    storedStay(world, "Bianchi", { id: "old", admissionDate: day(-300), dischargeDate: day(-200) });
    const [decision] = decide(world, raw.admission("A-1", day(-3), { familyName: "Bianchi" }));
    expect(decision.result.status).toBe("accepted");
    expect(world.state.records[0]).toMatchObject({ minorId: "minor-Bianchi" });
    expect(world.state.otherStaysOf("minor-Bianchi", "stay-1").map((stay) => stay.id)).toEqual(["old"]);
  });

  it("warns of a possible duplicate the registry found", () => {
    const world = worldOf();
    world.registry.similar.add("Verdi");
    const [decision] = decide(world, raw.admission("A-1", day(-1), { familyName: "Verdi" }));
    expect(codes(decision)).toEqual({ warnings: ["possible-duplicate-minor"], errors: [] });
    expect(world.state.loadedMinors.has("minor-Verdi")).toBe(true);
  });

  it("is a late report more than seven days after its day, not on the seventh", () => {
    const world = worldOf();
    const [late, onTime] = decide(
      world,
      raw.admission("A-1", day(-8)),
      raw.admission("A-2", day(-7), { familyName: "Esposito" }),
    );
    expect(late.result.warnings).toEqual([
      { code: "late-report", path: "/occurredOn", message: expect.any(String) },
    ]);
    expect(onTime.result.warnings).toEqual([]);
  });

  it("counts the places of the structure on its day, itself included", () => {
    const world = worldOf({ places: 2 });
    storedStay(world, "Neri", { id: "present", structureId: "s1", admissionDate: day(-30) });
    const [second, third] = decide(
      world,
      raw.admission("A-1", day(-2), { familyName: "Gialli" }),
      raw.admission("A-2", day(-1), { familyName: "Viola" }),
    );
    expect(codes(second).warnings).toEqual([]);
    expect(codes(third).warnings).toEqual(["capacity-exceeded"]);
  });
});

describe("refusals", () => {
  it("refuses an unknown structure and one the sender may not write, storing the rejection only", () => {
    const world = worldOf({ mayWrite: (structure) => structure.id === "s1" });
    const unknown = raw.admission("A-1", day(-1), {}, { structureCode: "ST999999" });
    const [first, second] = decide(
      world,
      unknown,
      raw.admission("A-2", day(-1), {}, { structureCode: "ST000002" }),
    );
    expect(first.result).toEqual({
      id: unknown.id,
      status: "rejected",
      warnings: [],
      errors: [{ code: "unknown-structure", path: "/structureCode", message: expect.any(String) }],
    });
    expect(codes(second).errors).toEqual(["structure-not-allowed"]);
    expect(world.state.records.map((record) => [record.status, record.type])).toEqual([
      ["rejected", "admission"],
      ["rejected", "admission"],
    ]);
    expect(world.state.stays.size).toBe(0);
    expect(world.newStayIds).toEqual([]);
    expect(world.registry.committed).toEqual([]);
    expect(world.state.lastArrival).toBe(worldOf().state.lastArrival);
  });

  it("refuses what the stay rules refuse, leaving the stay and the registry as they were", () => {
    const world = worldOf();
    const [, again] = decide(
      world,
      raw.admission("A-1", day(-2)),
      raw.admission("A-1", day(-1), { familyName: "Altri" }),
    );
    expect(codes(again)).toEqual({ warnings: [], errors: ["stay-exists"] });
    expect(world.registry.committed).toEqual(["Rossi"]);
    expect(world.state.events.get("stay-1")).toHaveLength(1);
    expect(world.state.stays.get("stay-1")?.admissionDate).toBe(day(-2));
  });

  it("answers the registry's refusal of an identity on the event's minor, and throws any other error", () => {
    const world = worldOf();
    world.registry.refused.set(
      "Errato",
      new AppError("fiscal-code-invalid", "Il codice fiscale non è valido.", [
        { path: "/fiscalCode", code: "fiscal-code-invalid", message: "Il codice fiscale non è valido." },
      ]),
    );
    const [refused] = decide(world, raw.admission("A-1", day(-1), { familyName: "Errato" }));
    expect(refused.result.errors).toEqual([
      { path: "/minor/fiscalCode", code: "fiscal-code-invalid", message: "Il codice fiscale non è valido." },
    ]);
    world.registry.refused.set("Guasto", new AppError("internal"));
    expect(() => decide(world, raw.admission("A-2", day(-1), { familyName: "Guasto" }))).toThrow(AppError);
    world.registry.refused.set("Rotto", new TypeError("a programming error"));
    expect(() => decide(world, raw.admission("A-3", day(-1), { familyName: "Rotto" }))).toThrow(TypeError);
  });

  it("stores an event its parsing refused, and answers one without an id without storing it", () => {
    const world = worldOf();
    const future = raw.discharge("A-1", day(1));
    const [refused, withoutId] = decideStayEvents(world.state, [
      prepare(future),
      { ...prepare(raw.activity("A-1", day(-1))), id: null, digest: null },
    ]);
    expect(refused.kind).toBe("rejected");
    expect(codes(refused).errors).toEqual(["date-in-future"]);
    expect(withoutId.kind).toBe("answered");
    expect(world.state.records.map((record) => record.id)).toEqual([future.id]);
  });
});

describe("the events of one stay in one batch", () => {
  it("discharges the stay the batch admitted, and a discharge that came first waits for its admission", () => {
    const world = worldOf();
    const [admitted, discharged, early, late] = decide(
      world,
      raw.admission("A-1", day(-5)),
      raw.discharge("A-1", day(-1)),
      raw.discharge("B-1", day(-1)),
      raw.admission("B-1", day(-4), { familyName: "Bruni" }),
    );
    expect(discharged.result).toMatchObject({ status: "accepted", stayId: admitted.result.stayId });
    expect(world.state.stays.get("stay-1")).toMatchObject({ admissionDate: day(-5), dischargeDate: day(-1) });
    expect(codes(early).warnings).toEqual(["waiting-for-admission"]);
    expect(late.result.stayId).toBe(early.result.stayId);
    expect(world.state.stays.get("stay-2")).toMatchObject({
      minorId: "minor-Bruni",
      admissionDate: day(-4),
      dischargeDate: day(-1),
    });
    expect(world.state.events.get("stay-2")?.map((event) => event.arrival)).toEqual([
      world.state.lastArrival - 1,
      world.state.lastArrival,
    ]);
  });

  it("marks the child rows an event may change: absences, activities, or both for a change of dates", () => {
    const world = worldOf();
    const stored = storedStay(world, "Conti", { id: "kept", structureId: "s1", stayRef: "K-1" });
    decide(world, raw.activity("K-1", day(-2)));
    expect(world.state.touched.get(stored.id)).toMatchObject({ absences: false, activities: true });
    decide(world, raw.absenceStart("K-1", day(-2)));
    expect(world.state.touched.get(stored.id)).toMatchObject({ absences: true, activities: true });

    const other = storedStay(world, "Ferri", { id: "other", structureId: "s1", stayRef: "K-2" });
    decide(world, raw.absenceEnd("K-2", day(-1)));
    expect(world.state.touched.get(other.id)).toMatchObject({ absences: true, activities: false });
    const third = storedStay(world, "Galli", { id: "third", structureId: "s1", stayRef: "K-3" });
    decide(world, raw.discharge("K-3", day(-1)));
    expect(world.state.touched.get(third.id)).toMatchObject({ absences: true, activities: true });
    expect(world.state.stays.get(third.id)).toMatchObject({ admissionDate: null, dischargeDate: day(-1) });
  });
});

describe("overlapping stays of one minor", () => {
  it("flags both stays, keeps the flag through an activity, and clears both when a void removes the admission", () => {
    const world = worldOf();
    const elsewhere = storedStay(world, "Moro", { id: "elsewhere", admissionDate: day(-40) });
    const admission = raw.admission("A-1", day(-10), { familyName: "Moro" });
    const [admitted, activity] = decide(world, admission, raw.activity("A-1", day(-5)));
    expect(codes(admitted).warnings).toEqual(["late-report", "overlapping-stay"]);
    expect(codes(activity).warnings).toEqual([]);
    expect(world.state.stays.get("stay-1")?.hasOverlap).toBe(true);
    expect(world.state.stays.get(elsewhere.id)?.hasOverlap).toBe(true);
    expect(world.state.flagsBefore).toEqual(
      new Map([
        ["stay-1", false],
        [elsewhere.id, false],
      ]),
    );

    const [voided] = decide(world, raw.void("A-1", day(-1), admission.id));
    expect(voided.result.status).toBe("accepted");
    expect(world.state.stays.get("stay-1")).toMatchObject({ minorId: null, hasOverlap: false });
    // The stay no longer names the minor: the minor's other stay is recomputed all the same.
    expect(world.state.stays.get(elsewhere.id)?.hasOverlap).toBe(false);
  });

  it("clears both flags when a correction moves the admission after the other stay's discharge", () => {
    const world = worldOf();
    const before = storedStay(world, "Sala", {
      id: "before",
      admissionDate: day(-90),
      dischargeDate: day(-20),
    });
    const admission = raw.admission("A-1", day(-30), { familyName: "Sala" });
    decide(world, admission);
    expect(world.state.stays.get(before.id)?.hasOverlap).toBe(true);
    const [corrected] = decide(
      world,
      raw.correction("A-1", day(-20), admission.id, { admission: admissionContent }),
    );
    expect(corrected.result.status).toBe("accepted");
    expect(codes(corrected).warnings).toEqual(["late-report"]);
    expect(world.state.stays.get("stay-1")).toMatchObject({ admissionDate: day(-20), hasOverlap: false });
    expect(world.state.stays.get(before.id)?.hasOverlap).toBe(false);
    expect(world.state.records.at(-1)?.payload).toEqual({
      corrects: admission.id,
      admission: admissionContent,
      discharge: undefined,
      reason: undefined,
    });
  });
});

describe("what is kept of an event", () => {
  const envelope = { id: "e", structureCode: "ST000001", stayRef: "R", occurredOn: today };
  it("keeps each type's content and never the identity", () => {
    const cases: [object, object][] = [
      [
        { type: "admission", minor: { familyName: "Rossi" }, admission: admissionContent },
        { admission: admissionContent, msna: false },
      ],
      [{ type: "discharge", discharge: dischargeContent }, { discharge: dischargeContent }],
      [{ type: "absence-start", absence: { kind: "hospital" } }, { absence: { kind: "hospital" } }],
      [{ type: "absence-end" }, {}],
      [
        { type: "activity", activity: { code: "school", hours: 3 } },
        { activity: { code: "school", hours: 3 } },
      ],
      [
        { type: "correction", corrects: "c", discharge: dischargeContent, reason: "Errore" },
        { corrects: "c", admission: undefined, discharge: dischargeContent, reason: "Errore" },
      ],
      [
        { type: "void", voids: "v", reason: "Doppio" },
        { voids: "v", reason: "Doppio" },
      ],
    ];
    for (const [event, kept] of cases)
      expect(payloadOf({ ...envelope, ...event } as StayEvent)).toStrictEqual(kept);
  });
});
