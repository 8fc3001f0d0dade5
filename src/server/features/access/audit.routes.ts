import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  type AuditVerification,
  auditPageSchema,
  auditQuerySchema,
  auditVerificationSchema,
} from "../../../domain/access/audit-api.schema.ts";
import { appendAuditEntry, listAuditEntries } from "../../core/audit.queries.ts";
import { verifyAuditChain } from "../../core/audit-verification.ts";
import { authorize } from "../../core/authorization.ts";
import type { AppDependencies } from "../../core/dependencies.ts";
import { requireActor } from "../../http/request-context.ts";
import { clientIdOfActor, findClientNamesOfActors } from "./audit-actors.queries.ts";

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
        response: { 200: auditPageSchema },
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
        response: { 200: auditVerificationSchema },
      },
    },
    async (request) => {
      authorize(requireActor(request), "audit.read");
      // The chain with the log's keys; the checkpoints kept outside the database are for `sirmi audit verify`.
      const result = await verifyAuditChain(db, deps.keyring);
      return result.ok
        ? { ok: true, checked: result.checked, firstBrokenSequence: null, reason: null }
        : {
            ok: false,
            checked: result.checked,
            firstBrokenSequence: result.firstBrokenSequence,
            reason: result.reason as AuditVerification["reason"],
          };
    },
  );
}
