import { randomUUID } from "node:crypto";
import { fakerIT as faker } from "@faker-js/faker";
import { sql } from "drizzle-orm";
import { type Database, queryRows } from "../../db/database.ts";
import { encodeFiscalCode } from "../../domain/identity/fiscal-code-encoding.ts";
import { addDays } from "../../domain/time/calendar.ts";
import type { Keyring } from "../../server/core/vault-keys.ts";
import { type EventSource, ingestEvent } from "../../server/features/stays/index.ts";
import { createDemoDuplicates } from "./demo-duplicates.ts";

/** Birth comuni (ISTAT code, Belfiore code) and newly arrived minors' countries (ISTAT, names). */
const birthComuni = [
  ["048017", "D612"],
  ["100005", "G999"],
  ["050026", "G702"],
  ["049009", "E625"],
  ["058091", "H501"],
] as const;
const arrivals = [
  {
    country: "419",
    given: ["Mohamed", "Ahmed", "Mahmoud", "Youssef", "Omar"],
    family: ["Abdelaziz", "Soliman", "Mansour", "Hassan"],
  },
  {
    country: "436",
    given: ["Youssef", "Hamza", "Ayoub", "Amine"],
    family: ["El Amrani", "Benali", "Tahiri", "Alaoui"],
  },
  {
    country: "305",
    given: ["Rahim", "Sabbir", "Arif", "Nayeem"],
    family: ["Hossain", "Rahman", "Islam", "Ahmed"],
  },
  {
    country: "201",
    given: ["Arben", "Ermal", "Klodian", "Elton"],
    family: ["Gashi", "Hoxha", "Shehu", "Kola"],
  },
  {
    country: "425",
    given: ["Mamadou", "Ibrahima", "Alpha", "Ousmane"],
    family: ["Diallo", "Barry", "Sow", "Bah"],
  },
];
const origins = [
  "family-of-origin",
  "relatives",
  "foster-family",
  "other-residential",
  "health-facility",
  "arrived-from-abroad",
];
const destinations = [
  ["family-of-origin", "project-completed"],
  ["foster-family", "court-order"],
  ["other-residential", "transferred"],
  ["independent-living", "came-of-age"],
  ["unknown", "ran-away"],
  ["pre-adoptive-family", "court-order"],
] as const;
const activities = [
  "school",
  "vocational-training",
  "language-course",
  "health-care",
  "psychological-support",
  "sport-and-leisure",
];

function childIdentity(birthDate: string, isArrival: boolean) {
  const sex = faker.helpers.arrayElement(["M", "F"] as const);
  if (isArrival) {
    const pool = faker.helpers.arrayElement(arrivals);
    return {
      familyName: faker.helpers.arrayElement(pool.family),
      givenName: faker.helpers.arrayElement(pool.given),
      sex: "M" as const,
      birthDate,
      birthPlace: { country: pool.country },
      citizenship: pool.country,
      unaccompaniedForeignMinor: true,
    };
  }
  const familyName = faker.person.lastName();
  const givenName = faker.person.firstName(sex === "M" ? "male" : "female");
  const [comune, belfiore] = faker.helpers.arrayElement(birthComuni);
  return {
    fiscalCode: encodeFiscalCode({ familyName, givenName, sex, birthDate, birthPlaceCode: belfiore }),
    familyName,
    givenName,
    sex,
    birthDate,
    birthPlace: { comune },
    citizenship: "100",
    // Where the child lives, known to the registry: the SINBA record's state and region of residence.
    residenceComune: comune,
  };
}

/**
 * Several years of stays in the demo structures, sent through the same pipeline as real events:
 * each place of each structure hosts a sequence of children, with absences, activities, some
 * corrections and voids, and discharges with their destinations; then a few children the registry
 * cannot link for sure, left for the steward's review (demo-duplicates.ts). A later `since` makes
 * a smaller demo (the tests build one).
 */
