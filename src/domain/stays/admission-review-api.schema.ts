import { z } from "zod";

/**
 * The auditor's review list of admissions to be confirmed (access principle 7): every admission
 * that was to be confirmed, why, since when, and whether and how it was confirmed. Pseudonyms
 * only, never an identity.
 */
export const AdmissionReviewReason = z.enum(["overlap", "backdated"]);
export const AdmissionConfirmedVia = z.enum(["steward", "case", "discharge"]);
export type AdmissionConfirmedVia = z.infer<typeof AdmissionConfirmedVia>;

export const admissionReviewQuery = z
  .object({
    state: z
      .enum(["to-be-confirmed", "confirmed"], { error: "Stato non valido: to-be-confirmed o confirmed" })
      .optional()
      .describe("Solo le ammissioni ancora da confermare, o solo quelle confermate"),
  })
  .strict();

export const admissionReviewSchema = z
  .object({
    stayId: z.uuid(),
    structureCode: z.string().nullable(),
    structureName: z.string().nullable(),
    stayRef: z.string(),
    pseudonym: z.string().nullable(),
    admissionDate: z.string(),
    reasons: z
      .array(AdmissionReviewReason)
      .describe(
        "Perché: sovrapposta a un'accoglienza precedente dello stesso minore, o retrodatata di oltre 30 giorni",
      ),
    since: z.string().describe("Da quando: l'istante in cui l'ammissione è stata registrata"),
    isConfirmed: z.boolean(),
    confirmedVia: AdmissionConfirmedVia.nullable().describe(
      "Chi l'ha confermata: il curatore dell'anagrafe, la cartella del servizio inviante (collocamento), la dimissione dall'altra accoglienza",
    ),
    confirmedAt: z.string().nullable(),
    confirmedBy: z
      .string()
      .nullable()
      .describe("Il nome utente di chi l'ha confermata (curatore o assistente sociale)"),
  })
  .meta({ id: "AdmissionReview" });
export type AdmissionReview = z.infer<typeof admissionReviewSchema>;
export const admissionReviewListSchema = z.object({ items: z.array(admissionReviewSchema) });
