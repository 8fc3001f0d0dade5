import fs from "node:fs";
import path from "node:path";
import { XMLBuilder } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import {
  sinbaFonteSegnalazione,
  sinbaValutazioneMinore,
} from "../../../domain/code-lists/sinba-codes.generated.ts";
import { italyIsoNumeric } from "../../../domain/territory/countries.ts";
import { readTestSettings } from "../../config.ts";
import { validateAgainstXsd, xsdFolder, xsdSchemas } from "./xsd-validation.ts";

const sharedReference = path.resolve("../shared/reference/inps-waas");

/**
 * The smallest record SINBA.xsd accepts, built from the schema by hand. Required there:
 * - Flusso > IdentificazioneFlusso (attribute Nome, at most 50 characters) > Ente (Codice 1–32
 *   characters, Indirizzo: the 4-character Belfiore code of the ente's comune, CFOperatore: a fiscal
 *   code or 11 digits; Denominazione is optional);
 * - one or more SINBA elements, each with the children Prestazioni (one or more CodicePrestazione of
 *   5–10 characters) and Famiglia (one or more ComposizioneFamiglia codes), and the attributes
 *   IDBeneficiario (1–20 characters), MinoreStranieroNoAcc, CondizioneMinore, LuogoVita,
 *   ScuolaFrequentata, CondizioneLavoro, Disabilita, DataPrimaSegnalazione (MM/YYYY),
 *   FonteSegnalazione, ValutazioneMinore, ValutazioneFamigliaMinore, SegnalazioneAutoritaGiudiziaria,
 *   ProvvedimentoGiudiziario, FasciaEtaBeneficiario, AnnoNascita (YYYY) and CodiceNazioneResidenza
 *   (ISO 3166 numeric). Every other attribute is optional.
 */
function minimalRecord(): Record<string, string> {
  return {
    IDBeneficiario: "P7K2M9Q4X1",
    MinoreStranieroNoAcc: "2",
    CondizioneMinore: "1",
    LuogoVita: "1",
    ScuolaFrequentata: "1",
    CondizioneLavoro: "1",
    Disabilita: "2",
    DataPrimaSegnalazione: "03/2024",
    FonteSegnalazione: sinbaFonteSegnalazione[0].code,
    ValutazioneMinore: sinbaValutazioneMinore[0].code,
    ValutazioneFamigliaMinore: "1",
    SegnalazioneAutoritaGiudiziaria: "2",
    ProvvedimentoGiudiziario: "2",
    FasciaEtaBeneficiario: "3",
    AnnoNascita: "2017",
    CodiceNazioneResidenza: italyIsoNumeric,
  };
}

const attributePrefix = "@_";
const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: attributePrefix,
  format: true,
});

function attributes(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values).map(([name, value]) => [`${attributePrefix}${name}`, value]),
  );
}

function sinbaFlow(
  record: Record<string, string> = minimalRecord(),
  children: Record<string, unknown> = {
    Prestazioni: { CodicePrestazione: ["A1.01"] },
    Famiglia: { ComposizioneFamiglia: ["1", "2"] },
  },
): string {
  return builder.build({
    "?xml": attributes({ version: "1.0", encoding: "UTF-8" }),
    Flusso: {
      ...attributes({ xmlns: "http://inps.it/Casellario" }),
      IdentificazioneFlusso: {
        ...attributes({ Nome: "D612.SINBA.20240301.0000001" }),
        Ente: attributes({
          Codice: "D612",
          Denominazione: "Comune di Firenze",
          Indirizzo: "D612",
          CFOperatore: "01307110484",
        }),
      },
      SINBA: [{ ...attributes(record), ...children }],
    },
  });
}

