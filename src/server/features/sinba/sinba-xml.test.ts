import fc from "fast-check";
import { XMLParser } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { arbitrarySinbaCase } from "../../../../test/support/sinba-case-generator.ts";
import { buildSinbaRecord, type SinbaRecord } from "../../../domain/sinba/index.ts";
import { digestOfSinbaRecord, type SinbaSender, serialiseSinbaFlow } from "./sinba-xml.ts";
import { validateAgainstXsd } from "./xsd-validation.ts";

const sender: SinbaSender = {
  code: "D612",
  name: "Comune di Firenze – Servizi sociali & minori",
  belfiore: "D612",
  taxCode: "01307110484",
};
const idFlusso = "D612.SINBA.20261121.0000001";

describe("SINBA XML", () => {
  it("every record built from a generated complete case validates against SINBA.xsd", () => {
    let records = 0;
    fc.assert(
      fc.property(arbitrarySinbaCase({ complete: true }), (generated) => {
        const result = buildSinbaRecord(generated.input);
        // Kosovo (no ISO number) is the one way a complete case cannot be sent: it must say so.
        if (!result.ok) {
          expect(result.missing.map((item) => item.code)).toEqual(
            result.missing.map(() => "not-convertible"),
          );
          return;
        }
        records += 1;
        const xml = serialiseSinbaFlow(idFlusso, sender, [result.record]);
        const validation = validateAgainstXsd(xml, "sinba");
        if (!validation.ok) throw new Error(`${JSON.stringify(validation.problems)}\n${xml}`);
      }),
      { numRuns: 300, seed: 20261121 },
    );
    expect(records).toBeGreaterThan(250);
  });

  it("an incomplete case produces the list of what is missing, never XML", () => {
    fc.assert(
      fc.property(arbitrarySinbaCase({ complete: false }), (generated) => {
        const result = buildSinbaRecord(generated.input);
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(result.missing.length).toBeGreaterThan(0);
        for (const item of result.missing) expect(item.message).toMatch(/^(Manca|Per|La|L')/);
      }),
      { numRuns: 200, seed: 7 },
    );
  });

  it("writes the flow in the schema's namespace, attributes escaped, lists as child elements", () => {
    const record: SinbaRecord = {
      IDBeneficiario: "M0000000000001",
      MinoreStranieroNoAcc: "2",
      CondizioneMinore: "1",
      LuogoVita: "1",
      ScuolaFrequentata: "3",
      CondizioneLavoro: "1",
      Disabilita: "2",
      DataPrimaSegnalazione: "01/2025",
      FonteSegnalazione: "13",
      ValutazioneMinore: "7",
      ValutazioneFamigliaMinore: "1",
      SegnalazioneAutoritaGiudiziaria: "2",
      ProvvedimentoGiudiziario: "2",
      FasciaEtaBeneficiario: "5",
      AnnoNascita: "2012",
      CodiceNazioneResidenza: "380",
      Prestazioni: ["A1.01", "B1.02"],
      ComposizioneFamiglia: ["1", "3"],
    };
    const xml = serialiseSinbaFlow(idFlusso, sender, [record]);
    expect(validateAgainstXsd(xml, "sinba")).toEqual({ ok: true });
    expect(xml).toContain('Denominazione="Comune di Firenze – Servizi sociali &amp; minori"');
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" }).parse(xml);
    expect(parsed.Flusso.xmlns).toBe("http://inps.it/Casellario");
    expect(parsed.Flusso.IdentificazioneFlusso.Nome).toBe(idFlusso);
    expect(parsed.Flusso.SINBA.Prestazioni.CodicePrestazione).toEqual(["A1.01", "B1.02"]);
    expect(parsed.Flusso.SINBA.IDBeneficiario).toBe("M0000000000001");
  });

  it("the digest is the record's: equal records, equal digests; any change, another", () => {
    const fields = {
      IDBeneficiario: "M1",
      MinoreStranieroNoAcc: "2",
      CondizioneMinore: "1",
      LuogoVita: "1",
      ScuolaFrequentata: "3",
      CondizioneLavoro: "1",
      Disabilita: "2",
      DataPrimaSegnalazione: "01/2025",
      FonteSegnalazione: "13",
      ValutazioneMinore: "7",
      ValutazioneFamigliaMinore: "1",
      SegnalazioneAutoritaGiudiziaria: "2",
      ProvvedimentoGiudiziario: "2",
      FasciaEtaBeneficiario: "5",
      AnnoNascita: "2012",
      CodiceNazioneResidenza: "380",
      Prestazioni: ["A1.01"],
      ComposizioneFamiglia: ["1"],
    } satisfies SinbaRecord;
    const reordered = Object.fromEntries(Object.entries(fields).reverse()) as unknown as SinbaRecord;
    expect(digestOfSinbaRecord(reordered)).toBe(digestOfSinbaRecord(fields));
    expect(digestOfSinbaRecord({ ...fields, LuogoVita: "2" })).not.toBe(digestOfSinbaRecord(fields));
    expect(digestOfSinbaRecord({ ...fields, Prestazioni: ["A1.01", "B1.02"] })).not.toBe(
      digestOfSinbaRecord(fields),
    );
  });
});
