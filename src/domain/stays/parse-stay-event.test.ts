import { describe, expect, it } from "vitest";
import { freePlacesOf, isCountedInPlaces } from "./free-places.ts";
import { eventProblem, parseStayEvent } from "./parse-stay-event.ts";
import { day, raw, today } from "./stay-batch.fixtures.ts";
import { stayEventSchemas, withRequiredReason } from "./stay-event.schema.ts";

/** One raw event parsed on its own: the standard's codes, paths and Italian messages. */

const errorsOf = (event: unknown) => {
  const parsed = parseStayEvent(event, today);
  return parsed.ok ? [] : parsed.errors;
};

describe("parsing a stay event", () => {
  it("accepts every type of the standard as it is sent", () => {
    const events = [
      raw.admission("R", day(-1)),
      raw.discharge("R", today),
      raw.absenceStart("R", day(-1)),
      raw.absenceEnd("R", day(-1)),
      raw.activity("R", day(-1), { activity: { code: "school", until: day(-1), hours: 2 } }),
      raw.void("R", day(-1), "00000000-0000-4000-8000-00000000aaaa"),
    ];
    for (const event of events) expect(parseStayEvent(event, today)).toEqual({ ok: true, event });
  });

  it("answers what is not an object, and keeps a refused event's id and type", () => {
    expect(parseStayEvent([1], today)).toEqual({
      ok: false,
      id: null,
      type: null,
      errors: [{ code: "invalid-json-shape", path: "", message: "L'evento deve essere un oggetto JSON." }],
    });
    const unknown = { ...raw.activity("R", day(-1)), type: "visit" };
    expect(parseStayEvent(unknown, today)).toEqual({
      ok: false,
      id: unknown.id,
      type: "visit",
      errors: [{ code: "unknown-type", path: "/type", message: "Tipo di evento non previsto: «visit»." }],
    });
    expect(errorsOf({ ...unknown, type: 7 })).toEqual([
      { code: "unknown-type", path: "/type", message: "Tipo di evento non previsto: «»." },
    ]);
    // A name inherited by every object is not a type of the standard.
    expect(errorsOf({ ...unknown, type: "toString" }).map((problem) => problem.code)).toEqual([
      "unknown-type",
    ]);
  });

  it("names bad dates, codes outside their list and other shapes with their pointer", () => {
    expect(errorsOf({ ...raw.discharge("R", "2026-02-30") })).toEqual([
      {
        code: "date-invalid",
        path: "/occurredOn",
        message: "Data non valida in /occurredOn: usare AAAA-MM-GG.",
      },
    ]);
    expect(errorsOf(raw.admission("R", day(-1), { birthDate: 20120505 }))).toEqual([
      {
        code: "date-invalid",
        path: "/minor/birthDate",
        message: "Data non valida in /minor/birthDate: usare AAAA-MM-GG.",
      },
    ]);
    expect(errorsOf(raw.absenceStart("R", day(-1), { absence: { kind: "holiday" } }))).toEqual([
      {
        code: "unknown-code",
        path: "/absence/kind",
        message: "Il valore in /absence/kind non appartiene alla lista prevista.",
      },
    ]);
    const [shape] = errorsOf(raw.discharge("R", day(-1), { stayRef: "" }));
    expect(shape).toMatchObject({ code: "invalid-json-shape", path: "/stayRef" });
    expect(shape.message).not.toBe("invalid-json-shape");
    expect(errorsOf(raw.activity("R", day(-1), { activity: { code: "school", until: "domani" } }))).toEqual([
      {
        code: "date-invalid",
        path: "/activity/until",
        message: "Data non valida in /activity/until: usare AAAA-MM-GG.",
      },
    ]);
  });

  it("refuses days after today: the event's, the birth date, and an activity ending before it starts", () => {
    expect(errorsOf(raw.discharge("R", today))).toEqual([]);
    expect(errorsOf(raw.discharge("R", day(1)))).toEqual([
      { code: "date-in-future", path: "/occurredOn", message: expect.any(String) },
    ]);
    expect(errorsOf(raw.admission("R", day(-1), { birthDate: today }))).toEqual([]);
    expect(errorsOf(raw.admission("R", day(-1), { birthDate: day(1) }))).toEqual([
      { code: "date-in-future", path: "/minor/birthDate", message: "La data di nascita è nel futuro." },
    ]);
    expect(errorsOf(raw.activity("R", day(-2), { activity: { code: "school", until: day(-2) } }))).toEqual(
      [],
    );
    expect(errorsOf(raw.activity("R", day(-2), { activity: { code: "school", until: day(-3) } }))).toEqual([
      {
        code: "date-invalid",
        path: "/activity/until",
        message: "La data di fine attività precede quella di inizio.",
      },
    ]);
    // Both problems of one event at once.
    expect(
      errorsOf(raw.admission("R", day(1), { birthDate: day(2) })).map((problem) => problem.path),
    ).toEqual(["/occurredOn", "/minor/birthDate"]);
  });

  it("gives every problem of the standard its Italian message, never the bare code", () => {
    expect(eventProblem("late-report", "/occurredOn").message).toBe(
      "Evento comunicato oltre 7 giorni dopo la data in cui è avvenuto.",
    );
    expect(eventProblem("unknown-structure", "/structureCode").message).not.toBe("unknown-structure");
    expect(eventProblem("late-report", "/x", "Altro messaggio")).toEqual({
      code: "late-report",
      path: "/x",
      message: "Altro messaggio",
    });
    expect(eventProblem("not-a-code", "/x").message).toBe("not-a-code");
  });
});

describe("a correction or a void asked of people", () => {
  it("needs its reason in the web app, not from machines", () => {
    const voiding = raw.void("R", day(-1), "00000000-0000-4000-8000-00000000aaaa");
    expect(stayEventSchemas.void.safeParse(voiding).success).toBe(true);
    const asked = withRequiredReason(stayEventSchemas.void).safeParse(voiding);
    expect(asked.success).toBe(false);
    expect(asked.error?.issues).toMatchObject([{ path: ["reason"], message: "Indicare la motivazione" }]);
    expect(
      withRequiredReason(stayEventSchemas.void).safeParse({ ...voiding, reason: "Doppio" }).success,
    ).toBe(true);
  });

  it("is a correction of an admission or of a discharge, not both", () => {
    const correction = raw.correction("R", day(-1), "00000000-0000-4000-8000-00000000aaaa", {});
    const problems = errorsOf(correction);
    expect(problems).toMatchObject([{ code: "invalid-json-shape", path: "/admission" }]);
  });
});

describe("free places on a day", () => {
  it("are the authorised places minus those present, in an active structure, never below zero", () => {
    expect(freePlacesOf({ status: "active", authorisedPlaces: 8, present: 3 })).toBe(5);
    expect(freePlacesOf({ status: "active", authorisedPlaces: 8, present: 8 })).toBe(0);
    expect(freePlacesOf({ status: "active", authorisedPlaces: 8, present: 9 })).toBe(0);
    expect(freePlacesOf({ status: "suspended", authorisedPlaces: 8, present: 3 })).toBe(0);
    expect(freePlacesOf({ status: null, authorisedPlaces: 8, present: 0 })).toBe(0);
  });

  it("count an active structure, and another one only while someone is present in it", () => {
    expect(isCountedInPlaces({ status: "active", authorisedPlaces: 8, present: 0 })).toBe(true);
    expect(isCountedInPlaces({ status: "closed", authorisedPlaces: 8, present: 1 })).toBe(true);
    expect(isCountedInPlaces({ status: "closed", authorisedPlaces: 8, present: 0 })).toBe(false);
  });
});
