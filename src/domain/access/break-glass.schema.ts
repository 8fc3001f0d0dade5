import { z } from "zod";

/** How long an emergency access lasts (access protocol, principle 5). */
export const breakGlassHours = 24;

/** An emergency is explained in words an auditor can judge, not in a code. */
export const breakGlassReasonMinLength = 20;

export const Pseudonym = z.string().regex(/^[A-Z0-9]{4,20}$/, { error: "Pseudonimo non valido" });

export const breakGlassRequestSchema = z
  .object({
    pseudonym: Pseudonym,
    reason: z
      .string()
      .trim()
      .min(breakGlassReasonMinLength, {
        error: `Descrivere l'emergenza (almeno ${breakGlassReasonMinLength} caratteri): la motivazione è letta dal revisore`,
      })
      .max(2000),
  })
  .meta({ id: "BreakGlassRequest" });
export type BreakGlassRequest = z.infer<typeof breakGlassRequestSchema>;

export const BreakGlassReviewState = z.enum(["pending", "accepted", "questioned"]);
export const breakGlassReviewStates = [
  { code: "pending", label: "Da rivedere" },
  { code: "accepted", label: "Accettato" },
  { code: "questioned", label: "Contestato: chiesto conto" },
] as const;

export const breakGlassAccessSchema = z
  .object({
    id: z.uuid(),
    pseudonym: z.string(),
    reason: z.string(),
    openedAt: z.string(),
    expiresAt: z.string(),
    isActive: z.boolean(),
    reviewState: BreakGlassReviewState,
    reviewNote: z.string().nullable(),
  })
  .meta({ id: "BreakGlassAccess" });
export type BreakGlassAccess = z.infer<typeof breakGlassAccessSchema>;

/** What the auditor sees of an emergency access: who, in which role, which minor, why, and what was read. */
export const breakGlassReviewItemSchema = breakGlassAccessSchema
  .extend({
    username: z.string(),
    displayName: z.string(),
    role: z.string(),
    organisationCode: z.string(),
    organisationName: z.string(),
    identityReads: z.number().int().min(0),
    reviewedBy: z.string().nullable(),
    reviewedAt: z.string().nullable(),
  })
  .meta({ id: "BreakGlassReviewItem" });
export type BreakGlassReviewItem = z.infer<typeof breakGlassReviewItemSchema>;

export const breakGlassDecisionSchema = z
  .object({
    decision: z.enum(["accepted", "questioned"]),
    note: z
      .string()
      .trim()
      .min(3, { error: "Indicare una nota per la decisione (almeno 3 caratteri)" })
      .max(2000),
  })
  .meta({ id: "BreakGlassDecision" });
export type BreakGlassDecision = z.infer<typeof breakGlassDecisionSchema>;

export const breakGlassIdParams = z.object({ id: z.uuid({ error: "Identificativo non valido" }) });
export const breakGlassAccessListSchema = z.object({ items: z.array(breakGlassAccessSchema) });

export const BreakGlassReviewFilter = z.union([BreakGlassReviewState, z.literal("all")]);
export type BreakGlassReviewFilter = z.infer<typeof BreakGlassReviewFilter>;
export const breakGlassReviewsQuery = z.object({ state: BreakGlassReviewFilter.default("pending") });
export const breakGlassReviewListSchema = z.object({ items: z.array(breakGlassReviewItemSchema) });

export const breakGlassReviewedSchema = z
  .object({ id: z.uuid(), reviewState: BreakGlassReviewState })
  .meta({ id: "BreakGlassReviewed" });
