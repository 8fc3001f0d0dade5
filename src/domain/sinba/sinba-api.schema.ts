import { z } from "zod";

/** The contracts of the service's SINBA pages: its flows and the cases that cannot be sent yet. */
export const sinbaFlowStatusSchema = z
  .enum(["waiting", "OK", "DATI_NON_TROVATI", "RICHIESTA_INVALIDA", "ERRORE_GENERICO"])
  .describe("waiting: non ancora letto da INPS; altrimenti l'esito comunicato da INPS");

export const sinbaFlowSummarySchema = z
  .object({
    idFlusso: z.string().describe("{Belfiore}.SINBA.{AAAAMMGG}.{progressivo giornaliero di 7 cifre}"),
    caseId: z.uuid(),
    minorPseudonym: z.string(),
    reason: z
      .enum(["opened", "changed", "closed"])
      .describe("apertura, variazione o chiusura della cartella"),
    referenceDay: z.iso.date(),
    status: sinbaFlowStatusSchema,
    outcomeMessage: z.string().nullable().describe("Il testo dell'errore comunicato da INPS"),
    outcomeAt: z.string().nullable(),
    recordedAt: z.string(),
  })
  .meta({ id: "SinbaFlowSummary" });

const enteParameter = z
  .uuid({ error: "Ente non valido: serve l'identificativo dell'organizzazione" })
  .optional()
  .describe("Per la Regione: l'organizzazione del servizio (ente) di cui vedere i flussi");

export const sinbaFlowsQuerySchema = z.object({
  status: z
    .enum([...sinbaFlowStatusSchema.options, "answered"], { error: "Stato del flusso non valido" })
    .optional()
    .describe("Solo i flussi in questo stato; answered: tutti quelli con un esito di INPS"),
  ente: enteParameter,
  limit: z.coerce
    .number({ error: "Numero di righe non valido" })
    .int({ error: "Numero di righe non valido" })
    .min(1, { error: "Almeno 1 riga" })
    .max(200, { error: "Al massimo 200 righe" })
    .default(50),
  offset: z.coerce
    .number({ error: "Scostamento non valido" })
    .int({ error: "Scostamento non valido" })
    .min(0, { error: "Scostamento non valido" })
    .max(1_000_000, { error: "Scostamento non valido" })
    .default(0),
});

export const sinbaNotSendableQuerySchema = z.object({ ente: enteParameter });

export const sinbaFlowListSchema = z
  .object({ total: z.number().int(), items: z.array(sinbaFlowSummarySchema) })
  .meta({ id: "SinbaFlowList" });

export const sinbaMissingFieldSchema = z
  .object({
    field: z.string().describe("Il nome dell'attributo SINBA (XSD)"),
    code: z.enum(["missing", "not-convertible", "out-of-range", "not-valid"]),
    part: z.string().describe("La parte della cartella (o dei dati dell'ente) che lo compila"),
    message: z.string(),
  })
  .meta({ id: "SinbaMissingField" });

export const sinbaNotSendableSchema = z
  .object({
    items: z.array(
      z.object({
        caseId: z.uuid(),
        minorPseudonym: z.string(),
        caseStatus: z.enum(["open", "closed"]),
        missing: z.array(sinbaMissingFieldSchema),
        checkedAt: z.string(),
      }),
    ),
  })
  .meta({ id: "SinbaNotSendableList" });

/** Per ente (the service organisation): how its flows stand, and the cases it cannot send yet. */
export const sinbaEnteSummarySchema = z
  .object({
    organisationId: z.uuid(),
    code: z.string(),
    name: z.string(),
    belfiore: z.string().nullable().describe("Il codice catastale del comune dell'ente"),
    counts: z.object({
      waiting: z.number().int(),
      OK: z.number().int(),
      DATI_NON_TROVATI: z.number().int(),
      RICHIESTA_INVALIDA: z.number().int(),
      ERRORE_GENERICO: z.number().int(),
      notSendable: z.number().int(),
    }),
    lastFlowAt: z.string().nullable().describe("Quando è stato registrato l'ultimo flusso"),
    lastOutcomeAt: z.string().nullable().describe("Quando INPS ha comunicato l'ultimo esito"),
  })
  .meta({ id: "SinbaEnteSummary" });

export const sinbaEnteListSchema = z
  .object({ items: z.array(sinbaEnteSummarySchema) })
  .meta({ id: "SinbaEnteList" });

export type SinbaFlowStatus = z.infer<typeof sinbaFlowStatusSchema>;
export type SinbaFlowsQuery = z.infer<typeof sinbaFlowsQuerySchema>;
export type SinbaFlowSummary = z.infer<typeof sinbaFlowSummarySchema>;
export type SinbaNotSendableItem = SinbaNotSendableList["items"][number];
export type SinbaEnteSummary = z.infer<typeof sinbaEnteSummarySchema>;
export type SinbaEnteList = z.infer<typeof sinbaEnteListSchema>;
export type SinbaFlowList = z.infer<typeof sinbaFlowListSchema>;
export type SinbaNotSendableList = z.infer<typeof sinbaNotSendableSchema>;
