import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decideStayEvents, stayEventDecider } from "./decide-stay-events.ts";
import { staysOverlap } from "./presence.ts";
import { admissionContent, day, prepare, raw, type World, worldOf } from "./stay-batch.fixtures.ts";

/** Properties of the stays pipeline's core over generated batches (no database). */

type RawEvent = ReturnType<typeof raw.admission>;

/**
 * The events of one stay on distinct days: an admission, then absences and activities, and maybe
 * a discharge on the last day. In any order each is accepted (a discharge waits for its admission).
 */
const oneStay = fc
  .record({
    days: fc.uniqueArray(fc.integer({ min: -90, max: -1 }), { minLength: 2, maxLength: 7 }),
    withDischarge: fc.boolean(),
    withAbsence: fc.boolean(),
    sequences: fc.boolean(),
  })
  .map(({ days, withDischarge, withAbsence, sequences }) => {
    const sorted = [...days].sort((a, b) => a - b);
    const [admissionDay, ...rest] = sorted;
    const dischargeDay = withDischarge ? rest.pop() : undefined;
    const extra = (index: number) => (sequences ? { sequence: index } : {});
    const events: RawEvent[] = [raw.admission("R-1", day(admissionDay), {}, extra(0))];
    let inner = rest;
    if (withAbsence && inner.length >= 2) {
      events.push(
        raw.absenceStart("R-1", day(inner[0]), extra(1)),
        raw.absenceEnd("R-1", day(inner[1]), extra(2)),
      );
      inner = inner.slice(2);
    }
    for (const [index, offset] of inner.entries())
      events.push(raw.activity("R-1", day(offset), extra(3 + index)));
    if (dischargeDay !== undefined) events.push(raw.discharge("R-1", day(dischargeDay), extra(9)));
    return events;
  });

/** A permutation of a batch, drawn by fast-check (so that a failure is shrunk and replayed). */
const withOrder = <T>(items: fc.Arbitrary<T[]>) =>
  items.chain((list) =>
    fc
      .array(fc.nat(), { minLength: list.length, maxLength: list.length })
      .map((keys) => ({ list, shuffled: list.map((item, index) => ({ item, key: keys[index] })) }))
      .map(({ list, shuffled }) => ({
        list,
        order: shuffled.sort((a, b) => a.key - b.key).map(({ item }) => item),
      })),
  );

function outcomeOf(world: World) {
  const stay = world.state.stayByReference("s1", "R-1");
  const touched = stay ? world.state.touched.get(stay.id) : undefined;
  return {
    stay: stay && { ...stay, id: undefined },
    projection: touched?.projection,
    // A record's warnings, and the minor it names, are those of the stay as the event found it.
    records: [...world.state.records]
      .map(({ id, status, type, occurredOn, sequence, payload }) => ({
        id,
        status,
        type,
        occurredOn,
        sequence,
        payload,
      }))
      .sort((a, b) => a.id.localeCompare(b.id)),
  };
}

