import { z } from "zod";

/** The contracts of the audit log: its entries, the filter to read them, the chain's verification. */
export const auditEntrySchema = z
  .object({
    sequence: z.number().int().min(1),
    recordedAt: z.iso.datetime({ offset: true }),
    username: z.string().nullable(),
    clientName: z
      .string()
      .nullable()
      .describe("Il nome del software gestionale (client macchina) quando è lui ad aver agito"),
    organisationCode: z.string().nullable(),
    role: z.string().nullable(),
    action: z.string(),
    resourceType: z.string(),
    resourceId: z.string().nullable(),
    minorPseudonym: z.string().nullable(),
    purpose: z.string().nullable(),
    outcome: z.string(),
    details: z.record(z.string(), z.unknown()).nullable(),
    hash: z.string(),
  })
  .meta({ id: "AuditEntry" });
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditQuerySchema = z.object({
  from: z.iso.datetime({ offset: true }).optional().describe("Istante iniziale (RFC 3339)"),
  to: z.iso.datetime({ offset: true }).optional().describe("Istante finale (RFC 3339)"),
  action: z.string().max(64).optional(),
  username: z.string().max(64).optional(),
  organisationCode: z.string().max(40).optional(),
  outcome: z.enum(["success", "denied", "failure"]).optional(),
  cursor: z.coerce
    .number()
    .int()
    .min(1)
    .optional()
    .describe("Numero progressivo da cui proseguire (escluso)"),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export type AuditQuery = z.infer<typeof auditQuerySchema>;

export const auditPageSchema = z.object({
  items: z.array(auditEntrySchema),
  nextCursor: z.number().int().min(1).nullable(),
});

export const auditVerificationSchema = z
  .object({
    ok: z.boolean(),
    checked: z.number().int().min(0),
    firstBrokenSequence: z.number().int().min(1).nullable(),
    reason: z.enum(["hash-mismatch", "sequence-gap", "unkeyed-entry", "unknown-key"]).nullable(),
  })
  .meta({ id: "AuditVerification" });
export type AuditVerification = z.infer<typeof auditVerificationSchema>;
