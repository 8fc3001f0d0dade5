import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  machineClientCreateSchema,
  machineClientIdParams,
  machineClientListSchema,
  machineClientSchema,
  publicJwkSchema,
} from "../../../domain/events/machine-client.schema.ts";
import type { AppDependencies } from "../../core/dependencies.ts";
import { requireActor } from "../../http/request-context.ts";
import { addClientKey, createClient, disableClient, listOwnClients } from "./machine-clients.service.ts";

const security = [{ sessionCookie: [] }];
const clientParams = machineClientIdParams;

/** Structure managers register the management software that sends their structures' events. */
export function registerMachineClientRoutes(app: FastifyInstance, deps: AppDependencies) {
  const { db } = deps;
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    "/api/v1/machine-clients",
    {
      schema: {
        tags: ["interscambio"],
        summary: "Registrare un client applicativo (gestionale) per le proprie strutture",
        description:
          "Il client firma i token ModI con la chiave privata corrispondente a una delle chiavi pubbliche registrate. L'id restituito è il valore di iss e sub.",
        security,
        body: machineClientCreateSchema,
        response: { 201: machineClientSchema },
      },
    },
    async (request, reply) => {
      const client = await createClient(db, requireActor(request), request.body);
      return reply.status(201).header("location", `/api/v1/machine-clients/${client.id}`).send(client);
    },
  );

  api.get(
    "/api/v1/machine-clients",
    {
      schema: {
        tags: ["interscambio"],
        summary: "Client applicativi delle proprie strutture",
        security,
        response: { 200: machineClientListSchema },
      },
    },
    async (request) => ({ items: await listOwnClients(db, requireActor(request)) }),
  );

  api.post(
    "/api/v1/machine-clients/:id/keys",
    {
      schema: {
        tags: ["interscambio"],
        summary: "Aggiungere una chiave pubblica a un client (rotazione delle chiavi)",
        security,
        params: clientParams,
        body: publicJwkSchema,
        response: { 200: machineClientSchema },
      },
    },
    async (request) => addClientKey(db, requireActor(request), request.params.id, request.body),
  );

  api.post(
    "/api/v1/machine-clients/:id/disable",
    {
      schema: {
        tags: ["interscambio"],
        summary: "Disattivare un client: i suoi token non sono più accettati",
        security,
        params: clientParams,
        response: { 200: machineClientSchema },
      },
    },
    async (request) => disableClient(db, requireActor(request), request.params.id),
  );
}
