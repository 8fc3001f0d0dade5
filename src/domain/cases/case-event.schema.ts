import { z } from "zod";
import { reasonSchema } from "../access/reason.ts";
import {
  SinbaAutoritaProvvedimento,
  SinbaCarattereAffido,
  SinbaCollaborazioniInterventi,
  SinbaComposizioneFamiglia,
  SinbaCondizioneLavoro,
  SinbaCondizioneMinore,
  SinbaDisabilita,
  SinbaDurataAffido,
  SinbaEsitoAffido,
  SinbaFasciaISEEBeneficiario,
  SinbaFonteSegnalazione,
  SinbaFormaInterventoAffido,
  SinbaInvCivCertificazioni,
  SinbaLuogoVita,
  SinbaMotivazioneChiusuraCarico,
  SinbaOccupazione,
  SinbaPotestaTutela,
  SinbaScuolaFrequentata,
  SinbaSituazioneChiusuraCarico,
  SinbaTipoDisabilita,
  SinbaTipoInterventoAffido,
  SinbaTipoProvvedimentoGiudiziario,
  SinbaTitoloStudio,
  SinbaValutazioneFamigliaMinore,
  SinbaValutazioneMinore,
} from "../code-lists/sinba-codes.ts";
import { IstatCountryCode } from "../territory/countries.ts";

/**
 * The facts of a SINBA case file (cartella sociale): one schema for the web app, for the services'
 * own software and for the OpenAPI document. A case holds dated facts, never overwritten values;
 * like the ASMI stay events, a fact is corrected or voided by another fact.
 */
const fullDate = z.iso.date({ error: "Data non valida (AAAA-MM-GG)" });
const yearMonth = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: "Mese non valido (AAAA-MM)" })
  .describe("Mese e anno (AAAA-MM): la precisione che SINBA chiede");
const reason = reasonSchema(500).optional();
const eventId = (message: string) => z.uuid({ error: message });
/**
 * A citizenship as S.I.R.MI stores every country: the ISTAT code (Italy 100). The national flow
 * converts it to ISO 3166 numeric (Italy 380) at export, through the one table of countries.ts.
 */
const countryCode = IstatCountryCode;

export const caseEnvelopeSchema = z.object({
  id: z.uuid({ error: "Identificativo dell'evento non valido (UUID)" }),
  type: z.string(),
  caseId: z.uuid({ error: "Identificativo della cartella non valido (UUID)" }),
  occurredOn: fullDate,
});

/** The opening: the minor (by the pseudonym the registry's exact search returns) and the first report. */
export const openingContentSchema = z
  .object({
    minorRef: z.string().trim().min(1, { error: "Riferimento del minore mancante" }).max(20),
    firstReportOn: yearMonth,
    reportSource: SinbaFonteSegnalazione,
  })
  .strict();
export type OpeningContent = z.infer<typeof openingContentSchema>;

export const situationContentSchema = z
  .object({
    orphanhood: SinbaCondizioneMinore.optional(),
    livingPlace: SinbaLuogoVita.optional(),
    school: SinbaScuolaFrequentata.optional(),
    workCondition: SinbaCondizioneLavoro.optional(),
    disability: SinbaDisabilita.optional(),
    disabilityTypes: z.array(SinbaTipoDisabilita).max(10).optional(),
    certifications: z.array(SinbaInvCivCertificazioni).max(10).optional(),
  })
  .strict();

const parentSchema = z
  .object({
    citizenship: countryCode.optional(),
    education: SinbaTitoloStudio.optional(),
    occupation: SinbaOccupazione.optional(),
  })
  .strict();

export const familyContentSchema = z
  .object({
    household: z.array(SinbaComposizioneFamiglia).max(6),
    father: parentSchema.optional(),
    mother: parentSchema.optional(),
    residenceRegion: z
      .string()
      .regex(/^\d{2}$/, { error: "Codice ISTAT della regione non valido" })
      .optional(),
    iseeMembers: z.number().int().min(1).max(30).optional(),
    iseeBand: SinbaFasciaISEEBeneficiario.optional(),
  })
  .strict();

