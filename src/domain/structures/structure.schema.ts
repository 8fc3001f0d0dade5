import { z } from "zod";
import {
  AuthorisationStatus,
  IstatCharacter,
  IstatFunction,
  LegalNature,
  NationalStructureType,
  StructureStatus,
  TargetSex,
} from "../code-lists/structure-codes.ts";

/**
 * The ASSO structure record of the interchange standard (v1). The same schema validates the
 * web form, the API body and each record of a bulk import.
 */
const fullDate = z.iso.date({ error: "Data non valida: usare il formato AAAA-MM-GG" });
const comuneCode = z.string().regex(/^\d{6}$/, { error: "Codice ISTAT del comune non valido (6 cifre)" });
const places = z
  .number({ error: "Inserire un numero intero" })
  .int({ error: "Inserire un numero intero" })
  .min(0, { error: "Il numero di posti non può essere negativo" })
  .max(999, { error: "Il numero di posti non può superare 999" });

export const structureCodeSchema = z.string().regex(/^ST\d{6}$/, { error: "Codice struttura non valido" });

export const structureRecordSchema = z
  .object({
    code: structureCodeSchema.optional(),
    name: z.string().trim().min(2, { error: "Inserire la denominazione" }).max(200),
    regionalType: z.string().trim().min(1, { error: "Indicare la tipologia regionale" }).max(64),
    nationalType: z.enum(NationalStructureType.options, { error: "Tipologia nazionale non valida" }),
    istatCharacter: z.enum(IstatCharacter.options, { error: "Carattere ISTAT non valido" }),
    istatFunction: z.enum(IstatFunction.options, { error: "Funzione ISTAT non valida" }),
    operator: z.object({
      name: z.string().trim().min(2, { error: "Inserire la denominazione dell'ente gestore" }).max(200),
      fiscalCode: z
        .string()
        .trim()
        .toUpperCase()
        .regex(/^(\d{11}|[A-Z0-9]{16})$/, {
          error: "Codice fiscale o partita IVA dell'ente non valido (11 cifre o 16 caratteri)",
        }),
      legalNature: z.enum(LegalNature.options, { error: "Natura giuridica non valida" }),
    }),
    address: z.object({
      street: z.string().trim().min(3, { error: "Inserire l'indirizzo" }).max(200),
      comune: comuneCode,
    }),
    authorisedPlaces: places,
    emergencyExtraPlaces: places,
    target: z
      .object({
        minAge: z.number().int().min(0).max(21),
        maxAge: z.number().int().min(0).max(21),
        sex: TargetSex,
        motherWithChild: z.boolean(),
        msna: z.boolean(),
      })
      .refine((t) => t.minAge <= t.maxAge, {
        error: "L'età minima non può superare l'età massima",
        path: ["maxAge"],
      }),
    authorisation: z
      .object({
        status: z.enum(AuthorisationStatus.options, { error: "Stato dell'autorizzazione non valido" }),
        act: z.string().trim().min(1, { error: "Indicare l'atto di autorizzazione" }).max(120),
        date: fullDate,
        expiresOn: fullDate.nullable(),
      })
      .refine((a) => a.expiresOn === null || a.expiresOn >= a.date, {
        error: "La scadenza non può precedere la data dell'autorizzazione",
        path: ["expiresOn"],
      }),
    status: z.enum(StructureStatus.options, { error: "Stato della struttura non valido" }),
    validFrom: fullDate,
  })
  .strict();

export type StructureRecord = z.infer<typeof structureRecordSchema>;

/** Fields whose change needs the Region's approval before it takes effect. */
export const fieldsNeedingApproval = [
  "regionalType",
  "nationalType",
  "istatCharacter",
  "istatFunction",
  "authorisedPlaces",
  "emergencyExtraPlaces",
  "authorisation",
] as const satisfies readonly (keyof StructureRecord)[];
