import { describe, expect, it } from "vitest";
import { labelOf } from "./code-list.ts";
import { sinbaCarattereInserimentoResidenziale } from "./sinba-codes.ts";
import {
  defaultRegionalStructureTypes,
  IstatCharacter,
  IstatFunction,
  istatCharacters,
  istatFunctions,
  istatFunctionsFor,
  NationalStructureType,
  nationalStructureTypes,
  RegionalStructureTypeDefinition,
  sinbaResidentialCharacterOf,
} from "./structure-codes.ts";

describe("ISTAT character × function → SINBA CarattereInserimentoResidenziale", () => {
  it.each([
    ["familiare", "abitativa", "1"],
    ["familiare", "tutelare", "2"],
    ["familiare", "socio-educativa", "3"],
    ["comunitario", "emergenza", "4"],
    ["comunitario", "abitativa", "5"],
    ["comunitario", "tutelare", "6"],
    ["comunitario", "socio-educativa", "7"],
    ["comunitario", "educativa-psicologica", "8"],
    ["comunitario", "socio-sanitaria-bassa", "9"],
    ["comunitario", "socio-sanitaria-medio-alta", "10"],
  ] as const)("%s × %s → %s", (character, istatFunction, code) => {
    expect(sinbaResidentialCharacterOf(character, istatFunction)).toBe(code);
  });

  it.each([
    "emergenza",
    "educativa-psicologica",
    "socio-sanitaria-bassa",
    "socio-sanitaria-medio-alta",
  ] as const)("has no code for a familial structure with function %s", (istatFunction) => {
    expect(sinbaResidentialCharacterOf("familiare", istatFunction)).toBeUndefined();
  });

  const labelEndings: Record<IstatFunction, string> = {
    emergenza: "accoglienza di emergenza",
    abitativa: "prevalente accoglienza abitativa",
    tutelare: "prevalente funzione tutelare",
    "socio-educativa": "funzione socio-educativa",
    "educativa-psicologica": "funzione educativa-psicologica",
    "socio-sanitaria-bassa": "socio-sanitaria bassa",
    "socio-sanitaria-medio-alta": "socio-sanitaria medio-alta",
  };

  it("uses each SINBA code exactly once, and its label names the same character and function", () => {
    const used: string[] = [];
    for (const character of istatCharacters) {
      for (const istatFunction of istatFunctions) {
        const code = sinbaResidentialCharacterOf(character.code, istatFunction.code);
        if (code === undefined) continue;
        used.push(code);
        const label = labelOf(sinbaCarattereInserimentoResidenziale, code) ?? "";
        expect(label.startsWith(character.code)).toBe(true);
        expect(label.endsWith(labelEndings[istatFunction.code])).toBe(true);
      }
    }
    expect(used.sort()).toEqual(sinbaCarattereInserimentoResidenziale.map((entry) => entry.code).sort());
  });

  it("lists the functions a character allows", () => {
    expect(istatFunctionsFor("familiare")).toEqual(["abitativa", "tutelare", "socio-educativa"]);
    expect(istatFunctionsFor("comunitario")).toHaveLength(7);
  });
});

describe("structure code lists", () => {
  it("has the seven national types and the ISTAT values of the interchange standard", () => {
    expect(NationalStructureType.options).toHaveLength(7);
    expect(nationalStructureTypes.map((entry) => entry.code)).toContain("comunita-socio-educativa");
    expect(IstatCharacter.options).toEqual(["familiare", "comunitario"]);
    expect(IstatFunction.options).toEqual([
      "emergenza",
      "abitativa",
      "tutelare",
      "socio-educativa",
      "educativa-psicologica",
      "socio-sanitaria-bassa",
      "socio-sanitaria-medio-alta",
    ]);
  });

  it("maps every default regional type to one national type", () => {
    const codes = defaultRegionalStructureTypes.map((entry) => entry.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const entry of defaultRegionalStructureTypes) {
      expect(RegionalStructureTypeDefinition.parse(entry)).toEqual(entry);
    }
    expect(
      defaultRegionalStructureTypes.find((entry) => entry.code === "comunita-educativa")?.nationalType,
    ).toBe("comunita-socio-educativa");
    const nationalTypesCovered = new Set(defaultRegionalStructureTypes.map((entry) => entry.nationalType));
    expect(nationalTypesCovered.size).toBe(nationalStructureTypes.length);
  });

  it("rejects a regional type pointing to an unknown national type", () => {
    const result = RegionalStructureTypeDefinition.safeParse({
      code: "comunita-x",
      label: "Comunità X",
      nationalType: "orfanotrofio",
    });
    expect(result.success).toBe(false);
  });
});
