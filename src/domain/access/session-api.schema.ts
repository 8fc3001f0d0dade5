import { z } from "zod";
import { passwordPolicy } from "./password-policy.ts";
import { type SignInRefusal, signInRefusalCodes } from "./sign-in-outcomes.ts";

/** The contracts of one's own session: login steps, SPID/CIE, one's open sessions, logging out. */
export const secondFactorCodeSchema = z
  .object({
    code: z
      .string()
      .trim()
      .min(6, { error: "Inserire il codice" })
      .max(32)
      .describe("Il codice di 6 cifre dell'app di autenticazione, o un codice di recupero"),
  })
  .meta({ id: "SecondFactorCode" });

export const passwordChangeSchema = z
  .object({
    currentPassword: z.string().min(1, { error: "Inserire la password attuale" }).max(256),
    newPassword: z.string().min(1, { error: "Inserire la nuova password" }).max(passwordPolicy.maxLength),
  })
  .meta({ id: "PasswordChange" });
export type PasswordChange = z.infer<typeof passwordChangeSchema>;

export const sessionListItemSchema = z
  .object({
    id: z.uuid(),
    createdAt: z.iso.datetime(),
    lastSeenAt: z.iso.datetime(),
    expiresAt: z.iso.datetime(),
    authMethod: z.enum(["password", "oidc"]),
    authenticationLevel: z.number().int().min(1).max(3),
    userAgent: z.string().nullable(),
    current: z.boolean(),
  })
  .meta({ id: "SessionListItem" });
export type SessionItem = z.infer<typeof sessionListItemSchema>;
export const sessionListSchema = z.object({ items: z.array(sessionListItemSchema) });
export const sessionIdParams = z.object({ sessionId: z.uuid() });

export const secondFactorEnrolmentSchema = z
  .object({
    secret: z.string().describe("Segreto in base32, da inserire a mano se non si inquadra il codice QR"),
    otpauthUri: z.string().describe("URI otpauth:// da mostrare come codice QR"),
    issuer: z.string(),
  })
  .meta({ id: "SecondFactorEnrolment" });

/** The enrolment's answer carries the session (`sessionSchema`), added where it is defined. */
export const recoveryCodesSchema = z
  .array(z.string())
  .describe("Codici di recupero monouso, mostrati una sola volta");

export const signInMethodsSchema = z
  .object({
    provider: z.boolean(),
    localAccounts: z.boolean(),
    requiredLevelForIdentityRoles: z.number().int().min(2).max(3),
    refusals: z.array(z.enum(signInRefusalCodes as [SignInRefusal, ...SignInRefusal[]])),
  })
  .meta({ id: "SignInMethods" });
export type SignInMethods = z.infer<typeof signInMethodsSchema>;

export const providerLogoutSchema = z
  .object({
    logoutUrl: z
      .string()
      .nullable()
      .describe("Indirizzo del servizio di identità a cui andare per uscire anche lì"),
  })
  .meta({ id: "ProviderLogout" });

export const redirectResponse = z.null().describe("Reindirizzamento (intestazione Location)");
export const sessionClosedResponse = z.null().describe("Sessione chiusa");
