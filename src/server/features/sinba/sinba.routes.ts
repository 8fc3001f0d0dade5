import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  sinbaEnteListSchema,
  sinbaFlowListSchema,
  sinbaFlowsQuerySchema,
  sinbaNotSendableQuerySchema,
  sinbaNotSendableSchema,
} from "../../../domain/sinba/sinba-api.schema.ts";
import type { AppDependencies } from "../../core/dependencies.ts";
import { requireActor } from "../../http/request-context.ts";
import { listSinbaEnti, listSinbaFlows, listSinbaNotSendable } from "./sinba-flows.service.ts";

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
        summary: "I flussi SINBA di un ente, con lo stato e l'esito comunicato da INPS",
        description:
          "Un flusso per beneficiario, registrato all'apertura della cartella, a ogni variazione di un attributo esportato e alla chiusura; dal più recente, filtrabile per stato. Il servizio vede i propri; la Regione indica l'ente (`ente`). Solo pseudonimi.",
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
        summary: "Le cartelle di un ente che non possono ancora produrre un record SINBA valido",
        description:
          "Per ciascuna, ciò che manca, campo per campo, con la parte della cartella che lo compila; nessun flusso è registrato finché manca qualcosa. Il servizio vede le proprie; la Regione indica l'ente (`ente`).",
        security,
        querystring: sinbaNotSendableQuerySchema,
        response: { 200: sinbaNotSendableSchema },
      },
    },
    async (request, reply) => {
      reply.header("cache-control", "no-store");
      return listSinbaNotSendable(db, requireActor(request), request.query);
    },
  );

  api.get(
    "/api/v1/sinba/enti",
    {
      schema: {
        tags: ["flusso-sinba"],
        operationId: "listSinbaEnti",
        summary: "Il flusso SINBA per ente: flussi per stato, cartelle non inviabili, ultimi invii ed esiti",
        description:
          "Per la Regione, ogni servizio sociale (ente) con il suo codice catastale; per un servizio, il proprio. Nessun dato individuale.",
        security,
        response: { 200: sinbaEnteListSchema },
      },
    },
    async (request, reply) => {
      reply.header("cache-control", "no-store");
      return listSinbaEnti(db, requireActor(request));
    },
  );
}
