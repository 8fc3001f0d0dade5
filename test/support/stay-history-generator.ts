import { base, en, Faker, it } from "@faker-js/faker";
import fc from "fast-check";
import { ActivityCode, DischargeDestination } from "../../src/domain/code-lists/interchange-codes.ts";
import { addDays } from "../../src/domain/time/calendar.ts";
import { arrivedChild, italianChild } from "./registry-fixtures.ts";

/**
 * Realistic ASMI histories of several structures' own software: minors admitted, transferred
 * (discharged and admitted elsewhere on the same day), readmitted after a gap, with absences,
 * activities (some dated outside the stay), corrections of admissions and discharges (one event
 * corrected twice, a correction voided), voided activities, a discharge voided and sent again.
 * Deterministic: the same seed gives the same events, ids included.
 */

/** An event of a history, and the events its sender necessarily sent before it. */
export type GeneratedEvent = {
  event: Record<string, unknown> & { id: string; structureCode: string };
  after: string[];
};
/** What the history means, by the standard's rules, independently of the pipeline: each stay's days. */
export type ExpectedStay = { stay: string; admissionDate: string; dischargeDate: string | null };
export type StayHistory = { structureCodes: string[]; events: GeneratedEvent[]; expected: ExpectedStay[] };
export type HistoryOptions = {
  minors?: number;
  structures?: number;
  /** The first and the last day facts may happen on. */
  from?: string;
  to?: string;
};

const admissionKinds = ["planned", "emergency"] as const;
const legalBases = ["consensual", "judicial", "emergency-403"] as const;
const origins = ["family-of-origin", "relatives", "foster-family", "health-facility", "other"] as const;
const absenceKinds = ["ran-away", "hospital", "family-visit", "other"] as const;

function seededFaker(seed: number) {
  const faker = new Faker({ locale: [it, en, base] });
  faker.seed(seed);
  return faker;
}

/** A name the fiscal code can be computed from: letters only. */
function plainName(make: () => string) {
  for (;;) {
    const name = make();
    if (/^[A-Za-z]{3,}$/.test(name)) return name;
  }
}

function uuidOf(faker: Faker) {
  return faker.string.uuid();
}

