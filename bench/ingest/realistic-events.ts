/**
 * Realistic ASMI traffic for the ingestion benchmark: stays of mostly Italian-born children with
 * a fiscal code, some newly arrived foreign minors without one (resolved on names, birth date
 * and place), some children admitted again after an earlier stay (identity linked, not created).
 * Each stay sends an admission, an activity and a discharge, in different requests, the way a
 * management program synchronises every day: a request mixes the admissions of new stays with
 * the activities and discharges of stays admitted in earlier requests.
 */
import { randomUUID } from "node:crypto";
import { encodeFiscalCode } from "../../src/domain/identity/fiscal-code-encoding.ts";
import { addDays } from "../../src/domain/time/calendar.ts";

const familyNames = [
  "Rossi",
  "Bianchi",
  "Verdi",
  "Neri",
  "Gallo",
  "Bruno",
  "Conti",
  "Marino",
  "Costa",
  "Greco",
];
const givenNames = ["Luca", "Marco", "Paolo", "Andrea", "Pietro", "Carlo", "Dario", "Enzo", "Fabio", "Guido"];
const arrivedFamilyNames = ["Haddad", "Diallo", "Traore", "Kone", "Ahmed", "Hussain", "Mensah", "Sow"];
const arrivedGivenNames = ["Youssef", "Moussa", "Ibrahim", "Omar", "Amadou", "Karim", "Samir", "Bilal"];

export type BenchEvent = Record<string, unknown> & { id: string; type: string };

type Minor = Record<string, unknown>;

/** A distinct child for stay number `index` (names vary with the index, so no two collide). */
function newMinor(index: number): Minor {
  const suffix =
    String.fromCharCode(65 + (index % 26)) + String.fromCharCode(65 + (Math.floor(index / 26) % 26));
  // One birth date per child up to 4,000 stays: fiscal codes (three consonants of each name) never collide.
  const birthDate = addDays("2006-01-01", index % 4000);
  if (index % 5 === 4) {
    return {
      familyName: `${arrivedFamilyNames[index % arrivedFamilyNames.length]}${suffix}`,
      givenName: arrivedGivenNames[Math.floor(index / 4000) % arrivedGivenNames.length],
      sex: "M",
      birthDate,
      birthPlace: { country: "436" },
      citizenship: "436",
      unaccompaniedForeignMinor: true,
    };
  }
  const familyName = `${familyNames[index % familyNames.length]}${suffix}`;
  const givenName = givenNames[Math.floor(index / 4000) % givenNames.length];
  const sex = index % 2 === 0 ? "M" : "F";
  return {
    fiscalCode: encodeFiscalCode({ familyName, givenName, sex, birthDate, birthPlaceCode: "D612" }),
    familyName,
    givenName,
    sex,
    birthDate,
    birthPlace: { comune: "048017" },
    citizenship: "100",
    unaccompaniedForeignMinor: false,
  };
}

const admissionContent = {
  kind: "planned",
  legalBasis: "judicial",
  referringService: { code: "SVC-048017-01", comune: "048017" },
  withParent: false,
  origin: "family-of-origin",
  reasons: ["7", "2"],
};

/**
 * About `count` events in requests of `batchSize`: per stay one admission, one activity and one
 * discharge; one stay in ten readmits the child of a stay discharged earlier (in an earlier request).
 */
export function realisticBatches(count: number, structureCodes: string[], batchSize = 500): BenchEvent[][] {
  const stays = Math.ceil(count / 3);
  const perBatch = Math.ceil(batchSize / 3);
  const slotted: { slot: number; event: BenchEvent }[] = [];
  const discharged: { minor: Minor; dischargedOn: string; chunk: number }[] = [];
  for (let index = 0; index < stays; index++) {
    const chunk = Math.floor(index / perBatch);
    const structureCode = structureCodes[index % structureCodes.length];
    const stayRef = `S-${index}`;
    // A child readmitted after a stay whose discharge was sent at least one request earlier.
    const previous = index % 10 === 9 ? discharged.find((entry) => entry.chunk + 3 <= chunk) : undefined;
    if (previous) discharged.splice(discharged.indexOf(previous), 1);
    const minor = previous?.minor ?? newMinor(index);
    const admittedOn = previous ? addDays(previous.dischargedOn, 5) : addDays("2023-01-01", index % 400);
    const dischargedOn = addDays(admittedOn, 60 + (index % 90));
    const base = { structureCode, stayRef };
    slotted.push({
      slot: chunk,
      event: {
        id: randomUUID(),
        type: "admission",
        ...base,
        occurredOn: admittedOn,
        minor,
        admission: admissionContent,
      },
    });
    slotted.push({
      slot: chunk + 1,
      event: {
        id: randomUUID(),
        type: "activity",
        ...base,
        occurredOn: addDays(admittedOn, 10),
        activity: { code: "school", until: addDays(admittedOn, 50), hours: 120 },
      },
    });
    slotted.push({
      slot: chunk + 2,
      event: {
        id: randomUUID(),
        type: "discharge",
        ...base,
        occurredOn: dischargedOn,
        discharge: { reason: "project-completed", destination: "family-of-origin" },
      },
    });
    if (!previous) discharged.push({ minor, dischargedOn, chunk: chunk + 2 });
  }
  const events = slotted
    .sort((a, b) => a.slot - b.slot)
    .map((entry) => entry.event)
    .slice(0, count);
  const batches: BenchEvent[][] = [];
  for (let start = 0; start < events.length; start += batchSize)
    batches.push(events.slice(start, start + batchSize));
  return batches;
}