export async function createDemoStays(db: Database, keyring: Keyring, today: string, since = "2023-01-01") {
  faker.seed(1983);
  const structures = await queryRows<{ code: string; places: number }>(
    db,
    sql`select s.code, v.authorised_places as places from structure s
        join structure_version v on v.structure_id = s.id and v.version = s.current_version
        where s.status = 'active' and s.code is not null order by s.code`,
  );
  const source: EventSource = {
    kind: "user",
    id: randomUUID(),
    subject: { system: true, label: "demo" },
    mayWrite: () => true,
  };
  const context = { keyring, today };
  let accepted = 0;
  const send = async (event: Record<string, unknown>) => {
    const result = await ingestEvent(db, context, source, event);
    if (result.status === "accepted") accepted += 1;
    return result;
  };
  let stayNumber = 0;
  for (const structure of structures) {
    for (let place = 0; place < Math.max(1, Math.ceil(structure.places / 2)); place++) {
      let cursor = addDays(since, faker.number.int({ min: 0, max: 120 }));
      while (cursor < today) {
        stayNumber += 1;
        const stayRef = `${cursor.slice(0, 4)}-${String(stayNumber).padStart(4, "0")}`;
        const isArrival = faker.number.int({ min: 1, max: 100 }) <= 25;
        const age = isArrival
          ? faker.number.int({ min: 14, max: 17 })
          : faker.number.int({ min: 1, max: 16 });
        const birthDate = addDays(cursor, -(age * 365 + faker.number.int({ min: 0, max: 360 })));
        const admissionId = randomUUID();
        const admitted = await send({
          id: admissionId,
          type: "admission",
          structureCode: structure.code,
          stayRef,
          occurredOn: cursor,
          minor: childIdentity(birthDate, isArrival),
          admission: {
            kind: faker.number.int({ min: 1, max: 100 }) <= 30 ? "emergency" : "planned",
            legalBasis: faker.helpers.arrayElement(["consensual", "judicial", "judicial", "emergency-403"]),
            referringService: {
              code: "SVC-048017-01",
              comune: faker.helpers.arrayElement(["048017", "100005", "050026", "058091"]),
            },
            withParent: false,
            origin: isArrival ? "arrived-from-abroad" : faker.helpers.arrayElement(origins),
            reasons: [String(faker.number.int({ min: 1, max: 13 }))],
          },
        });
        if (admitted.status !== "accepted") break;
        const length = Math.round(faker.number.float({ min: 20, max: 1100 }) * (isArrival ? 0.6 : 1));
        const end = addDays(cursor, length);
        const last = end < today ? end : today;
        if (faker.number.int({ min: 1, max: 100 }) <= 60 && addDays(cursor, 15) < last) {
          const activity = {
            id: randomUUID(),
            type: "activity",
            structureCode: structure.code,
            stayRef,
            occurredOn: addDays(cursor, 15),
            activity: {
              code: faker.helpers.arrayElement(activities),
              hours: faker.number.int({ min: 10, max: 300 }),
            },
          };
          await send(activity);
          if (faker.number.int({ min: 1, max: 100 }) <= 5) {
            await send({
              id: randomUUID(),
              type: "void",
              structureCode: structure.code,
              stayRef,
              occurredOn: addDays(cursor, 16),
              voids: activity.id,
            });
          }
        }
        if (faker.number.int({ min: 1, max: 100 }) <= 20 && addDays(cursor, 40) < last) {
          const absenceStart = addDays(cursor, faker.number.int({ min: 20, max: 35 }));
          await send({
            id: randomUUID(),
            type: "absence-start",
            structureCode: structure.code,
            stayRef,
            occurredOn: absenceStart,
            absence: { kind: faker.helpers.arrayElement(["ran-away", "hospital", "family-visit"]) },
          });
          await send({
            id: randomUUID(),
            type: "absence-end",
            structureCode: structure.code,
            stayRef,
            occurredOn: addDays(absenceStart, faker.number.int({ min: 1, max: 5 })),
          });
        }
        if (faker.number.int({ min: 1, max: 100 }) <= 5 && addDays(cursor, 2) < last) {
          await send({
            id: randomUUID(),
            type: "correction",
            structureCode: structure.code,
            stayRef,
            occurredOn: addDays(cursor, -1),
            corrects: admissionId,
            admission: {
              kind: "emergency",
              legalBasis: "emergency-403",
              referringService: { code: "SVC-048017-01", comune: "048017" },
              withParent: false,
              origin: isArrival ? "arrived-from-abroad" : "family-of-origin",
              reasons: ["13"],
            },
          });
        }
        if (end >= today) break;
        const [destination, reason] = faker.helpers.arrayElement(destinations);
        await send({
          id: randomUUID(),
          type: "discharge",
          structureCode: structure.code,
          stayRef,
          occurredOn: end,
          discharge: { reason, destination },
        });
        cursor = addDays(end, faker.number.int({ min: 1, max: 60 }));
      }
    }
  }
  const duplicates = await createDemoDuplicates(db, send, today);
  return { stays: stayNumber + duplicates.admissions, events: accepted };
}
