import type { z } from "zod";
import { caseEventSchemas } from "../../../domain/cases/case-event.schema.ts";
import type { CodeList } from "../../../domain/code-lists/code-list.ts";
import {
  sinbaAutoritaProvvedimento,
  sinbaCarattereAffido,
  sinbaCollaborazioniInterventi,
  sinbaComposizioneFamiglia,
  sinbaCondizioneLavoro,
  sinbaCondizioneMinore,
  sinbaDisabilita,
  sinbaDurataAffido,
  sinbaEsitoAffido,
  sinbaFasciaISEEBeneficiario,
  sinbaFormaInterventoAffido,
  sinbaInvCivCertificazioni,
  sinbaLuogoVita,
  sinbaMotivazioneChiusuraCarico,
  sinbaOccupazione,
  sinbaPotestaTutela,
  sinbaScuolaFrequentata,
  sinbaSituazioneChiusuraCarico,
  sinbaTipoDisabilita,
  sinbaTipoInterventoAffido,
  sinbaTipoProvvedimentoGiudiziario,
  sinbaTitoloStudio,
  sinbaValutazioneFamigliaMinore,
  sinbaValutazioneMinore,
} from "../../../domain/code-lists/sinba-codes.ts";
import { regions } from "../../../domain/territory/comune.ts";
import { countries, italyIstatCode } from "../../../domain/territory/countries.ts";
import type { Messages } from "../../i18n/it.ts";

/**
 * The parts of a case the social worker records, one form each: the fields (flat, as the form
 * holds them) and how they become the part's content. The event is then checked by the domain's
 * own schema of that fact (caseEventSchemas), the one the API applies.
 */
export type PartType = keyof Messages["cases"]["parts"];
export type FieldKey = keyof Messages["cases"]["fields"];
export type PartField = {
  name: FieldKey;
  /** Where the domain schema reports a problem of this field. */
  path: string;
  kind: "select" | "number" | "text";
  list?: CodeList;
  required?: boolean;
};
export type FlatValues = Record<string, string>;
export type CasePart = {
  type: PartType;
  fields: PartField[];
  content: (values: FlatValues) => Record<string, unknown>;
  schema: z.ZodType;
};

const some = (value: string | undefined) => (value ? value : undefined);
const answer = (value: string | undefined) => (value ? { values: [value], prevalent: value } : undefined);
const listOf = (value: string | undefined) => (value ? [value] : undefined);
const select = (name: FieldKey, path: string, list: CodeList, required = false): PartField => ({
  name,
  path,
  kind: "select",
  list,
  required,
});

/** The states by their ISTAT code (the national flow converts them), Italy first, then by name. */
const countryList: CodeList = [...countries]
  .sort(
    (first, second) =>
      Number(second.istatCode === italyIstatCode) - Number(first.istatCode === italyIstatCode) ||
      first.name.localeCompare(second.name, "it"),
  )
  .map((country) => ({ code: country.istatCode, label: country.name }));

/** A parent as the family fact holds it: nothing when none of the parent's fields is filled. */
function parentOf(citizenship?: string, education?: string, occupation?: string) {
  if (!citizenship && !education && !occupation) return undefined;
  return { citizenship: some(citizenship), education: some(education), occupation: some(occupation) };
}

export const kindDetailList = [
  { code: "post-adoption", label: "Post-adozione" },
  { code: "art-403", label: "Allontanamento d'urgenza (art. 403 c.c.)" },
] as const satisfies CodeList;

