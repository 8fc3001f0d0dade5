import { z } from "zod";
import { LoginStep } from "./login-steps.ts";
import { passwordPolicy } from "./password-policy.ts";
import { OrganisationKind, Role } from "./roles.ts";
import { recoveryCodesSchema } from "./session-api.schema.ts";

export const loginSchema = z
  .object({
    username: z.string().trim().min(1, { error: "Inserire il nome utente" }).max(64),
    password: z.string().min(1, { error: "Inserire la password" }).max(256),
  })
  .meta({ id: "Login" });
export type LoginInput = z.input<typeof loginSchema>;

export const membershipSchema = z
  .object({
    membershipId: z.uuid(),
    role: Role,
    organisationId: z.uuid(),
    organisationCode: z.string(),
    organisationName: z.string(),
    organisationKind: OrganisationKind,
    structureId: z.uuid().nullable(),
  })
  .meta({ id: "Membership" });

export const sessionMembershipSchema = membershipSchema
  .extend({
    available: z
      .boolean()
      .describe("Falso per un ruolo che vede le identità quando il livello di autenticazione non basta"),
    seesIdentities: z.boolean(),
  })
  .meta({ id: "SessionMembership" });

export const sessionSchema = z
  .object({
    user: z.object({ id: z.uuid(), username: z.string(), displayName: z.string() }),
    csrfToken: z
      .string()
      .describe("Da inviare nell'intestazione X-CSRF-Token delle richieste che modificano dati"),
    memberships: z.array(sessionMembershipSchema),
    active: membershipSchema.nullable(),
    authMethod: z.enum(["password", "oidc"]).describe("password (account locale) o oidc (SPID/CIE)"),
    authenticationLevel: z.number().int().min(1).max(3),
    requiredLevelForIdentityRoles: z.number().int().min(2).max(3),
    pendingStep: LoginStep.nullable().describe("Il passo dell'accesso ancora da completare"),
    hasSecondFactor: z.boolean(),
  })
  .meta({ id: "Session" });

export const chooseMembershipSchema = z.object({ membershipId: z.uuid() }).meta({ id: "ChooseMembership" });

export const organisationInputSchema = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^[A-Z0-9-]{2,40}$/, { error: "Codice non valido: lettere maiuscole, cifre e trattini (2–40)" }),
    name: z.string().trim().min(2, { error: "Inserire la denominazione" }).max(200),
    kind: OrganisationKind,
    fiscalCode: z.string().trim().toUpperCase().max(16).nullable().optional(),
    comune: z
      .string()
      .regex(/^\d{6}$/)
      .nullable()
      .optional(),
  })
  .meta({ id: "NewOrganisation" });

export const organisationSchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    kind: OrganisationKind,
    fiscalCode: z.string().nullable(),
    comune: z.string().nullable(),
  })
  .meta({ id: "Organisation" });

export const userInputSchema = z
  .object({
    username: z
      .string()
      .trim()
      .regex(/^[a-z0-9._-]{3,64}$/, {
        error: "Nome utente: 3–64 caratteri tra minuscole, cifre, punto, trattino",
      }),
    displayName: z.string().trim().min(2).max(120),
    password: z
      .string()
      .min(passwordPolicy.minLength, {
        error: `La password deve avere almeno ${passwordPolicy.minLength} caratteri`,
      })
      .max(256),
    role: Role,
    organisationCode: z.string().trim().min(2).max(40),
  })
  .meta({ id: "NewUser" });

export const userSummarySchema = z
  .object({
    id: z.uuid(),
    username: z.string(),
    displayName: z.string(),
    isActive: z.boolean(),
    roles: z.array(z.object({ role: Role, organisationCode: z.string(), organisationName: z.string() })),
  })
  .meta({ id: "UserSummary" });

export const organisationListSchema = z.object({ items: z.array(organisationSchema) });
export type Organisation = z.infer<typeof organisationSchema>;
export type Session = z.infer<typeof sessionSchema>;

export const secondFactorEnrolledSchema = z
  .object({ recoveryCodes: recoveryCodesSchema, session: sessionSchema })
  .meta({ id: "SecondFactorEnrolled" });

export const accessPolicySchema = z
  .object({
    roles: z.array(z.object({ code: Role, label: z.string() })),
    rules: z.array(
      z.object({
        action: z.string(),
        label: z.string(),
        scopes: z.array(z.object({ role: Role, scope: z.string(), scopeLabel: z.string() })),
      }),
    ),
  })
  .meta({ id: "AccessPolicy" });
export type AccessPolicy = z.infer<typeof accessPolicySchema>;
