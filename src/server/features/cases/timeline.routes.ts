import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { caseIdParams } from "../../../domain/cases/case-api.schema.ts";
import { caseTimelineSchema } from "../../../domain/cases/case-timeline-api.schema.ts";
import type { AppDependencies } from "../../core/dependencies.ts";
import { requireActor } from "../../http/request-context.ts";
import { getCaseTimeline } from "./timeline.service.ts";

export function registerCaseTimelineRoutes(app: FastifyInstance, deps: AppDependencies) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    "/api/v1/cases/:caseId/timeline",
    {
      schema: {
        tags: ["cartelle-sociali"],
        operationId: "readCaseTimeline",
        summary: "La linea del tempo del minore: fatti della cartella, accoglienze, affidi e trasferimenti",
        description:
          "Un solo elenco, dal più recente: i fatti della cartella, ogni accoglienza del minore in ogni struttura (ammissioni, assenze, rientri, dimissioni), gli affidi familiari e i trasferimenti. Solo per il servizio che ha la cartella (404 altrimenti); nessuna identità; la lettura è tracciata come quella della cartella.",
        security: [{ sessionCookie: [] }],
        params: caseIdParams,
        response: { 200: caseTimelineSchema },
      },
    },
    async (request, reply) => {
      reply.header("cache-control", "no-store");
      return getCaseTimeline(deps.db, requireActor(request), request.params.caseId);
    },
  );
}