export const caseParts: CasePart[] = [
  {
    type: "situation",
    // Every attribute of the minor's situation that a SINBA record reports.
    fields: [
      select("orphanhood", "situation.orphanhood", sinbaCondizioneMinore),
      select("livingPlace", "situation.livingPlace", sinbaLuogoVita),
      select("school", "situation.school", sinbaScuolaFrequentata),
      select("workCondition", "situation.workCondition", sinbaCondizioneLavoro),
      select("disability", "situation.disability", sinbaDisabilita),
      select("disabilityType", "situation.disabilityTypes", sinbaTipoDisabilita),
      select("certification", "situation.certifications", sinbaInvCivCertificazioni),
    ],
    content: (v) => ({
      situation: {
        orphanhood: some(v.orphanhood),
        livingPlace: some(v.livingPlace),
        school: some(v.school),
        workCondition: some(v.workCondition),
        disability: some(v.disability),
        disabilityTypes: listOf(v.disabilityType),
        certifications: listOf(v.certification),
      },
    }),
    schema: caseEventSchemas.situation,
  },
  {
    type: "family",
    fields: [
      select("household", "family.household", sinbaComposizioneFamiglia, true),
      select("motherCitizenship", "family.mother.citizenship", countryList),
      select("motherEducation", "family.mother.education", sinbaTitoloStudio),
      select("motherOccupation", "family.mother.occupation", sinbaOccupazione),
      select("fatherCitizenship", "family.father.citizenship", countryList),
      select("fatherEducation", "family.father.education", sinbaTitoloStudio),
      select("fatherOccupation", "family.father.occupation", sinbaOccupazione),
      select("residenceRegion", "family.residenceRegion", regions),
      select("iseeBand", "family.iseeBand", sinbaFasciaISEEBeneficiario),
    ],
    content: (v) => ({
      family: {
        household: v.household ? [v.household] : [],
        mother: parentOf(v.motherCitizenship, v.motherEducation, v.motherOccupation),
        father: parentOf(v.fatherCitizenship, v.fatherEducation, v.fatherOccupation),
        residenceRegion: some(v.residenceRegion),
        iseeBand: some(v.iseeBand),
      },
    }),
    schema: caseEventSchemas.family,
  },
  {
    type: "assessment",
    fields: [
      select("childProblem", "assessment.child", sinbaValutazioneMinore, true),
      select("familyProblem", "assessment.family", sinbaValutazioneFamigliaMinore),
      select("collaborations", "assessment.collaborations", sinbaCollaborazioniInterventi),
    ],
    content: (v) => ({
      assessment: {
        child: answer(v.childProblem),
        family: answer(v.familyProblem),
        collaborations: answer(v.collaborations),
      },
    }),
    schema: caseEventSchemas.assessment,
  },
  {
    type: "judicial-measure",
    fields: [
      select("authority", "measure.authority", sinbaAutoritaProvvedimento, true),
      select("measureKind", "measure.kind", sinbaTipoProvvedimentoGiudiziario, true),
      select("kindDetail", "measure.kindDetail", kindDetailList),
      select("parentalResponsibility", "measure.parentalResponsibility", sinbaPotestaTutela),
    ],
    content: (v) => ({
      measure: {
        authority: some(v.authority),
        kind: some(v.measureKind),
        kindDetail: some(v.kindDetail),
        parentalResponsibility: some(v.parentalResponsibility),
      },
    }),
    schema: caseEventSchemas["judicial-measure"],
  },
  {
    type: "intervention-start",
    fields: [{ name: "interventionCode", path: "intervention.code", kind: "text", required: true }],
    content: (v) => ({ intervention: { code: (v.interventionCode ?? "").trim().toUpperCase() } }),
    schema: caseEventSchemas["intervention-start"],
  },
  {
    type: "foster-care-start",
    fields: [
      select("fosterForm", "fosterCare.form", sinbaFormaInterventoAffido, true),
      select("fosterKind", "fosterCare.kind", sinbaTipoInterventoAffido, true),
      select("fosterDuration", "fosterCare.duration", sinbaDurataAffido, true),
      select("fosterCharacter", "fosterCare.character", sinbaCarattereAffido, true),
      { name: "nights", path: "fosterCare.nightsPerWeek", kind: "number" },
    ],
    content: (v) => ({
      fosterCare: {
        form: some(v.fosterForm),
        kind: some(v.fosterKind),
        duration: some(v.fosterDuration),
        character: some(v.fosterCharacter),
        nightsPerWeek: v.nights ? Number(v.nights) : undefined,
      },
    }),
    schema: caseEventSchemas["foster-care-start"],
  },
  {
    type: "foster-care-end",
    fields: [
      { name: "episode", path: "fosterCareStart", kind: "select", required: true },
      select("outcome", "outcome", sinbaEsitoAffido, true),
    ],
    content: (v) => ({ fosterCareStart: some(v.episode), outcome: some(v.outcome) }),
    schema: caseEventSchemas["foster-care-end"],
  },
  {
    type: "closure",
    fields: [
      select("closureReason", "closure.reason", sinbaMotivazioneChiusuraCarico, true),
      select("closureSituation", "closure.situation", sinbaSituazioneChiusuraCarico, true),
    ],
    content: (v) => ({ closure: { reason: some(v.closureReason), situation: some(v.closureSituation) } }),
    schema: caseEventSchemas.closure,
  },
];

/** The fact as the API takes it, from the form's flat values; undefined members left out. */
export function eventOf(
  part: CasePart,
  values: FlatValues,
  ids: { id: string; caseId: string },
): Record<string, unknown> {
  return JSON.parse(
    JSON.stringify({ ...ids, type: part.type, occurredOn: values.occurredOn, ...part.content(values) }),
  );
}

/** The field a problem of the domain schema belongs to (the date, or one of the part's fields). */
export function fieldOfPath(part: CasePart, path: string): string | undefined {
  if (path === "occurredOn") return "occurredOn";
  return part.fields.find((field) => path === field.path || path.startsWith(`${field.path}.`))?.name;
}
