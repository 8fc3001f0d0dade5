import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  normaliseLabel,
  parseXsdEnumerations,
  parseXsdVersion,
  renderSinbaCodes,
} from "../../../scripts/generate-sinba-codes.ts";
import {
  SinbaCarattereInserimentoResidenziale,
  SinbaValutazioneMinore,
  sinbaCodeLists,
  sinbaEsitoInserimentoStruttura,
  sinbaNo,
  sinbaTipoProvvedimentoGiudiziario,
  sinbaXsdVersion,
  sinbaYes,
  sinbaYesNoOf,
} from "./sinba-codes.ts";

const xsdPath = path.resolve(process.cwd(), "../shared/reference/inps-waas/SINBA.xsd");
const generatedPath = path.resolve(process.cwd(), "src/domain/code-lists/sinba-codes.generated.ts");
const hasXsd = existsSync(xsdPath);

describe("SINBA code lists against the XSD", () => {
  it.skipIf(!hasXsd)("holds every enumeration of the XSD, with its codes and labels in order", () => {
    const xsd = readFileSync(xsdPath, "utf8");
    const enumerations = parseXsdEnumerations(xsd);
    const expected = Object.fromEntries(enumerations.map((e) => [e.typeName, e.entries]));
    const actual = Object.fromEntries(
      Object.entries(sinbaCodeLists).map(([name, list]) => [
        name,
        list.map(({ code, label }) => ({ code, label })),
      ]),
    );
    expect(actual).toEqual(expected);
    expect(sinbaXsdVersion).toBe(parseXsdVersion(xsd));
  });

  it.skipIf(!hasXsd)("misses no xs:enumeration element of the XSD", () => {
    const xsd = readFileSync(xsdPath, "utf8");
    const enumerationElements = xsd.match(/<xs:enumeration\b/g) ?? [];
    const codes = Object.values(sinbaCodeLists).reduce((total, list) => total + list.length, 0);
    expect(codes).toBe(enumerationElements.length);
  });

  it.skipIf(!hasXsd)("is exactly what the generator writes today (the generated file is up to date)", () => {
    const xsd = readFileSync(xsdPath, "utf8");
    const rendered = renderSinbaCodes(parseXsdEnumerations(xsd), parseXsdVersion(xsd));
    expect(readFileSync(generatedPath, "utf8")).toBe(rendered);
  });

  it("includes the lists the domain relies on", () => {
    for (const name of [
      "ValutazioneMinoreType",
      "ValutazioneFamigliaMinoreType",
      "EsitoInserimentoStrutturaType",
      "FonteSegnalazioneType",
      "CarattereInserimentoResidenzialeType",
      "FormaInserimentoResidenzialeType",
      "TipoInserimentoResidenzialeType",
      "FormaInterventoAffidoType",
      "TipoInterventoAffidoType",
      "DurataAffidoType",
      "CarattereAffidoType",
      "EsitoAffidoType",
      "TipoProvvedimentoGiudiziarioType",
      "MotivazioneChiusuraCaricoType",
      "SituazioneChiusuraCaricoType",
    ]) {
      expect(sinbaCodeLists).toHaveProperty(name);
    }
    expect(SinbaValutazioneMinore.options).toEqual([
      "1",
      "2",
      "3",
      "4",
      "5",
      "6",
      "7",
      "8",
      "9",
      "10",
      "11",
      "12",
      "13",
    ]);
    expect(SinbaCarattereInserimentoResidenziale.safeParse("10").success).toBe(true);
    expect(SinbaCarattereInserimentoResidenziale.safeParse("11").success).toBe(false);
    expect(sinbaEsitoInserimentoStruttura.find((entry) => entry.code === "8")?.label).toBe(
      "destinazione ignota",
    );
  });

  it("keeps labels as the XSD writes them, only collapsing runs of spaces", () => {
    expect(sinbaTipoProvvedimentoGiudiziario.find((entry) => entry.code === "8")?.label).toBe(
      "post-adozione \"allontanamento del minore in via d'emergenza (art.403 c.c.)",
    );
    expect(normaliseLabel("in cerca di prima  occupazione ")).toBe("in cerca di prima occupazione");
    expect(normaliseLabel("l&apos;ente &amp; il servizio")).toBe("l'ente & il servizio");
  });

  it("encodes yes/no as 1/2", () => {
    expect(sinbaYesNoOf(true)).toBe(sinbaYes);
    expect(sinbaYesNoOf(false)).toBe(sinbaNo);
    expect([sinbaYes, sinbaNo]).toEqual(["1", "2"]);
  });
});

describe("the XSD parser", () => {
  it("reads named enumerations, self-closing values and skips pattern types", () => {
    const xsd = `<xs:schema>
      <xs:simpleType name="AType"><xs:restriction base="xs:string">
        <xs:enumeration value="1"><xs:annotation><xs:documentation>uno</xs:documentation></xs:annotation></xs:enumeration>
        <xs:enumeration value="2"/>
      </xs:restriction></xs:simpleType>
      <!-- <xs:simpleType name="CommentedType"><xs:enumeration value="9"/></xs:simpleType> -->
      <xs:simpleType name="DateType"><xs:restriction base="xs:string"><xs:pattern value="\\d+"/></xs:restriction></xs:simpleType>
    </xs:schema>`;
    expect(parseXsdEnumerations(xsd)).toEqual([
      {
        typeName: "AType",
        entries: [
          { code: "1", label: "uno" },
          { code: "2", label: "2" },
        ],
      },
    ]);
  });
});
