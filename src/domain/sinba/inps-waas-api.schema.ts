import { z } from "zod";
import { publicJwkSchema } from "../events/machine-client.schema.ts";

/**
 * The INPS WaaS e-service (docs/inps-waas/api-comuni.yaml, the document INPS expects every ente to
 * expose): its query, bodies and answers, with INPS's own field names. Tests check them against
 * that document with an OpenAPI validator; they stay out of S.I.R.MI's own OpenAPI document.
 */
export const inpsFlowsPerPageDefault = 10;
export const inpsFlowsPerPageMax = 100;
export const inpsOutcomesPerRequestMax = 100;
/** `since` as the document allows it (an int64 up to 1e20): beyond the year 9999 nothing is newer. */
export const inpsSinceMax = 10n ** 20n;
export const inpsSinceLastInstant = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

export const inpsFlowKinds = ["PS_PSA_SINA", "SINBA"] as const;
export const inpsOutcomeCodes = ["OK", "DATI_NON_TROVATI", "RICHIESTA_INVALIDA", "ERRORE_GENERICO"] as const;
export type InpsOutcomeCode = (typeof inpsOutcomeCodes)[number];

const belfiorePattern = /^[A-Z][0-9]{3}$/;

export const inpsFlowsQuerySchema = z.object({
  since: z
    .string({
      error: "Il parametro since è obbligatorio (millisecondi dal 1970, 0 alla prima acquisizione).",
    })
    .regex(/^[0-9]{1,21}$/, { error: "Il parametro since deve essere un numero intero di millisecondi ≥ 0." })
    .refine((value) => !/^[0-9]{1,21}$/.test(value) || BigInt(value) <= inpsSinceMax, {
      error: "Il parametro since supera il massimo ammesso (1e20).",
    }),
  limit: z
    .string({ error: "Il parametro limit deve essere un numero intero tra 0 e 100." })
    .regex(/^[0-9]{1,9}$/, { error: "Il parametro limit deve essere un numero intero tra 0 e 100." })
    .transform(Number)
    .refine((value) => value <= inpsFlowsPerPageMax, {
      error: `Il parametro limit non può superare ${inpsFlowsPerPageMax}.`,
    })
    .optional(),
});
export type InpsFlowsQuery = z.infer<typeof inpsFlowsQuerySchema>;

export const inpsFlowSchema = z
  .object({
    codice_ente: z.string().regex(belfiorePattern),
    denominazione_ente: z.string().max(256),
    id_flusso: z.string().max(64),
    tipo: z.enum(inpsFlowKinds),
    ts_flusso: z.string(),
    flusso: z.string(),
  })
  .strict();
export const inpsFlowListSchema = z
  .object({ elenco_flussi: z.array(inpsFlowSchema).max(inpsFlowsPerPageMax) })
  .strict();
export type InpsFlowList = z.infer<typeof inpsFlowListSchema>;

const instant = (name: string) =>
  z.iso.datetime({
    offset: true,
    error: `${name} deve essere una data e ora RFC 3339 (es. 2026-11-21T10:00:00.000Z).`,
  });

export const inpsOutcomeSchema = z.object({
  id_flusso: z
    .string({ error: "id_flusso è obbligatorio." })
    .min(1, { error: "id_flusso è obbligatorio." })
    .max(64, { error: "id_flusso supera i 64 caratteri." }),
  tipo: z.string({ error: "tipo è obbligatorio (SINBA)." }).max(32, { error: "tipo non valido." }),
  ts_flusso: instant("ts_flusso"),
  ts_acquisizione: instant("ts_acquisizione"),
  codice_esito: z.enum(inpsOutcomeCodes, {
    error: "codice_esito deve essere OK, DATI_NON_TROVATI, RICHIESTA_INVALIDA o ERRORE_GENERICO.",
  }),
  descrizione_esito: z
    .string({ error: "descrizione_esito deve essere un testo." })
    .max(4000, {
      error: "descrizione_esito supera i 4000 caratteri.",
    })
    .optional(),
  id_acquisizione_siuss: z
    .string({ error: "id_acquisizione_siuss deve essere un testo." })
    .max(64, {
      error: "id_acquisizione_siuss supera i 64 caratteri.",
    })
    .optional(),
});
export type InpsOutcome = z.infer<typeof inpsOutcomeSchema>;

export const inpsOutcomeListSchema = z.object(
  {
    elenco_esiti: z
      .array(inpsOutcomeSchema, { error: "elenco_esiti deve essere un elenco di esiti." })
      .max(inpsOutcomesPerRequestMax, {
        error: `Al massimo ${inpsOutcomesPerRequestMax} esiti per richiesta.`,
      })
      .default([]),
  },
  { error: "Il corpo deve essere un oggetto JSON con elenco_esiti." },
);

/** The Region's registration of INPS as a machine client, scoped to the enti it reads. */
export const inpsClientCreateSchema = z
  .object({
    name: z.string().trim().min(1).max(200).default("INPS – WaaS SIUSS"),
    enti: z
      .array(
        z.string().regex(belfiorePattern, { error: "Codice Belfiore non valido (una lettera e tre cifre)." }),
      )
      .min(1, { error: "Indicare almeno un ente (codice Belfiore)." })
      .max(8000)
      .describe("I codici Belfiore degli enti di cui il client legge i flussi"),
    keys: z.array(publicJwkSchema).min(1).max(10),
  })
  .meta({ id: "InpsClientCreate" });
export type InpsClientCreate = z.infer<typeof inpsClientCreateSchema>;

export const inpsClientSchema = z
  .object({
    id: z.uuid().describe("Identificativo del client: è il valore di iss e sub nei token di INPS"),
    name: z.string(),
    enti: z.array(z.string()),
    keys: z.array(z.object({ kid: z.string(), jwk: z.record(z.string(), z.unknown()) })),
    isActive: z.boolean(),
    createdAt: z.string(),
  })
  .meta({ id: "InpsClient" });
export type InpsClient = z.infer<typeof inpsClientSchema>;

export const inpsClientListSchema = z
  .object({ items: z.array(inpsClientSchema) })
  .meta({ id: "InpsClientList" });
export const inpsClientIdParams = z.object({ id: z.uuid({ error: "Identificativo non valido" }) });
