import fc from "fast-check";
import { projectCase, type RecordedCaseEvent } from "../../src/domain/cases/case-projection.ts";
import type { CodeList } from "../../src/domain/code-lists/code-list.ts";
import * as codes from "../../src/domain/code-lists/sinba-codes.ts";
import type { SinbaPlacement, SinbaRecordInput } from "../../src/domain/sinba/index.ts";
import { ageOn } from "../../src/domain/stays/age.ts";
import { countries } from "../../src/domain/territory/countries.ts";
import { addDays } from "../../src/domain/time/calendar.ts";

/**
 * Realistic SINBA cases for property tests: a minor of 0–17, a case opened in 2024–2026 with the
 * parts a service fills (situation, family, assessment, interventions), and, as in real files,
 * sometimes a judicial measure, a foster-care episode, a residential placement, a closure, parents
 * of any citizenship S.I.R.MI knows (ISTAT codes, Kosovo included, which has no ISO number).
 * With `complete: false`, parts a record needs may be left out.
 */
export interface GeneratedSinbaCase {
  events: RecordedCaseEvent[];
  input: SinbaRecordInput;
  /** The parts left out on purpose. */
  leftOut: string[];
}

const code = <List extends CodeList>(list: List) =>
  fc.constantFrom(...list.map((entry) => entry.code)) as fc.Arbitrary<List[number]["code"]>;
const someOf = <List extends CodeList>(list: List, max: number) =>
  fc.uniqueArray(code(list), { minLength: 1, maxLength: Math.min(max, list.length) });
const day = (from: string, days: number) => fc.integer({ min: 0, max: days }).map((n) => addDays(from, n));
const interventionCode = fc.constantFrom("A1.01", "A2.03", "B1.02", "C3.01", "D4.05", "A1.10.01");
const citizenship = fc.constantFrom(...countries.map((country) => country.istatCode));
const parent = fc.record(
  {
    citizenship,
    education: code(codes.sinbaTitoloStudio),
    occupation: code(codes.sinbaOccupazione),
  },
  { requiredKeys: [] },
);
const leavable = ["situation", "family", "assessment", "interventions", "birth-date", "residence"] as const;

const drawnCase = fc.record({
  birthDate: day("2008-06-01", 6400),
  openedOn: day("2024-01-01", 1000),
  reportSource: code(codes.sinbaFonteSegnalazione),
  reportMonthsBefore: fc.integer({ min: 0, max: 12 }),
  situation: fc.record({
    orphanhood: code(codes.sinbaCondizioneMinore),
    livingPlace: code(codes.sinbaLuogoVita),
    school: code(codes.sinbaScuolaFrequentata),
    workCondition: code(codes.sinbaCondizioneLavoro),
    disability: code(codes.sinbaDisabilita),
    disabilityTypes: someOf(codes.sinbaTipoDisabilita, 2),
    certifications: someOf(codes.sinbaInvCivCertificazioni, 2),
  }),
  family: fc.record(
    {
      household: someOf(codes.sinbaComposizioneFamiglia, 4),
      father: parent,
      mother: parent,
      residenceRegion: fc.constantFrom("09", "12", "03"),
      iseeMembers: fc.integer({ min: 1, max: 12 }),
      iseeBand: code(codes.sinbaFasciaISEEBeneficiario),
    },
    { requiredKeys: ["household"] },
  ),
  childProblems: someOf(codes.sinbaValutazioneMinore, 3),
  familyProblems: someOf(codes.sinbaValutazioneFamigliaMinore, 3),
  collaborations: fc.option(someOf(codes.sinbaCollaborazioniInterventi, 2), { nil: undefined }),
  measure: fc.option(
    fc.record({
      authority: code(codes.sinbaAutoritaProvvedimento),
      kind: code(codes.sinbaTipoProvvedimentoGiudiziario),
      parentalResponsibility: code(codes.sinbaPotestaTutela),
      reported: fc.boolean(),
      kindDetail: fc.constantFrom("post-adoption", "art-403"),
    }),
    { nil: undefined },
  ),
  interventions: fc.array(fc.tuple(interventionCode, fc.option(fc.integer({ min: 1, max: 200 }))), {
    minLength: 1,
    maxLength: 3,
  }),
  foster: fc.option(
    fc.record({
      form: code(codes.sinbaFormaInterventoAffido),
      kind: code(codes.sinbaTipoInterventoAffido),
      duration: code(codes.sinbaDurataAffido),
      character: code(codes.sinbaCarattereAffido),
      endsAfter: fc.option(fc.integer({ min: 10, max: 300 })),
      outcome: code(codes.sinbaEsitoAffido),
    }),
    { nil: undefined },
  ),
  placement: fc.option(
    fc.record({
      character: fc.option(code(codes.sinbaCarattereInserimentoResidenziale)),
      endsAfter: fc.option(fc.integer({ min: 5, max: 200 })),
      outcome: code(codes.sinbaEsitoInserimentoStruttura),
      withParent: fc.option(code(codes.sinbaTipoInserimentoResidenziale), { nil: undefined }),
    }),
    { nil: undefined },
  ),
  closure: fc.option(
    fc.record({
      reason: code(codes.sinbaMotivazioneChiusuraCarico),
      situation: code(codes.sinbaSituazioneChiusuraCarico),
    }),
    { nil: undefined },
  ),
  unaccompanied: fc.boolean(),
  residence: fc.oneof(
    fc.constantFrom({ comune: "048017" }, { comune: "058091" }, { comune: "015146" }),
    fc.constantFrom({ country: "215" }, { country: "235" }),
  ),
  pseudonym: fc.stringMatching(/^M[0-9A-Z]{14}$/),
  /** Days after the opening of the case's previous flow, when there was one. */
  previousFlowAfter: fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined }),
});
type Drawn = typeof drawnCase extends fc.Arbitrary<infer Value> ? Value : never;

