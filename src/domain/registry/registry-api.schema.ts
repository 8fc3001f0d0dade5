import { z } from "zod";
import { Pseudonym } from "../access/break-glass.schema.ts";
import { reasonSchema } from "../access/reason.ts";
import { Sex } from "../code-lists/interchange-codes.ts";
import { birthPlaceSchema } from "./minor-identity.ts";

/** The contracts of the registry of minors: exact search, pseudonymous record, identity, duplicates. */
const name = z.string().trim().min(1, { error: "Campo obbligatorio" }).max(100);
const reasonText = reasonSchema(1000);

export type BirthPlace = z.infer<typeof birthPlaceSchema>;

export const lookupSchema = z
  .union([
    z.object({ purpose: z.literal("admission"), fiscalCode: z.string().trim().min(1).max(32) }).strict(),
    z
      .object({
        purpose: z.literal("admission"),
        familyName: name,
        givenName: name,
        birthDate: z.iso.date({ error: "Data di nascita non valida" }),
        sex: Sex,
      })
      .strict(),
  ])
  .meta({
    id: "RegistryLookup",
    description: "Ricerca esatta: codice fiscale, oppure cognome, nome, data di nascita e sesso",
  });
export type LookupInput = z.infer<typeof lookupSchema>;
export type LookupPurpose = LookupInput["purpose"];

/** What the vault gives back for a minor found by an exact search. */
export const identityViewSchema = z
  .object({
    fiscalCode: z.string().optional(),
    otherIds: z.array(z.object({ kind: z.string(), value: z.string() })).optional(),
    familyName: z.string().optional(),
    givenName: z.string().optional(),
    sex: Sex,
    birthDate: z.string().optional(),
    birthPlace: birthPlaceSchema.optional(),
    citizenship: z.string().optional(),
  })
  .meta({ id: "MinorIdentityView" });
export type MinorIdentityView = z.infer<typeof identityViewSchema>;

export const lookupResultSchema = z
  .object({
    found: z.boolean(),
    ambiguous: z.boolean(),
    minor: z.object({ pseudonym: z.string(), identity: identityViewSchema }).nullable(),
  })
  .meta({ id: "RegistryLookupResult" });
export type LookupResult = z.infer<typeof lookupResultSchema>;

export const pseudonymParams = z.object({ pseudonym: Pseudonym });

export const pseudonymousMinorSchema = z
  .object({
    pseudonym: z.string(),
    sex: Sex,
    birthYearMonth: z.string().nullable(),
    citizenship: z.string().nullable(),
    residenceComune: z.string().nullable(),
    isPossibleDuplicate: z.boolean(),
  })
  .meta({ id: "PseudonymousMinor" });
export type PseudonymousMinor = z.infer<typeof pseudonymousMinorSchema>;

export const identityReadSchema = z
  .object({ pseudonym: z.string(), identity: identityViewSchema })
  .meta({ id: "MinorIdentityRead" });

export const identityCorrectionSchema = z
  .object({ corrected: z.boolean(), sentToReview: z.boolean(), pseudonym: z.string() })
  .meta({ id: "IdentityCorrection" });

/** One record of a pair under review: only what the steward needs to decide. */
export const reviewSideSchema = z.object({
  pseudonym: z.string(),
  familyName: z.string().nullable(),
  givenName: z.string().nullable(),
  sex: Sex,
  birthDate: z.string().nullable(),
  birthPlace: birthPlaceSchema.nullable(),
  citizenship: z.string().nullable(),
  hasFiscalCode: z.boolean(),
  otherIdKinds: z.array(z.string()),
  stays: z
    .array(
      z.object({
        structureName: z.string(),
        admissionDate: z.string(),
        dischargeDate: z.string().nullable(),
      }),
    )
    .describe("Accoglienze in corso o concluse nell'ultimo anno, dalla più recente"),
});
export type ReviewSide = z.infer<typeof reviewSideSchema>;

export const duplicateReviewsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const duplicateReviewSchema = z
  .object({
    id: z.uuid(),
    score: z.number().int().min(0).max(100),
    reasons: z.array(z.string()),
    createdAt: z.string(),
    first: reviewSideSchema,
    second: reviewSideSchema,
    staysOverlap: z.boolean().describe("Vero se i due minori risultano accolti negli stessi giorni"),
    undoneMerge: z
      .object({ mergeReason: z.string(), undoReason: z.string(), undoneAt: z.string() })
      .nullable()
      .describe("La coppia era stata unita e l'unione è stata annullata: le motivazioni"),
  })
  .meta({ id: "DuplicateReview" });
export type DuplicateReview = z.infer<typeof duplicateReviewSchema>;
export const duplicateReviewListSchema = z.object({ items: z.array(duplicateReviewSchema) });

export const reviewIdParams = z.object({ id: z.uuid() });

export const duplicateDecisionSchema = z
  .object({ decision: z.enum(["same", "different"]), reason: reasonText })
  .meta({ id: "DuplicateDecision" });
export type ReviewDecision = z.infer<typeof duplicateDecisionSchema>;

export const reviewOutcomeSchema = z.object({
  state: z.enum(["merged", "different"]),
  mergeId: z.uuid().nullable(),
  survivor: z.string().optional(),
});
export type ReviewOutcome = z.infer<typeof reviewOutcomeSchema>;

export const minorMergeSchema = z.object({
  id: z.uuid(),
  survivor: z.string(),
  merged: z.string(),
  reason: z.string(),
  mergedAt: z.string(),
  undoneAt: z.string().nullable(),
});
export type MinorMerge = z.infer<typeof minorMergeSchema>;
export const minorMergeListSchema = z.object({ items: z.array(minorMergeSchema) });

export const undoMergeSchema = z.object({ reason: reasonText }).meta({ id: "UndoMerge" });
export const undoMergeOutcomeSchema = z.object({ undone: z.boolean() });
