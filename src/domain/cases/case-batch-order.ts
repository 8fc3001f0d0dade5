import type { CaseEvent } from "./case-event.schema.ts";
import { type ParsedCaseEvent, parseCaseEvent } from "./parse-case-event.ts";

/** Among the facts of one day: the opening first, ends before new starts, the closure last. */
const rankOf: Partial<Record<CaseEvent["type"], number>> = {
  "case-opened": 0,
  "intervention-end": 1,
  "foster-care-end": 1,
  "transfer-accepted": 3,
  closure: 4,
};

/** The event a fact needs before it: the start it ends, the fact it corrects or voids. */
function dependencyOf(event: CaseEvent): string | undefined {
  switch (event.type) {
    case "intervention-end":
      return event.interventionStart;
    case "foster-care-end":
      return event.fosterCareStart;
    case "correction":
      return event.corrects;
    case "void":
      return event.voids;
    default:
      return undefined;
  }
}

function groupOf(event: CaseEvent): number {
  return event.type === "correction" ? 1 : event.type === "void" ? 2 : 0;
}

/**
 * The order in which the events of one request of the case interchange standard are decided
 * (the results keep the request's order): the facts by the day they happened, then corrections
 * and voids in the request's order (their order of recording), and every event after the one it
 * depends on when that one is in the request too. So the same events sent in one request in any
 * order give the same cases. Events that cannot be read come first (they are rejected anyway).
 */
export function decisionOrder(prepared: readonly { parsed: ParsedCaseEvent }[]): number[] {
  const keyed = prepared.map((item, index) => ({ item, index }));
  const unreadable = keyed.filter(({ item }) => !item.parsed.ok).map(({ index }) => index);
  const readable = keyed.flatMap(({ item, index }) =>
    item.parsed.ok ? [{ event: item.parsed.event, index }] : [],
  );
  readable.sort((a, b) => {
    const group = groupOf(a.event) - groupOf(b.event);
    if (group !== 0) return group;
    if (groupOf(a.event) === 0) {
      if (a.event.occurredOn !== b.event.occurredOn) return a.event.occurredOn < b.event.occurredOn ? -1 : 1;
      const rank = (rankOf[a.event.type] ?? 2) - (rankOf[b.event.type] ?? 2);
      if (rank !== 0) return rank;
    }
    return a.index - b.index;
  });
  const inRequest = new Set(readable.map(({ event }) => event.id));
  const emitted = new Set<string>();
  const waiting = new Map<string, { event: CaseEvent; index: number }[]>();
  const order = [...unreadable];
  const emit = (entry: { event: CaseEvent; index: number }) => {
    order.push(entry.index);
    if (emitted.has(entry.event.id)) return;
    emitted.add(entry.event.id);
    const next = waiting.get(entry.event.id) ?? [];
    waiting.delete(entry.event.id);
    for (const dependent of next) emit(dependent);
  };
  for (const entry of readable) {
    const needs = dependencyOf(entry.event);
    if (needs && needs !== entry.event.id && inRequest.has(needs) && !emitted.has(needs)) {
      waiting.set(needs, [...(waiting.get(needs) ?? []), entry]);
      continue;
    }
    emit(entry);
  }
  // Left waiting only in a cycle of dependencies: in the request's order, to be rejected.
  for (const entry of [...waiting.values()].flat().sort((a, b) => a.index - b.index)) order.push(entry.index);
  return order;
}

/**
 * The place of each event of a case event file in the order the file is processed, chunk after
 * chunk: the order of one request over the whole file, so that the file's order does not matter
 * even when an opening and its facts, or a start and its end, fall in different chunks. Judged on
 * `today` at the upload; an event that cannot be read then comes first (it is rejected anyway).
 */
export function fileProcessingPlaces(raws: readonly unknown[], today: string): number[] {
  const order = decisionOrder(raws.map((raw) => ({ parsed: parseCaseEvent(raw, today, "interchange") })));
  const places: number[] = new Array(raws.length);
  order.forEach((index, place) => {
    places[index] = place;
  });
  return places;
}