export function arbitrarySinbaCase(options: { complete: boolean }): fc.Arbitrary<GeneratedSinbaCase> {
  const leftOut = options.complete
    ? fc.constant([] as string[])
    : fc.uniqueArray(fc.constantFrom<string>(...leavable), { minLength: 1, maxLength: 3 });
  return fc.tuple(drawnCase, leftOut).map(([drawn, parts]) => assemble(drawn, parts));
}

function assemble(drawn: Drawn, leftOut: string[]): GeneratedSinbaCase {
  const opened = [drawn.openedOn, drawn.birthDate].sort()[1];
  let arrival = 0;
  const events: RecordedCaseEvent[] = [];
  const add = (type: RecordedCaseEvent["type"], occurredOn: string, extra: Partial<RecordedCaseEvent>) => {
    arrival += 1;
    const id = `00000000-0000-4000-8000-${String(arrival).padStart(12, "0")}`;
    events.push({ id, type, occurredOn, arrival, recordedAt: `${occurredOn}T10:00:00.000Z`, ...extra });
    return id;
  };
  const firstReport = addDays(opened, -30 * drawn.reportMonthsBefore);
  const firstReportOn = (firstReport < drawn.birthDate ? opened : firstReport).slice(0, 7);
  add("case-opened", opened, {
    opening: { minorRef: drawn.pseudonym, firstReportOn, reportSource: drawn.reportSource },
  });
  if (!leftOut.includes("situation")) add("situation", opened, { situation: drawn.situation });
  if (!leftOut.includes("family")) add("family", opened, { family: drawn.family });
  if (!leftOut.includes("assessment"))
    add("assessment", addDays(opened, 3), {
      assessment: {
        child: { values: drawn.childProblems, prevalent: drawn.childProblems[0] },
        family: { values: drawn.familyProblems, prevalent: drawn.familyProblems[0] },
        ...(drawn.collaborations
          ? { collaborations: { values: drawn.collaborations, prevalent: drawn.collaborations.at(-1) } }
          : {}),
      },
    });
  if (drawn.measure) {
    const { reported, kindDetail, ...measure } = drawn.measure;
    add("judicial-measure", addDays(opened, 5), {
      measure: {
        ...measure,
        ...(reported ? { reportedOn: addDays(opened, 4) } : {}),
        ...(measure.kind === "8" ? { kindDetail } : {}),
      },
    });
  }
  if (!leftOut.includes("interventions"))
    for (const [interventionCode, endsAfter] of drawn.interventions) {
      const start = add("intervention-start", addDays(opened, 6), {
        intervention: { code: interventionCode },
      });
      if (endsAfter !== null)
        add("intervention-end", addDays(opened, 6 + endsAfter), { interventionStart: start });
    }
  let last = addDays(opened, 6 + Math.max(0, ...drawn.interventions.map(([, end]) => end ?? 0)));
  if (drawn.foster) {
    const { endsAfter, outcome, ...fosterCare } = drawn.foster;
    const start = add("foster-care-start", addDays(opened, 10), { fosterCare });
    if (endsAfter !== null) {
      const end = addDays(opened, 10 + endsAfter);
      add("foster-care-end", end, { fosterCareStart: start, outcome });
      if (end > last) last = end;
    }
  }
  const placements: SinbaPlacement[] = [];
  if (drawn.placement) {
    const from = addDays(opened, 12);
    const to = drawn.placement.endsAfter === null ? null : addDays(from, drawn.placement.endsAfter);
    const stayId = "10000000-0000-4000-8000-000000000001";
    add("placement", from, { placement: { stayId } });
    placements.push({
      stayId,
      from,
      to,
      character: drawn.placement.character,
      ...(drawn.placement.withParent ? { withParent: drawn.placement.withParent } : {}),
      outcome: to === null ? null : drawn.placement.outcome,
    });
    if (to !== null && to > last) last = to;
  }
  if (drawn.closure) add("closure", addDays(last, 1), { closure: drawn.closure });
  const projection = projectCase(events);
  const referenceDay = projection.closure?.date ?? addDays(last, 1);
  const knowsBirth = !leftOut.includes("birth-date");
  const previous = drawn.previousFlowAfter === undefined ? null : addDays(opened, drawn.previousFlowAfter);
  return {
    events,
    leftOut,
    input: {
      projection,
      referenceDay,
      previousFlowDay: previous !== null && previous < referenceDay ? previous : null,
      minor: {
        pseudonym: drawn.pseudonym,
        birthYear: knowsBirth ? Number(drawn.birthDate.slice(0, 4)) : null,
        ageOnReferenceDay: knowsBirth ? ageOn(drawn.birthDate, referenceDay) : null,
        unaccompanied: drawn.unaccompanied,
        residence: leftOut.includes("residence") ? null : drawn.residence,
      },
      placements,
    },
  };
}
