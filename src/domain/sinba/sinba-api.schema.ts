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

export const sinbaFlowsQuerySchema = z.object({
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

export type SinbaFlowList = z.infer<typeof sinbaFlowListSchema>;
export type SinbaNotSendableList = z.infer<typeof sinbaNotSendableSchema>;
