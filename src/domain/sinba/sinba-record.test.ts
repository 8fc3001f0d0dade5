import { describe, expect, it } from "vitest";
import { projectCase, type RecordedCaseEvent } from "../cases/case-projection.ts";
import { ageBandOf, monthYear } from "./sinba-fields.ts";
import { buildSinbaRecord, reportedEpisode } from "./sinba-record.ts";
import type { SinbaRecordInput } from "./sinba-record.types.ts";

let arrival = 0;
function fact(type: RecordedCaseEvent["type"], occurredOn: string, extra: Partial<RecordedCaseEvent> = {}) {
  arrival += 1;
  return {
    id: `e${arrival}`,
    type,
    occurredOn,
    arrival,
    recordedAt: `${occurredOn}T09:00:00.000Z`,
    ...extra,
  } as RecordedCaseEvent;
}

const fosterCare = { form: "2", kind: "2", duration: "1", character: "1", nightsPerWeek: 7 } as const;
const history: RecordedCaseEvent[] = [
  fact("case-opened", "2025-02-03", {
    opening: { minorRef: "MABCDEFGHIJKLMN", firstReportOn: "2025-01", reportSource: "13" },
  }),
  fact("situation", "2025-02-04", {
    situation: { orphanhood: "1", livingPlace: "1", school: "3", workCondition: "1", disability: "2" },
  }),
  fact("family", "2025-02-04", {
    family: {
      household: ["1", "3", "3"],
      mother: { citizenship: "235", education: "3" },
      father: { citizenship: "100" },
      residenceRegion: "09",
      iseeMembers: 14,
      iseeBand: "2",
    },
  }),
  fact("assessment", "2025-02-10", {
    assessment: {
      child: { values: ["2", "7"], prevalent: "7" },
      family: { values: ["4", "1"], prevalent: "1" },
      collaborations: { values: ["2", "7"], prevalent: "7" },
    },
  }),
  fact("judicial-measure", "2025-03-01", {
    measure: { authority: "2", kind: "4", reportedOn: "2025-02-20", parentalResponsibility: "1" },
  }),
  fact("intervention-start", "2025-03-02", { intervention: { code: "A1.01" } }),
  fact("foster-care-start", "2025-03-05", { fosterCare }),
];

function inputOf(events: RecordedCaseEvent[], overrides: Partial<SinbaRecordInput> = {}): SinbaRecordInput {
  return {
    projection: projectCase(events),
    referenceDay: "2025-06-30",
    previousFlowDay: null,
    minor: {
      pseudonym: "MABCDEFGHIJKLMN",
      birthYear: 2012,
      ageOnReferenceDay: 12,
      unaccompanied: false,
      residence: { comune: "048017" },
    },
    placements: [],
    ...overrides,
  };
}