describe("validateAgainstXsd", () => {
  it("accepts the minimal SINBA record built with the XML library", () => {
    expect(validateAgainstXsd(sinbaFlow(), "sinba")).toEqual({ ok: true });
    expect(validateAgainstXsd(Buffer.from(sinbaFlow()), "sinba")).toEqual({ ok: true });
  });

  it("escapes what it writes: a name with & and quotes stays valid", () => {
    const xml = sinbaFlow().replace(
      'Denominazione="Comune di Firenze"',
      'Denominazione="Comune &amp; &quot;Ente&quot;"',
    );
    expect(validateAgainstXsd(xml, "sinba")).toEqual({ ok: true });
    const built = builder.build({ Flusso: attributes({ Nome: `Servizi "A" & <B>` }) }) as string;
    expect(built).toContain("Servizi &quot;A&quot; &amp; &lt;B&gt;");
  });

  it("names a missing required element", () => {
    const result = validateAgainstXsd(
      sinbaFlow(minimalRecord(), { Prestazioni: { CodicePrestazione: ["A1.01"] } }),
      "sinba",
    );
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          code: "xsd-missing-element",
          line: expect.any(Number),
          where: "SINBA",
          message: expect.stringContaining("manca l'elemento obbligatorio Famiglia"),
        },
      ],
    });
  });

  it("names a missing required attribute", () => {
    const { AnnoNascita: _, ...record } = minimalRecord();
    const result = validateAgainstXsd(sinbaFlow(record), "sinba");
    expect(result.ok === false && result.problems.map((problem) => [problem.code, problem.message])).toEqual([
      [
        "xsd-missing-attribute",
        expect.stringContaining("manca l'attributo obbligatorio AnnoNascita dell'elemento SINBA"),
      ],
    ]);
  });

  it("refuses a code outside the schema's list, with the allowed ones", () => {
    const result = validateAgainstXsd(sinbaFlow({ ...minimalRecord(), FonteSegnalazione: "99" }), "sinba");
    expect(result.ok).toBe(false);
    const [problem] = result.ok ? [] : result.problems;
    expect(problem).toMatchObject({ code: "xsd-value-not-allowed", where: "SINBA/@FonteSegnalazione" });
    expect(problem.message).toContain("valori ammessi: 1, 2, 3");
    expect(problem.message).not.toContain("99");
  });

  it("refuses an IDBeneficiario longer than 20 characters without repeating it", () => {
    const pseudonym = "ABCDEFGHIJKLMNOPQRSTU";
    const xml = sinbaFlow({ ...minimalRecord(), IDBeneficiario: pseudonym });
    const line = xml.split("\n").findIndex((text) => text.includes("<SINBA ")) + 1;
    const result = validateAgainstXsd(xml, "sinba");
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          code: "xsd-value-too-long",
          line,
          where: "SINBA/@IDBeneficiario",
          message: `Riga ${line}: L'attributo IDBeneficiario dell'elemento SINBA è lungo 21 caratteri: al massimo 20.`,
        },
      ],
    });
    expect(JSON.stringify(result)).not.toContain(pseudonym);
  });

  it("refuses a malformed month and a Belfiore code of the wrong length, one problem each", () => {
    const xml = sinbaFlow({ ...minimalRecord(), DataPrimaSegnalazione: "2024-03" }).replace(
      'Indirizzo="D612"',
      'Indirizzo="D6120"',
    );
    const result = validateAgainstXsd(xml, "sinba");
    expect(result.ok === false && result.problems.map((problem) => [problem.code, problem.where])).toEqual([
      ["xsd-value-too-long", "Ente/@Indirizzo"],
      ["xsd-value-malformed", "SINBA/@DataPrimaSegnalazione"],
    ]);
  });

  it("refuses an XML that is not well-formed, with the line", () => {
    const xml = sinbaFlow().replace("</Flusso>", "");
    const result = validateAgainstXsd(xml, "sinba");
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          code: "xml-not-well-formed",
          line: expect.any(Number),
          where: undefined,
          message: expect.stringMatching(
            /^Il documento XML non è ben formato \(riga \d+\): il documento è troncato/,
          ),
        },
      ],
    });
    expect(validateAgainstXsd("", "sinba")).toMatchObject({
      ok: false,
      problems: [{ code: "xml-not-well-formed" }],
    });
    expect(validateAgainstXsd("<a>&b;</a>", "sinba")).toMatchObject({
      ok: false,
      problems: [{ code: "xml-not-well-formed" }],
    });
  });

  it("refuses another document and an element out of place", () => {
    expect(validateAgainstXsd("<Altro/>", "sinba")).toMatchObject({
      ok: false,
      problems: [{ code: "xsd-wrong-root" }],
    });
    const swapped = sinbaFlow(minimalRecord(), {
      Famiglia: { ComposizioneFamiglia: ["1"] },
      Prestazioni: { CodicePrestazione: ["A1.01"] },
    });
    expect(validateAgainstXsd(swapped, "sinba")).toMatchObject({
      ok: false,
      problems: [{ code: "xsd-unexpected-element", where: "Famiglia" }],
    });
  });

  it("compiles the PS/PSA/SINA schema too", () => {
    expect(validateAgainstXsd("<Flusso xmlns='http://inps.it/Casellario'/>", "ps-psa-sina")).toMatchObject({
      ok: false,
      problems: [{ code: "xsd-missing-element", where: "Flusso" }],
    });
  });
});

describe("the committed copies of the INPS schemas", () => {
  // Mandatory in CI, where ../shared is always beside the project.
  it.skipIf(!fs.existsSync(sharedReference) && !readTestSettings().isCi)(
    "are byte-identical to the reference files",
    () => {
      for (const file of [...Object.values(xsdSchemas), "LICENSE"]) {
        expect(
          fs
            .readFileSync(path.join(xsdFolder, file))
            .equals(fs.readFileSync(path.join(sharedReference, file))),
          file,
        ).toBe(true);
      }
    },
  );
});