describe("the decision over a prepared state", () => {
  it("leads to the same stay whatever order the events of a stay arrive in", () => {
    fc.assert(
      fc.property(withOrder(oneStay), ({ list, order }) => {
        const inOrder = worldOf();
        const shuffled = worldOf();
        decideStayEvents(inOrder.state, list.map(prepare));
        const decisions = decideStayEvents(shuffled.state, order.map(prepare));
        expect(decisions.map((decision) => decision.result.status)).toEqual(order.map(() => "accepted"));
        const expected = outcomeOf(inOrder);
        expect(outcomeOf(shuffled)).toEqual(expected);
        expect(expected.stay?.admissionDate).toBe(list[0].occurredOn);
      }),
      { numRuns: 60 },
    );
  });

  it("flags two stays of one minor exactly when their final days overlap, in any order", () => {
    const twoStays = fc
      .tuple(
        fc.integer({ min: -120, max: -2 }),
        fc.option(fc.integer({ min: 0, max: 60 })),
        fc.integer({ min: -120, max: -2 }),
        fc.option(fc.integer({ min: 0, max: 60 })),
      )
      .map(([firstIn, firstLength, secondIn, secondLength]) => {
        const events: RawEvent[] = [
          raw.admission("R-1", day(firstIn), { familyName: "Moro" }),
          raw.admission("R-2", day(secondIn), { familyName: "Moro" }, { structureCode: "ST000002" }),
        ];
        if (firstLength !== null) events.push(raw.discharge("R-1", day(Math.min(firstIn + firstLength, -1))));
        if (secondLength !== null)
          events.push(
            raw.discharge("R-2", day(Math.min(secondIn + secondLength, -1)), { structureCode: "ST000002" }),
          );
        return events;
      });
    fc.assert(
      fc.property(withOrder(twoStays), ({ order }) => {
        const world = worldOf();
        const decisions = decideStayEvents(world.state, order.map(prepare));
        expect(decisions.every((decision) => decision.result.status === "accepted")).toBe(true);
        const first = world.state.stayByReference("s1", "R-1");
        const second = world.state.stayByReference("s2", "R-2");
        if (!first || !second) throw new Error("both stays are recorded");
        expect(first.minorId).toBe(second.minorId);
        const overlap = staysOverlap(first, second);
        expect([first.hasOverlap, second.hasOverlap]).toEqual([overlap, overlap]);
        expect([...world.registry.known.keys()]).toEqual(["Moro"]);
      }),
      { numRuns: 80 },
    );
  });

  it("answers a repeated event as a duplicate of its first outcome, and changes nothing", () => {
    const withRefused = oneStay.map((events) => [
      ...events,
      raw.admission("R-1", day(-1), { familyName: "Altri" }),
      raw.activity("R-9", day(-1), { structureCode: "ST999999" }),
    ]);
    fc.assert(
      fc.property(withOrder(withRefused), ({ order }) => {
        const world = worldOf();
        const prepared = order.map(prepare);
        const first = decideStayEvents(world.state, prepared);
        const before = snapshot(world);
        const again = decideStayEvents(world.state, prepared);
        expect(again.map((decision) => decision.kind)).toEqual(prepared.map(() => "answered"));
        expect(again.map((decision) => decision.result)).toEqual(
          first.map((decision) => ({ ...decision.result, status: "duplicate" })),
        );
        expect(snapshot(world)).toEqual(before);
      }),
      { numRuns: 40 },
    );
  });

  it("judges an event without changing the state: only applying it does", () => {
    const next = fc.constantFrom(
      () => raw.activity("R-1", day(-1)),
      () => raw.discharge("R-1", day(-1)),
      () => raw.admission("R-2", day(-1), { familyName: "Rossi" }),
      () => raw.admission("R-1", day(-1)),
      () =>
        raw.correction("R-1", day(-1), "00000000-0000-4000-8000-ffffffffffff", {
          admission: admissionContent,
        }),
    );
    fc.assert(
      fc.property(oneStay, next, (events, make) => {
        const world = worldOf();
        decideStayEvents(world.state, events.map(prepare));
        const before = snapshot(world);
        const event = prepare(make());
        const decision = stayEventDecider.decide(world.state, event);
        expect(snapshot(world)).toEqual(before);
        // Judged again, the same outcome (a new stay's id aside: the shell's generator gives a new one).
        const again = stayEventDecider.decide(world.state, event);
        expect({ kind: again.kind, ...again.result, stayId: undefined }).toEqual({
          kind: decision.kind,
          ...decision.result,
          stayId: undefined,
        });
      }),
      { numRuns: 40 },
    );
  });
});

function snapshot({ state, registry }: World) {
  return structuredClone({
    stays: [...state.stays.values()],
    events: [...state.events.entries()],
    touched: [...state.touched.entries()],
    flagsBefore: [...state.flagsBefore.entries()],
    records: state.records,
    earlier: [...state.earlier.entries()],
    lastArrival: state.lastArrival,
    loadedMinors: [...state.loadedMinors],
    committed: [...registry.committed],
  });
}