describe("buildSinbaRecord", () => {
  it("builds the record of a complete case in national codes", () => {
    const result = buildSinbaRecord(inputOf(history));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.record).toEqual({
      IDBeneficiario: "MABCDEFGHIJKLMN",
      MinoreStranieroNoAcc: "2",
      CondizioneMinore: "1",
      // A foster-care episode is in progress: the child lives with the foster family.
      LuogoVita: "3",
      ScuolaFrequentata: "3",
      CondizioneLavoro: "1",
      Disabilita: "2",
      // ISTAT 235 (Romania) → ISO 642; ISTAT 100 (Italy) → ISO 380.
      CodiceCittadinanzaMadre: "642",
      CodiceCittadinanzaPadre: "380",
      CodiceRegioneResidenzaPadre: "09",
      CodiceRegioneResidenzaMadre: "09",
      TitoloStudioMadre: "3",
      DataPrimaSegnalazione: "01/2025",
      FonteSegnalazione: "13",
      ValutazioneMinore: "7",
      ValutazioneFamigliaMinore: "1",
      SegnalazioneAutoritaGiudiziaria: "1",
      DataSegnalazione: "02/2025",
      ProvvedimentoGiudiziario: "1",
      DataProvvedimentoGiudiziario: "03/2025",
      AutoritaProvvedimento: "2",
      PotestaTutela: "1",
      TipoProvvedimentoGiudiziario: "4",
      FormaInterventoAffido: "2",
      TipoInterventoAffido: "2",
      DurataAffido: "1",
      CarattereAffido: "1",
      CollaborazioniInterventi: "7",
      NumeroComponentiISEE: "9",
      FasciaEtaBeneficiario: "5",
      FasciaISEEBeneficiario: "2",
      AnnoNascita: "2012",
      CodiceRegioneResidenza: "09",
      CodiceNazioneResidenza: "380",
      Prestazioni: ["A1.01"],
      ComposizioneFamiglia: ["1", "3"],
    });
  });

  it("reads the case as it stood on the reference day: later facts do not count", () => {
    const result = buildSinbaRecord(inputOf(history, { referenceDay: "2025-02-28" }));
    // No intervention had started yet on 28 February.
    expect(result).toMatchObject({ ok: false, missing: [{ field: "Prestazioni", part: "interventions" }] });
    const withoutFoster = buildSinbaRecord(
      inputOf([...history, fact("intervention-start", "2025-02-15", { intervention: { code: "B1.02" } })], {
        referenceDay: "2025-03-01",
      }),
    );
    expect(withoutFoster).toMatchObject({ ok: true, record: { LuogoVita: "1", Prestazioni: ["B1.02"] } });
  });

  it("reports the last episode closed since the previous flow, with its outcome, then no longer", () => {
    const ended = [
      ...history,
      fact("foster-care-end", "2025-05-31", { fosterCareStart: "e7", outcome: "3" }),
    ];
    const sinceBefore = buildSinbaRecord(inputOf(ended, { previousFlowDay: "2025-04-30" }));
    expect(sinceBefore).toMatchObject({ ok: true, record: { EsitoAffido: "3", LuogoVita: "1" } });
    const sinceAfter = buildSinbaRecord(inputOf(ended, { previousFlowDay: "2025-06-01" }));
    expect(sinceAfter.ok && sinceAfter.record.FormaInterventoAffido).toBe(undefined);
  });

  it("lists the interventions in progress or ended since the previous flow, else the last ones ended", () => {
    const ended = [
      ...history,
      fact("intervention-end", "2025-04-30", { interventionStart: "e6" }),
      fact("intervention-start", "2025-05-02", { id: "i2", intervention: { code: "C3.01" } }),
      fact("intervention-end", "2025-05-20", { interventionStart: "i2" }),
    ];
    const since = (previousFlowDay: string) => buildSinbaRecord(inputOf(ended, { previousFlowDay }));
    expect(projectCase(ended).interventions.map((item) => item.to)).toEqual(["2025-04-30", "2025-05-20"]);
    expect(since("2025-04-15")).toMatchObject({ ok: true, record: { Prestazioni: ["A1.01", "C3.01"] } });
    expect(since("2025-05-10")).toMatchObject({ ok: true, record: { Prestazioni: ["C3.01"] } });
    // Every intervention ended before the previous flow: the last one still describes the case.
    expect(since("2025-06-01")).toMatchObject({ ok: true, record: { Prestazioni: ["C3.01"] } });
  });

  it("takes the residential character and outcome from the placement, judicial when a measure preceded it", () => {
    const result = buildSinbaRecord(
      inputOf(history, {
        placements: [
          {
            stayId: "s",
            from: "2025-04-01",
            to: "2025-05-15",
            character: "7",
            outcome: "1",
            withParent: "2",
          },
        ],
      }),
    );
    expect(result).toMatchObject({
      ok: true,
      record: {
        CarattereInserimentoResidenziale: "7",
        FormaInserimentoResidenziale: "2",
        TipoInserimentoResidenziale: "2",
        EsitoInserimentoStruttura: "1",
      },
    });
  });

  it("answers what is missing, field by field, with the part of the case that fills it, in Italian", () => {
    const opening = history.slice(0, 1);
    const result = buildSinbaRecord(
      inputOf(opening, {
        minor: {
          pseudonym: "MABCDEFGHIJKLMN",
          birthYear: null,
          ageOnReferenceDay: null,
          unaccompanied: true,
          residence: null,
        },
      }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const byField = Object.fromEntries(result.missing.map((item) => [item.field, item.part]));
    expect(byField).toEqual({
      Disabilita: "situation",
      ComposizioneFamiglia: "family",
      Prestazioni: "interventions",
      ValutazioneMinore: "assessment",
      ValutazioneFamigliaMinore: "assessment",
      FasciaEtaBeneficiario: "registry",
      AnnoNascita: "registry",
      CodiceNazioneResidenza: "registry",
      CondizioneMinore: "situation",
      LuogoVita: "situation",
      ScuolaFrequentata: "situation",
      CondizioneLavoro: "situation",
    });
    expect(result.missing.find((item) => item.field === "LuogoVita")?.message).toBe(
      "Manca dove vive il minore (da compilare in «Situazione del minore»).",
    );
  });

  it("never invents an ISO number: Kosovo (ISTAT 272) is reported as not convertible", () => {
    const kosovo = history.map((event) =>
      event.type === "family" && event.family
        ? { ...event, family: { ...event.family, father: { citizenship: "272" } } }
        : event,
    );
    const result = buildSinbaRecord(inputOf(kosovo));
    expect(result).toMatchObject({
      ok: false,
      missing: [{ field: "CodiceCittadinanzaPadre", code: "not-convertible", part: "family" }],
    });
  });

  it("asks the type of disability when there is one; abroad the residence country is converted", () => {
    const disabled = history.map((event) =>
      event.type === "situation" && event.situation
        ? { ...event, situation: { ...event.situation, disability: "1" as const } }
        : event,
    );
    expect(buildSinbaRecord(inputOf(disabled))).toMatchObject({
      ok: false,
      missing: [{ field: "TipoDisabilita", part: "situation" }],
    });
    const abroad = buildSinbaRecord(
      inputOf(history, {
        minor: { ...inputOf(history).minor, residence: { country: "215" }, unaccompanied: true },
      }),
    );
    expect(abroad).toMatchObject({
      ok: true,
      record: { CodiceNazioneResidenza: "250", MinoreStranieroNoAcc: "1" },
    });
    expect(abroad.ok && abroad.record.CodiceRegioneResidenza).toBe(undefined);
  });

  it("a case not yet opened on the reference day has no record", () => {
    expect(buildSinbaRecord(inputOf(history, { referenceDay: "2025-01-31" }))).toMatchObject({
      ok: false,
      missing: [{ field: "DataPrimaSegnalazione", part: "opening" }],
    });
  });
});

describe("the record's conventions", () => {
  it("age bands from completed years: 0–2 → 1 … 15 and over → 6, none past 21", () => {
    expect([0, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18, 21].map(ageBandOf)).toEqual([
      "1",
      "1",
      "2",
      "2",
      "3",
      "3",
      "4",
      "4",
      "5",
      "5",
      "6",
      "6",
      "6",
      "6",
    ]);
    expect(ageBandOf(22)).toBeUndefined();
    expect(ageBandOf(-1)).toBeUndefined();
  });

  it("dates become MM/YYYY", () => {
    expect(monthYear("2025-01")).toBe("01/2025");
    expect(monthYear("2024-12-31")).toBe("12/2024");
  });

  it("the reported episode is the current one, else the last closed since the previous flow", () => {
    const episodes = [
      { from: "2024-01-01", to: "2024-03-01" },
      { from: "2024-04-01", to: "2024-06-01" },
      { from: "2024-09-01", to: null },
    ];
    expect(reportedEpisode(episodes, "2024-10-01", null)).toBe(episodes[2]);
    expect(reportedEpisode(episodes, "2024-07-01", null)).toBe(episodes[1]);
    expect(reportedEpisode(episodes, "2024-07-01", "2024-06-15")).toBeUndefined();
    expect(reportedEpisode(episodes, "2023-12-31", null)).toBeUndefined();
  });
});
