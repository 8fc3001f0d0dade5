import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  inpsClientCreateSchema,
  inpsClientIdParams,
  inpsClientListSchema,
  inpsClientSchema,
} from "../../../domain/sinba/inps-waas-api.schema.ts";
import type { AppDependencies } from "../../core/dependencies.ts";
import { requireActor } from "../../http/request-context.ts";
import { createInpsClient, listAllInpsClients, revokeInpsClient } from "./inps-clients.service.ts";

const security = [{ sessionCookie: [] }];

/** The Region's administrator registers INPS's client of the WaaS e-service, lists and revokes it. */
export function registerInpsClientRoutes(app: FastifyInstance, deps: AppDependencies) {
  const { db } = deps;
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    "/api/v1/inps-clients",
    {
      schema: {
        tags: ["flusso-sinba"],
        operationId: "createInpsClient",
        summary: "Registrare il client di INPS che legge i flussi SINBA (e-service WaaS)",
        description:
          "Il client firma i token ModI ID_AUTH_REST_02 con la chiave privata corrispondente a una delle chiavi pubbliche registrate; legge solo i flussi degli enti indicati (codici Belfiore). L'id restituito è il valore di iss e sub.",
        security,
        body: inpsClientCreateSchema,
        response: { 201: inpsClientSchema },
      },
    },
    async (request, reply) => {
      const client = await createInpsClient(db, requireActor(request), request.body);
      return reply.status(201).header("location", `/api/v1/inps-clients/${client.id}`).send(client);
    },
  );

  api.get(
    "/api/v1/inps-clients",
    {
      schema: {
        tags: ["flusso-sinba"],
        operationId: "listInpsClients",
        summary: "I client di INPS registrati, con gli enti che leggono",
        security,
        response: { 200: inpsClientListSchema },
      },
    },
    async (request) => ({ items: await listAllInpsClients(db, requireActor(request)) }),
  );

  api.post(
    "/api/v1/inps-clients/:id/revoke",
    {
      schema: {
        tags: ["flusso-sinba"],
        operationId: "revokeInpsClient",
        summary: "Revocare un client di INPS: i suoi token non sono più accettati",
        security,
        params: inpsClientIdParams,
        response: { 200: inpsClientSchema },
      },
    },
    async (request) => revokeInpsClient(db, requireActor(request), request.params.id),
  );
}
