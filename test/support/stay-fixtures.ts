import { randomUUID } from "node:crypto";
import type { Database } from "../../src/db/database.ts";
import { importStructures } from "../../src/server/features/structures/structures.import.ts";
import { arrivedChild, italianChild } from "./registry-fixtures.ts";
import { structureRecord, vatNumber } from "./structure-fixtures.ts";

/** Active structures, created as an import would (already approved), with their codes. */
export async function createActiveStructures(db: Database, codes: string[], places = 10) {
  const outcomes = await importStructures(
    db,
    { system: true, label: "test" },
    codes.map((code, index) =>
      structureRecord({
        code,
        name: `Comunità di prova ${index + 1}`,
        authorisedPlaces: places,
        emergencyExtraPlaces: 1,
        operator: {
          name: "Cooperativa Sociale Esempio",
          fiscalCode: vatNumber("0123456789"),
          legalNature: "cooperativa-sociale",
        },
        validFrom: "2015-01-01",
        authorisation: { status: "definitiva", act: "Det. 1/2015", date: "2015-01-01", expiresOn: null },
      }),
    ),
  );
  const failed = outcomes.filter((outcome) => outcome.outcome === "rejected");
  if (failed.length > 0) throw new Error(`fixture structures rejected: ${JSON.stringify(failed)}`);
}

const admissionContent = {
  kind: "planned",
  legalBasis: "judicial",
  referringService: { code: "SVC-048017-01", comune: "048017" },
  withParent: false,
  origin: "family-of-origin",
  reasons: ["7", "2"],
};

export function admissionEvent(
  structureCode: string,
  stayRef: string,
  occurredOn: string,
  minor: object = italianChild(),
) {
  return {
    id: randomUUID(),
    type: "admission",
    structureCode,
    stayRef,
    occurredOn,
    minor,
    admission: admissionContent,
  };
}

export function dischargeEvent(structureCode: string, stayRef: string, occurredOn: string) {
  return {
    id: randomUUID(),
    type: "discharge",
    structureCode,
    stayRef,
    occurredOn,
    discharge: { reason: "project-completed", destination: "family-of-origin" },
  };
}

export function simpleEvent(
  type: string,
  structureCode: string,
  stayRef: string,
  occurredOn: string,
  extra: object = {},
) {
  return { id: randomUUID(), type, structureCode, stayRef, occurredOn, ...extra };
}

export { arrivedChild, italianChild };