/** A multiple answer with one prevalent value, which must be one of the answers. */
function withPrevalent<Code extends z.ZodEnum>(codes: Code, minimum: number) {
  return z
    .object({ values: z.array(codes).min(minimum).max(20), prevalent: codes.optional() })
    .strict()
    .refine((answer) => answer.prevalent === undefined || answer.values.includes(answer.prevalent), {
      error: "Il valore prevalente deve essere uno di quelli indicati",
      path: ["prevalent"],
    })
    .refine((answer) => answer.values.length === 0 || answer.prevalent !== undefined, {
      error: "Indicare il valore prevalente",
      path: ["prevalent"],
    });
}

export const assessmentContentSchema = z
  .object({
    child: withPrevalent(SinbaValutazioneMinore, 1),
    family: withPrevalent(SinbaValutazioneFamigliaMinore, 0).optional(),
    collaborations: withPrevalent(SinbaCollaborazioniInterventi, 0).optional(),
  })
  .strict();

/**
 * Code 8 of TipoProvvedimentoGiudiziario merges post-adoption and art. 403 c.c.: kept distinct
 * here, merged only in the national flow.
 */
export const measureKindDetail = z.enum(["post-adoption", "art-403"]);
export const judicialContentSchema = z
  .object({
    reportedOn: fullDate.optional().describe("Segnalazione all'autorità giudiziaria"),
    authority: SinbaAutoritaProvvedimento,
    kind: SinbaTipoProvvedimentoGiudiziario,
    kindDetail: measureKindDetail.optional(),
    parentalResponsibility: SinbaPotestaTutela.optional(),
  })
  .strict()
  .refine((measure) => (measure.kind === "8") === (measure.kindDetail !== undefined), {
    error:
      "Per il tipo 8 indicare se è post-adozione o allontanamento d'urgenza (art. 403 c.c.), solo per esso",
    path: ["kindDetail"],
  });

/** CodicePrestazione: the Region's versioned table of the INPS codes (5 to 10 characters). */
export const CodicePrestazione = z
  .string()
  .trim()
  .regex(/^[A-Z0-9.]{5,10}$/, { error: "Codice della prestazione non valido (da 5 a 10 caratteri)" });

export const interventionContentSchema = z.object({ code: CodicePrestazione }).strict();

/**
 * A foster carer's tie to the child: a relative for an intra-familial foster care (kind 1), none
 * for a hetero-familial one (kind 2).
 */
export const FosterCarerRelationship = z.enum([
  "grandparent",
  "aunt-uncle",
  "sibling",
  "other-relative",
  "unrelated",
]);
export type FosterCarerRelationship = z.infer<typeof FosterCarerRelationship>;
export const fosterCarerRelationshipLabels: Record<FosterCarerRelationship, string> = {
  grandparent: "Nonno o nonna",
  "aunt-uncle": "Zio o zia",
  sibling: "Fratello o sorella",
  "other-relative": "Altro parente",
  unrelated: "Nessuna parentela (affido eterofamiliare)",
};

/**
 * A foster carer (affidatario), protected like a minor's identity: stored only sealed in the
 * vault's machinery, never in the case event, read only by the service in charge, each read audited.
 */
export const fosterCarerSchema = z
  .object({
    familyName: z.string().trim().min(1, { error: "Cognome dell'affidatario mancante" }).max(100),
    givenName: z.string().trim().min(1, { error: "Nome dell'affidatario mancante" }).max(100),
    fiscalCode: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z0-9]{16}$/, { error: "Codice fiscale dell'affidatario non valido (16 caratteri)" })
      .optional(),
    relationship: FosterCarerRelationship,
    contact: z
      .object({
        phone: z
          .string()
          .trim()
          .regex(/^\+?[0-9 ]{6,20}$/, { error: "Numero di telefono non valido" })
          .optional(),
        email: z.email({ error: "Indirizzo email non valido" }).max(200).optional(),
      })
      .strict()
      .optional(),
  })
  .strict()
  .meta({ id: "FosterCarer" });
export type FosterCarer = z.infer<typeof fosterCarerSchema>;

export const fosterCareContentSchema = z
  .object({
    form: SinbaFormaInterventoAffido.describe("consensuale / giudiziario"),
    kind: SinbaTipoInterventoAffido.describe("intrafamiliare / eterofamiliare"),
    duration: SinbaDurataAffido.describe("tempo pieno / parziale"),
    character: SinbaCarattereAffido.describe("residenziale / diurno"),
    nightsPerWeek: z.number().int().min(0).max(7).optional(),
    carers: z
      .array(fosterCarerSchema)
      .max(4)
      .optional()
      .describe(
        "Gli affidatari: conservati solo cifrati, mai nell'evento; li legge solo il servizio che ha in carico il minore",
      ),
  })
  .strict();

