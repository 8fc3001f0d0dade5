import { z } from "zod";

const instant = z.iso.datetime({ offset: true }).describe("Istante (RFC 3339, UTC)");
const eventProblemSchema = z.object({ code: z.string(), path: z.string(), message: z.string() });

export const lineOutcomeSchema = z
  .object({
    line: z.number().int().min(1).describe("Numero di riga nel file (CSV: l'intestazione è la riga 1)"),
    id: z.string().describe("Id dell'evento letto dalla riga; vuoto se la riga non è leggibile"),
    status: z.enum(["accepted", "duplicate", "rejected"]),
    warnings: z.array(eventProblemSchema),
    errors: z.array(eventProblemSchema),
  })
  .meta({ id: "EventFileLineOutcome" });

/** The file resource: what was received and how far its processing has gone. */
export const eventFileSummarySchema = z
  .object({
    id: z.uuid(),
    kind: z
      .enum(["stay", "case"])
      .describe("stay: eventi delle accoglienze (ASMI); case: eventi delle cartelle sociali (SINBA)"),
    format: z.enum(["jsonl", "csv"]),
    status: z
      .enum(["queued", "processing", "done", "failed"])
      .describe("failed: l'elaborazione si è interrotta per un errore interno ripetuto"),
    sizeBytes: z.number().int().min(1),
    digest: z.string().describe("SHA-256 dei byte del file, come nell'intestazione Digest"),
    receivedAt: instant,
    startedAt: instant.nullable(),
    completedAt: instant.nullable(),
    counts: z.object({
      lines: z.number().int().min(0).describe("Righe che contengono un evento (le righe vuote non contano)"),
      processed: z.number().int().min(0),
      accepted: z.number().int().min(0),
      duplicate: z.number().int().min(0),
      rejected: z.number().int().min(0),
    }),
    progress: z.number().min(0).max(1).describe("Frazione delle righe elaborate"),
  })
  .meta({ id: "EventFile" });

export const eventFileStatusSchema = eventFileSummarySchema
  .extend({
    outcomes: z.array(lineOutcomeSchema).describe("Esiti delle righe elaborate, in ordine di riga"),
    nextCursor: z
      .number()
      .int()
      .min(1)
      .nullable()
      .describe("Valore di cursor per la pagina seguente; null se non ce ne sono altre"),
  })
  .meta({ id: "EventFileStatus" });

/** The body of `POST /api/v1/event-files`: the file's bytes, read as they are (never parsed by the route). */
export const eventFileContentSchema = z
  .string()
  .describe(
    "Il file: un evento JSON per riga (JSON Lines) o CSV con intestazione (tracciato in docs/api.md), UTF-8",
  )
  .meta({ id: "EventFileContent", format: "binary" });

export const eventFileIdParams = z.object({ id: z.uuid({ error: "Identificativo non valido" }) });

export const eventFileStatusQuery = z.object({
  cursor: z.coerce
    .number()
    .int()
    .min(0)
    .max(100_000_000)
    .default(0)
    .describe("Numero di riga da cui proseguire (esclusa)"),
  limit: z.coerce.number().int().min(1).max(5000).default(1000).describe("Esiti per pagina"),
});

/** The body of `POST /api/v1/case-event-files`: JSON Lines only (case events are nested objects). */
export const caseEventFileContentSchema = z
  .string()
  .describe(
    "Il file: un evento delle cartelle sociali in JSON per riga (JSON Lines, docs/case-interchange.md), UTF-8",
  )
  .meta({ id: "CaseEventFileContent", format: "binary" });
