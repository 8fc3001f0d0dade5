import { z } from "zod";
import { Role } from "./roles.ts";

export const personInputSchema = z
  .object({
    username: z
      .string()
      .trim()
      .regex(/^[a-z0-9._-]{3,64}$/, {
        error: "Nome utente: 3–64 caratteri tra minuscole, cifre, punto, trattino",
      }),
    displayName: z.string().trim().min(2, { error: "Inserire il nome e cognome" }).max(120),
    role: Role,
    organisationCode: z.string().trim().min(2).max(40),
    structureId: z.uuid().nullable().optional().describe("Per i ruoli di struttura: una sola struttura"),
    fiscalCode: z
      .string()
      .trim()
      .toUpperCase()
      .max(16)
      .nullable()
      .optional()
      .describe("Codice fiscale della persona, per l'accesso con SPID o CIE (conservato solo come impronta)"),
    localAccount: z
      .boolean()
      .describe("Vero: account locale con password temporanea (da cambiare al primo accesso)"),
  })
  .meta({ id: "NewPerson" });

export const personCreatedSchema = z
  .object({
    id: z.uuid(),
    username: z.string(),
    temporaryPassword: z.string().nullable().describe("Mostrata una sola volta"),
  })
  .meta({ id: "PersonCreated" });

export const personSchema = z
  .object({
    id: z.uuid(),
    username: z.string(),
    displayName: z.string(),
    isActive: z.boolean(),
    hasPassword: z.boolean(),
    signsInWithProvider: z.boolean(),
    hasSecondFactor: z.boolean(),
    mustChangePassword: z.boolean(),
    lockedUntil: z.iso.datetime().nullable(),
    isManaged: z.boolean().describe("Il ruolo attivo gestisce tutti i ruoli della persona (reimpostazioni)"),
    roles: z.array(
      z.object({
        membershipId: z.uuid(),
        role: Role,
        organisationCode: z.string(),
        organisationName: z.string(),
        structureId: z.uuid().nullable(),
        canRevoke: z.boolean(),
      }),
    ),
  })
  .meta({ id: "Person" });

export const roleGrantSchema = z
  .object({
    role: Role,
    organisationCode: z.string().trim().min(2).max(40),
    structureId: z.uuid().nullable().optional(),
  })
  .meta({ id: "RoleGrant" });

export const userIdParams = z.object({ userId: z.uuid() });
export const membershipParams = userIdParams.extend({ membershipId: z.uuid() });

export const personListSchema = z.object({ items: z.array(personSchema) });
export type Person = z.infer<typeof personSchema>;
export type PersonInput = z.input<typeof personInputSchema>;

export const personStatusSchema = z.object({ active: z.boolean() }).meta({ id: "PersonStatus" });

export const passwordResetSchema = z
  .object({ temporaryPassword: z.string().describe("Mostrata una sola volta") })
  .meta({ id: "PasswordReset" });

export const doneResponse = z.null().describe("Fatto");