export const closureContentSchema = z
  .object({
    // Optional in the shape so that the rule answers with its own code (closure-incomplete).
    reason: SinbaMotivazioneChiusuraCarico.optional(),
    situation: SinbaSituazioneChiusuraCarico.optional(),
  })
  .strict();

/**
 * The operator the service manager gives the case to: a user of the same service with a role
 * that works on cases. Until the first assignment the case is its opener's.
 */
export const assignmentContentSchema = z
  .object({ operatorId: z.uuid({ error: "Identificativo dell'operatore non valido (UUID)" }) })
  .strict();

/** The parts of a case a correction may replace, by the type of the fact it corrects. */
export const correctableContent = {
  "case-opened": "opening",
  situation: "situation",
  family: "family",
  assessment: "assessment",
  "judicial-measure": "measure",
  "intervention-start": "intervention",
  "foster-care-start": "fosterCare",
  closure: "closure",
  assignment: "assignment",
} as const;

const event = <Type extends string, Shape extends z.ZodRawShape>(type: Type, shape: Shape) =>
  caseEnvelopeSchema
    .extend({ type: z.literal(type) })
    .extend(shape)
    .strict();

export const caseEventSchemas = {
  "case-opened": event("case-opened", { opening: openingContentSchema }),
  situation: event("situation", { situation: situationContentSchema }),
  family: event("family", { family: familyContentSchema }),
  assessment: event("assessment", { assessment: assessmentContentSchema }),
  "judicial-measure": event("judicial-measure", { measure: judicialContentSchema }),
  "intervention-start": event("intervention-start", { intervention: interventionContentSchema }),
  "intervention-end": event("intervention-end", {
    interventionStart: eventId("Identificativo dell'inizio della prestazione non valido"),
  }),
  "foster-care-start": event("foster-care-start", { fosterCare: fosterCareContentSchema }),
  "foster-care-end": event("foster-care-end", {
    fosterCareStart: eventId("Identificativo dell'inizio dell'affido non valido"),
    outcome: SinbaEsitoAffido,
  }),
  placement: event("placement", {
    placement: z.object({ stayId: eventId("Identificativo dell'accoglienza non valido") }).strict(),
  }),
  "transfer-requested": event("transfer-requested", {
    transfer: z.object({ toServiceCode: z.string().trim().min(1).max(40) }).strict(),
  }),
  "transfer-accepted": event("transfer-accepted", {}),
  closure: event("closure", { closure: closureContentSchema }),
  assignment: event("assignment", { assignment: assignmentContentSchema }),
  correction: event("correction", {
    corrects: eventId("Identificativo dell'evento da rettificare non valido"),
    reason,
    opening: openingContentSchema.optional(),
    situation: situationContentSchema.optional(),
    family: familyContentSchema.optional(),
    assessment: assessmentContentSchema.optional(),
    measure: judicialContentSchema.optional(),
    intervention: interventionContentSchema.optional(),
    fosterCare: fosterCareContentSchema.optional(),
    closure: closureContentSchema.optional(),
    assignment: assignmentContentSchema.optional(),
  }),
  void: event("void", { voids: eventId("Identificativo dell'evento da annullare non valido"), reason }),
} as const;

export type CaseEventType = keyof typeof caseEventSchemas;
export const caseEventTypes = Object.keys(caseEventSchemas) as CaseEventType[];

export const caseEventSchema = z
  .union(
    Object.values(caseEventSchemas) as unknown as [
      (typeof caseEventSchemas)[CaseEventType],
      ...(typeof caseEventSchemas)[CaseEventType][],
    ],
  )
  .meta({ id: "CaseEvent" });

type EventOf<T extends CaseEventType> = z.infer<(typeof caseEventSchemas)[T]>;
export type CaseEvent = { [T in CaseEventType]: EventOf<T> }[CaseEventType];
export type CorrectionEvent = EventOf<"correction">;
export type CaseContent = Omit<
  CorrectionEvent,
  "id" | "type" | "caseId" | "occurredOn" | "corrects" | "reason"
>;
export type ContentKey = keyof CaseContent;

/** The content parts a correction carries (exactly one is expected). */
export function contentKeysOf(correction: CorrectionEvent): ContentKey[] {
  return (Object.values(correctableContent) as ContentKey[]).filter((key) => correction[key] !== undefined);
}
