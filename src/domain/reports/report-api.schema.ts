import { z } from "zod";
import { ZoneFilter } from "../territory/zone.ts";
import { defaultDisclosureThreshold } from "./disclosure.ts";
import { type ReportResult, reportIds } from "./report.ts";

/**
 * The contracts of the report endpoints (`GET /api/v1/reports`, `GET /api/v1/reports/{id}`): the
 * request's parameters and the answers, in JSON or as a file. The route validates and documents
 * with these schemas, the web app reads its types from them.
 */

/** The formats a report is delivered in: JSON for the screens, files to download. */
export const reportFormats = ["json", "csv", "xlsx", "pdf"] as const;
export type ReportFormat = (typeof reportFormats)[number];
export const reportFileFormats = ["csv", "xlsx", "pdf"] as const satisfies readonly ReportFormat[];
export type ReportFileFormat = (typeof reportFileFormats)[number];

export const reportIdParams = z.object({
  id: z.string().max(40).describe("Identificativo del prospetto (dal catalogo)"),
});

const text = (description: string, maxLength = 20) =>
  z.string().max(maxLength).optional().describe(description);

/** The query string of a report: its parameters (checked by the engine), instant, view and format. */
export const reportQuerySchema = z.object({
  date: text("Giorno di riferimento (AAAA-MM-GG)"),
  year: text("Anno (AAAA)", 4),
  from: text("Inizio del periodo (AAAA-MM-GG; per trend AAAA-MM)"),
  to: text("Fine del periodo (AAAA-MM-GG; per trend AAAA-MM)"),
  structure: text("Codice della struttura", 40),
  semester: text("Semestre (AAAA-1 o AAAA-2)", 6),
  zone: ZoneFilter.optional(),
  province: text("Provincia (sigla, es. FI, o codice ISTAT)", 3),
  asOf: z
    .string()
    .max(40)
    .optional()
    .describe(
      "Istante di conoscenza RFC 3339 (es. 2026-01-15T10:00:00Z): solo ciò che era registrato a quell'istante",
    ),
  publication: z
    .enum(["true", "false"], { error: "Indicare true o false" })
    .optional()
    .describe("true: tabelle pubblicate, con tutela statistica"),
  format: z
    .enum(reportFormats, { error: "Formato non previsto: json, csv, xlsx o pdf" })
    .default("json")
    .describe("json (predefinito), csv, xlsx o pdf"),
});

/** The report's parameters among the query's keys (the others are the instant, view and format). */
export const reportParameterKeys = [
  "date",
  "year",
  "from",
  "to",
  "structure",
  "semester",
  "zone",
  "province",
] as const satisfies readonly (keyof z.input<typeof reportQuerySchema>)[];

/** The answer as a file, by media type, as the OpenAPI document describes it. */
export const reportFileContent = {
  "text/csv": { schema: z.string().describe("CSV UTF-8 con BOM, separatore ;, virgola decimale") },
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
    schema: z.string().describe("Cartella di lavoro XLSX: un foglio informativo e un foglio per tabella"),
  },
  "application/pdf": { schema: z.string().describe("Documento PDF A4") },
};

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
    slice: z
      .record(z.string(), z.string())
      .optional()
      .describe(
        "La tabella conta solo le unità della popolazione con questi valori (es. setting: residential): è una parte della popolazione, le cui altre tabelle riportano il totale",
      ),
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