export function generateStayHistory(seed: number, options: HistoryOptions = {}): StayHistory {
  const faker = seededFaker(seed);
  const structureCount = options.structures ?? 3;
  const structureCodes = Array.from(
    { length: structureCount },
    (_, index) => `ST${String(900 + index).padStart(6, "0")}`,
  );
  const from = options.from ?? "2025-09-01";
  const to = options.to ?? "2026-11-10";
  const span = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
  const events: GeneratedEvent[] = [];
  const expected: ExpectedStay[] = [];
  const push = (event: GeneratedEvent["event"], after: string[] = []) => {
    events.push({ event, after });
    return event.id;
  };
  const admissionContent = () => ({
    kind: faker.helpers.arrayElement(admissionKinds),
    legalBasis: faker.helpers.arrayElement(legalBases),
    referringService: { code: `SVC-048017-0${faker.number.int({ min: 1, max: 4 })}`, comune: "048017" },
    withParent: false,
    origin: faker.helpers.arrayElement(origins),
    reasons: faker.helpers.arrayElements(["1", "2", "3", "5", "7", "9", "12"], { min: 1, max: 3 }),
  });
  const reason = () =>
    faker.helpers.arrayElement(["Data errata", "Errore di inserimento", "Rettifica richiesta dal servizio"]);

  for (let minorIndex = 0; minorIndex < (options.minors ?? 4); minorIndex++) {
    const sex = faker.helpers.arrayElement(["M", "F"] as const);
    const familyName = plainName(() => faker.person.lastName());
    const givenName = plainName(() => faker.person.firstName(sex === "M" ? "male" : "female"));
    const birthDate = addDays("2008-01-01", faker.number.int({ min: 0, max: 3000 }));
    const isArrived = faker.number.float() < 0.2;
    const minor = isArrived
      ? arrivedChild({ familyName, givenName, sex, birthDate })
      : italianChild({ familyName, givenName, sex, birthDate });
    const stays = faker.number.int({ min: 1, max: 3 });
    let day = addDays(from, faker.number.int({ min: 0, max: Math.floor(span / 3) }));
    let structure = faker.number.int({ min: 0, max: structureCount - 1 });
    for (let stayIndex = 0; stayIndex < stays && day < to; stayIndex++) {
      const structureCode = structureCodes[structure];
      const stayRef = `${faker.string.alphanumeric({ length: 6, casing: "upper" })}-${stayIndex}`;
      const envelope = (type: string, occurredOn: string) => ({
        id: uuidOf(faker),
        type,
        structureCode,
        stayRef,
        occurredOn,
      });
      const admitted = day;
      const admission = push({ ...envelope("admission", admitted), minor, admission: admissionContent() });
      const outcome: ExpectedStay = {
        stay: `${structureCode}/${stayRef}`,
        admissionDate: admitted,
        dischargeDate: null,
      };
      expected.push(outcome);
      const isLast = stayIndex === stays - 1;
      const length = faker.number.int({ min: 12, max: 120 });
      const discharged = isLast && faker.number.float() < 0.4 ? null : addDays(admitted, length);
      const lastDay = discharged && discharged <= to ? discharged : to;
      const inside = () =>
        addDays(admitted, faker.number.int({ min: 0, max: Math.max(0, diff(admitted, lastDay) - 1) }));
      for (let count = faker.number.int({ min: 0, max: 2 }); count > 0; count--) {
        const activity = push({
          ...envelope("activity", inside()),
          activity: {
            code: faker.helpers.arrayElement(ActivityCode.options),
            hours: faker.number.int({ min: 1, max: 200 }),
          },
        });
        if (faker.number.float() < 0.2)
          push({ ...envelope("void", inside()), voids: activity, reason: reason() }, [activity]);
      }
      if (faker.number.float() < 0.3) {
        // Dated before the admission: kept, not counted (outside-stay).
        push({
          ...envelope("activity", addDays(admitted, -faker.number.int({ min: 1, max: 5 }))),
          activity: { code: "school" },
        });
      }
      if (faker.number.float() < 0.5 && diff(admitted, lastDay) > 4) {
        const start = inside();
        const startId = push({
          ...envelope("absence-start", start),
          absence: { kind: faker.helpers.arrayElement(absenceKinds) },
        });
        const end = addDays(start, faker.number.int({ min: 0, max: 3 }));
        if (end < lastDay) push(envelope("absence-end", end), [startId]);
      }
      if (faker.number.float() < 0.35) {
        // The admission's day and content corrected, earlier only: never after a discharge.
        const firstDay = addDays(admitted, -faker.number.int({ min: 0, max: 3 }));
        outcome.admissionDate = firstDay;
        const first = push(
          {
            ...envelope("correction", firstDay),
            corrects: admission,
            admission: admissionContent(),
            reason: reason(),
          },
          [admission],
        );
        if (faker.number.float() < 0.5) {
          // Corrected again, to an earlier day than the first correction's: the later one counts.
          const secondDay = addDays(admitted, -faker.number.int({ min: 4, max: 6 }));
          outcome.admissionDate = secondDay;
          const second = push(
            {
              ...envelope("correction", secondDay),
              corrects: admission,
              admission: admissionContent(),
              reason: reason(),
            },
            [first],
          );
          if (faker.number.float() < 0.5) {
            push({ ...envelope("void", admitted), voids: second, reason: reason() }, [second]);
            outcome.admissionDate = firstDay;
          }
        }
      }
      if (!discharged || discharged > to) break;
      outcome.dischargeDate = discharged;
      const isTransfer = !isLast && faker.number.float() < 0.6;
      const dischargeContent = isTransfer
        ? { reason: "transferred", destination: "other-residential" }
        : {
            reason: "project-completed",
            destination: faker.helpers.arrayElement(DischargeDestination.options),
          };
      const discharge = push({ ...envelope("discharge", discharged), discharge: dischargeContent });
      const roll = faker.number.float();
      if (roll < 0.2) {
        // The discharge sent late by a few days, then corrected back to the transfer day.
        const late = push(
          {
            ...envelope("correction", addDays(discharged, faker.number.int({ min: 1, max: 5 }))),
            corrects: discharge,
            discharge: dischargeContent,
            reason: reason(),
          },
          [discharge],
        );
        push(
          {
            ...envelope("correction", discharged),
            corrects: discharge,
            discharge: dischargeContent,
            reason: reason(),
          },
          [late],
        );
      } else if (roll < 0.3) {
        // The discharge voided and sent again.
        const voided = push({ ...envelope("void", discharged), voids: discharge, reason: reason() }, [
          discharge,
        ]);
        push({ ...envelope("discharge", discharged), discharge: dischargeContent }, [voided]);
      }
      if (isTransfer) {
        structure = (structure + faker.number.int({ min: 1, max: structureCount - 1 })) % structureCount;
        day = discharged;
      } else {
        // A readmission after a gap, sometimes in the same structure.
        if (faker.number.float() < 0.6) structure = faker.number.int({ min: 0, max: structureCount - 1 });
        day = addDays(discharged, faker.number.int({ min: 5, max: 60 }));
      }
    }
  }
  return {
    structureCodes,
    events,
    expected: expected.sort((a, b) => (a.stay < b.stay ? -1 : 1)),
  };
}

function diff(fromDay: string, toDay: string) {
  return Math.round((Date.parse(toDay) - Date.parse(fromDay)) / 86_400_000);
}

/**
 * One random arrival order of a history: any order in which each event comes after those its
 * sender necessarily sent first (a correction after its target, a second correction after the
 * first, a void after its target, a return after the absence's start, a discharge sent again
 * after the void of the first). Everything else – a structure's events against another's,
 * admissions against discharges, corrections against other facts – is shuffled.
 */
export function arrivalOrder(history: StayHistory, seed: number): GeneratedEvent[] {
  const faker = seededFaker(seed);
  const pending = [...history.events];
  const arrived = new Set<string>();
  const order: GeneratedEvent[] = [];
  while (pending.length > 0) {
    const ready = pending.filter((entry) => entry.after.every((id) => arrived.has(id)));
    const next = faker.helpers.arrayElement(ready);
    pending.splice(pending.indexOf(next), 1);
    arrived.add(next.event.id);
    order.push(next);
  }
  return order;
}

/** The senders of a structure's events: its operators on the web, a client's batches, a client's files. */
export const senderKinds = ["web", "batch", "file"] as const;
export type SenderKind = (typeof senderKinds)[number];

/** Each event of an order given to one of its structure's senders, at random. */
export function splitAmongSenders(order: GeneratedEvent[], seed: number) {
  const faker = seededFaker(seed);
  return order.map((entry) => ({ ...entry, sender: faker.helpers.arrayElement(senderKinds) }));
}

/** fast-check's view of the generator: a history from a seed it shrinks towards smaller ones. */
export function stayHistoryArbitrary(options: HistoryOptions = {}) {
  return fc
    .integer({ min: 1, max: 2 ** 31 - 1 })
    .map((seed) => ({ seed, history: generateStayHistory(seed, options) }));
}
