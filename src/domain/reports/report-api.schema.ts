import { z } from "zod";
import { defaultDisclosureThreshold } from "./disclosure.ts";
import { type ReportResult, reportIds } from "./report.ts";

/**
 * The answers of the report endpoints (`GET /api/v1/reports`, `GET /api/v1/reports/{id}` in JSON):
 * the route validates and documents with these schemas, the web app reads its types from them.
 */

const cellValueSchema = z.union([z.string(), z.number(), z.null()]);

export const reportRowSchema = z
  .object({
    flag: z.literal("c").optional().describe('La misura count è oscurata (vale null con flag "c")'),
    flags: z
      .record(z.string(), z.literal("c"))
      .optional()
      .describe('Le misure oscurate della riga (valgono null con flag "c")'),
  })
  .catchall(cellValueSchema);

export const reportTableSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    dimensions: z.array(z.string()),
    measures: z.array(z.string()),
    labels: z
      .array(z.string())
      .optional()
      .describe("Colonne descrittive (es. denominazione della struttura)"),
    rows: z
      .array(reportRowSchema)
      .describe('Una riga per combinazione delle dimensioni; una cella oscurata vale null con flag "c"'),
    total: z.number().nullable(),
    totals: z.record(z.string(), z.number().nullable()).optional(),
    msnaIncluded: z.boolean().optional(),
    population: z.string().optional(),
    protectedMeasures: z.array(z.string()).optional(),
    note: z.string().optional(),
  })
  .meta({ id: "ReportTable" });

export const reportResultSchema = z
  .object({
    report: z.enum(reportIds),
    title: z.string(),
    parameters: z.record(z.string(), z.union([z.string(), z.number()])),
    asOf: z.string().describe("Istante di conoscenza (RFC 3339, UTC)"),
    suppression: z.object({
      applied: z.boolean(),
      threshold: z.number().int().min(defaultDisclosureThreshold).max(1000),
    }),
    provisional: z
      .boolean()
      .describe("true se il periodo di riferimento non è ancora concluso: dati provvisori"),
    definitions: z.array(z.string()),
    source: z.string(),
    tables: z.array(reportTableSchema),
  })
  .meta({ id: "ReportResult" });

export const reportParameterSchema = z
  .object({ name: z.string(), label: z.string(), required: z.boolean() })
  .meta({ id: "ReportParameter" });

export const reportDescriptionSchema = z
  .object({
    id: z.enum(reportIds),
    title: z.string(),
    description: z.string(),
    identifying: z.boolean().describe("Elenco nominativo (solo l'elenco per la Procura)"),
    parameters: z.array(reportParameterSchema),
  })
  .meta({ id: "ReportDescription" });

export const reportCatalogueSchema = z
  .object({ items: z.array(reportDescriptionSchema) })
  .meta({ id: "ReportCatalogue" });

export type ReportResultResponse = z.infer<typeof reportResultSchema>;
export type ReportTableResponse = z.infer<typeof reportTableSchema>;
export type ReportRowResponse = z.infer<typeof reportRowSchema>;
export type ReportDescription = z.infer<typeof reportDescriptionSchema>;
export type ReportCatalogue = z.infer<typeof reportCatalogueSchema>;

/** The engine's result is what the schema answers: a change to one that the other misses fails typecheck. */
export const resultMatchesSchema = (result: ReportResult): ReportResultResponse => result;
