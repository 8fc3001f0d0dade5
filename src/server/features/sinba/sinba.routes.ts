import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  sinbaFlowListSchema,
  sinbaFlowsQuerySchema,
  sinbaNotSendableSchema,
} from "../../../domain/sinba/sinba-api.schema.ts";
import type { AppDependencies } from "../../core/dependencies.ts";
import { requireActor } from "../../http/request-context.ts";
import { listSinbaFlows, listSinbaNotSendable } from "./sinba-flows.service.ts";

const security = [{ sessionCookie: [] }];

export function registerSinbaRoutes(app: FastifyInstance, deps: AppDependencies) {
  const { db } = deps;
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    "/api/v1/sinba/flows",
    {
      schema: {
        tags: ["flusso-sinba"],
        operationId: "listSinbaFlows",
        summary: "I flussi SINBA del proprio servizio, con lo stato e l'esito comunicato da INPS",
        description:
          "Un flusso per beneficiario, registrato all'apertura della cartella, a ogni variazione di un attributo esportato e alla chiusura; dal più recente.",
        security,
        querystring: sinbaFlowsQuerySchema,
        response: { 200: sinbaFlowListSchema },
      },
    },
    async (request, reply) => {
      reply.header("cache-control", "no-store");
      return listSinbaFlows(db, requireActor(request), request.query);
    },
  );

  api.get(
    "/api/v1/sinba/not-sendable",
    {
      schema: {
        tags: ["flusso-sinba"],
        operationId: "listSinbaNotSendable",
        summary: "Le cartelle del proprio servizio che non possono ancora produrre un record SINBA valido",
        description:
          "Per ciascuna, ciò che manca, campo per campo, con la parte della cartella che lo compila; nessun flusso è registrato finché manca qualcosa.",
        security,
        response: { 200: sinbaNotSendableSchema },
      },
    },
    async (_request, reply) => {
      reply.header("cache-control", "no-store");
      return listSinbaNotSendable(db, requireActor(_request));
    },
  );
}
