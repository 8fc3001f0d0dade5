import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { appendAuditEntry, listAuditEntries, verifyAuditChain } from "../../core/audit.queries.ts";
import { authorize } from "../../core/authorization.ts";
import type { AppDependencies } from "../../core/dependencies.ts";
import { requireActor } from "../../http/request-context.ts";
import { clientIdOfActor, findClientNamesOfActors } from "./audit-actors.queries.ts";

const auditEntrySchema = z
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

const auditQuerySchema = z.object({
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

export function registerAuditRoutes(app: FastifyInstance, deps: AppDependencies) {
  const { db } = deps;
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    "/api/v1/audit-entries",
    {
      schema: {
        tags: ["registro-accessi"],
        summary: "Consultare il registro degli accessi, dal più recente",
        security: [{ sessionCookie: [] }],
        querystring: auditQuerySchema,
        response: {
          200: z.object({ items: z.array(auditEntrySchema), nextCursor: z.number().int().min(1).nullable() }),
        },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      authorize(actor, "audit.read");
      const { cursor, ...filter } = request.query;
      return db.transaction(async (tx) => {
        const rows = await listAuditEntries(tx, { ...filter, afterSequence: cursor });
        const clientNames = await findClientNamesOfActors(
          tx,
          rows.map((row) => row.username),
        );
        await appendAuditEntry(tx, actor, {
          action: "audit.read",
          resourceType: "audit-entry",
          outcome: "success",
          details: { count: rows.length },
        });
        return {
          items: rows.map((row) => ({
            sequence: row.sequence,
            recordedAt: new Date(row.recordedAt).toISOString(),
            username: row.username,
            clientName: clientNames.get(clientIdOfActor(row.username) ?? "") ?? null,
            organisationCode: row.organisationCode,
            role: row.role,
            action: row.action,
            resourceType: row.resourceType,
            resourceId: row.resourceId,
            minorPseudonym: row.minorPseudonym,
            purpose: row.purpose,
            outcome: row.outcome,
            details: row.details ?? null,
            hash: row.hash,
          })),
          nextCursor: rows.length === filter.limit ? rows[rows.length - 1].sequence : null,
        };
      });
    },
  );

  api.get(
    "/api/v1/audit-verification",
    {
      schema: {
        tags: ["registro-accessi"],
        summary: "Verificare la catena del registro degli accessi",
        security: [{ sessionCookie: [] }],
        response: {
          200: z
            .object({
              ok: z.boolean(),
              checked: z.number().int().min(0),
              firstBrokenSequence: z.number().int().min(1).nullable(),
              reason: z.enum(["hash-mismatch", "sequence-gap"]).nullable(),
            })
            .meta({ id: "AuditVerification" }),
        },
      },
    },
    async (request) => {
      authorize(requireActor(request), "audit.read");
      const result = await verifyAuditChain(db);
      return result.ok
        ? { ok: true, checked: result.checked, firstBrokenSequence: null, reason: null }
        : {
            ok: false,
            checked: result.checked,
            firstBrokenSequence: result.firstBrokenSequence,
            reason: result.reason,
          };
    },
  );
}
