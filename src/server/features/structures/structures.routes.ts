import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { z } from "zod";
import {
  decisionOutcomeSchema,
  decisionSchema,
  editOutcomeSchema,
  structureChangeListSchema,
  structureChangesQuery,
  structureDetailSchema,
  structureIdParams,
  structureListQuery,
  structureOnDateQuery,
  structurePageSchema,
  structureRecordBody,
  type structureSummarySchema,
} from "../../../domain/structures/structure-api.schema.ts";
import { changedFields } from "../../../domain/structures/structure-changes.ts";
import { addDays, formatItalianDate } from "../../../domain/time/calendar.ts";
import type { AppDependencies } from "../../core/dependencies.ts";
import { requireActor } from "../../http/request-context.ts";
import {
  decideChange,
  editStructure,
  getVisibleStructure,
  listPendingChanges,
  listVisibleStructures,
  registerStructure,
} from "./structures.service.ts";

const security = [{ sessionCookie: [] }];
const idParams = structureIdParams;

type Summary = z.infer<typeof structureSummarySchema>;

export function registerStructureRoutes(app: FastifyInstance, deps: AppDependencies) {
  const { db, config, clock } = deps;
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    "/api/v1/structures",
    {
      schema: {
        tags: ["strutture"],
        summary: "Cercare nell'anagrafe delle strutture",
        security,
        querystring: structureListQuery,
        response: { 200: structurePageSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { cursor, ...filter } = request.query;
      const offset = cursor ? Number(cursor) : 0;
      const { rows, total } = await listVisibleStructures(db, actor, { ...filter, offset }, clock.today());
      const items = rows.map(({ totalCount: _, ...row }) => row as Summary);
      return { items, total, nextCursor: offset + rows.length < total ? String(offset + rows.length) : null };
    },
  );

  api.post(
    "/api/v1/structures",
    {
      schema: {
        tags: ["strutture"],
        summary: "Registrare una struttura (resta in attesa di approvazione regionale)",
        security,
        body: structureRecordBody,
        response: { 201: editOutcomeSchema },
      },
    },
    async (request, reply) => {
      const { id } = await registerStructure(db, requireActor(request), request.body);
      reply.header("location", `/api/v1/structures/${id}`);
      return reply.status(201).send({ id, applied: [], pending: ["registration"] });
    },
  );

  api.get(
    "/api/v1/structures/:id",
    {
      schema: {
        tags: ["strutture"],
        summary: "Scheda di una struttura, con la storia delle versioni",
        security,
        params: idParams,
        querystring: structureOnDateQuery,
        response: { 200: structureDetailSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { structure, pendingChange, history } = await getVisibleStructure(
        db,
        actor,
        request.params.id,
        request.query.onDate,
      );
      const { record, reviewNote, operatorOrganisationId: _o, currentStatus: _s, ...summary } = structure;
      const warnings = [];
      const expiresOn = record.authorisation.expiresOn;
      const today = clock.today();
      if (expiresOn && expiresOn <= addDays(today, config.authorisationWarningDays)) {
        warnings.push({
          code: expiresOn < today ? "authorisation-expired" : "authorisation-expiring",
          message:
            expiresOn < today
              ? `L'autorizzazione è scaduta il ${formatItalianDate(expiresOn)}.`
              : `L'autorizzazione scade il ${formatItalianDate(expiresOn)}.`,
        });
      }
      return {
        summary: summary as Summary,
        record,
        reviewNote,
        pendingChange: pendingChange
          ? {
              id: pendingChange.id,
              kind: pendingChange.kind as "registration" | "edit",
              changedFields: pendingChange.changedFields,
              proposed: pendingChange.proposed,
              requestedAt: new Date(pendingChange.requestedAt).toISOString(),
            }
          : null,
        warnings,
        history: history.map((version, index) => ({
          version: version.version,
          validFrom: version.validFrom,
          recordedAt: new Date(version.recordedAt).toISOString(),
          recordedBy: version.recordedBy,
          changedFields: index === 0 ? [] : changedFields(history[index - 1].record, version.record),
          record: version.record,
        })),
      };
    },
  );

  api.put(
    "/api/v1/structures/:id",
    {
      schema: {
        tags: ["strutture"],
        summary: "Modificare la scheda (tipologia, posti e autorizzazione attendono l'approvazione)",
        security,
        params: idParams,
        body: structureRecordBody,
        response: { 200: editOutcomeSchema },
      },
    },
    async (request) => {
      const outcome = await editStructure(db, requireActor(request), request.params.id, request.body);
      return { id: request.params.id, ...outcome };
    },
  );

  api.get(
    "/api/v1/structure-changes",
    {
      schema: {
        tags: ["strutture"],
        summary: "Registrazioni e modifiche in attesa di decisione regionale",
        security,
        querystring: structureChangesQuery,
        response: { 200: structureChangeListSchema },
      },
    },
    async (request) => {
      const rows = await listPendingChanges(db, requireActor(request), request.query.state);
      return {
        items: rows.map((row) => ({
          ...row,
          kind: row.kind as "registration" | "edit",
          state: row.state as "pending",
          structureName: row.proposed.name,
          requestedAt: new Date(row.requestedAt).toISOString(),
        })),
      };
    },
  );

  api.post(
    "/api/v1/structure-changes/:id/decision",
    {
      schema: {
        tags: ["strutture"],
        summary: "Approvare o restituire con motivazione una registrazione o una modifica",
        security,
        params: idParams,
        body: decisionSchema,
        response: { 200: decisionOutcomeSchema },
      },
    },
    async (request) => decideChange(db, requireActor(request), request.params.id, request.body),
  );
}
