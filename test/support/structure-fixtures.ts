import type { StructureRecord } from "../../src/domain/structures/structure.schema.ts";

/** An 11-digit partita IVA with a correct check digit, from a 10-digit body. */
export function vatNumber(body: string): string {
  const digits = body.padStart(10, "0").slice(0, 10).split("").map(Number);
  let sum = 0;
  digits.forEach((digit, index) => {
    if (index % 2 === 0) sum += digit;
    else sum += digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
  });
  return `${digits.join("")}${(10 - (sum % 10)) % 10}`;
}

export function structureRecord(overrides: Partial<StructureRecord> = {}): StructureRecord {
  return {
    name: "Comunità Il Melograno",
    regionalType: "comunita-educativa",
    nationalType: "comunita-socio-educativa",
    istatCharacter: "comunitario",
    istatFunction: "socio-educativa",
    operator: {
      name: "Cooperativa Sociale Esempio",
      fiscalCode: vatNumber("0123456789"),
      legalNature: "cooperativa-sociale",
    },
    address: { street: "Via dell'Esempio 1", comune: "048017" },
    authorisedPlaces: 10,
    emergencyExtraPlaces: 2,
    target: { minAge: 6, maxAge: 17, sex: "any", motherWithChild: false, msna: false },
    authorisation: { status: "definitiva", act: "Det. 123/2019", date: "2019-05-02", expiresOn: null },
    status: "active",
    validFrom: "2019-05-02",
    ...overrides,
  };
}
