import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  eventBatchSchema,
  eventBatchValidation,
  eventIdParams,
  eventOutcomeSchema,
  eventResultsSchema,
} from "../../../domain/events/events-api.schema.ts";
import { maxEventsPerRequest } from "../../../domain/events/machine-client.schema.ts";
import type { AppDependencies } from "../../core/dependencies.ts";
import { bodyValidatedBy } from "../../http/documented-body.ts";
import { ingestEvents } from "../stays/index.ts";
import type { AuthenticatedClient } from "./machine-auth.ts";
import { registerMachineClientRoutes } from "./machine-clients.routes.ts";
import { findEventOutcome } from "./machine-clients.service.ts";
import { clientEventSource, prepareJsonMachineEndpoints, requireClientOf } from "./machine-endpoints.ts";

const security = [{ modiBearer: [] }];
/** The interchange standard v1: management software sends events, structure managers register it. */
export function registerEventRoutes(app: FastifyInstance, deps: AppDependencies) {
  registerMachineClientRoutes(app, deps);
  app.register(async (machine) => registerMachineEndpoints(machine, deps));
}

/** Its own encapsulated plugin (machine-endpoints.ts): raw body kept, token verified first. */
function registerMachineEndpoints(app: FastifyInstance, deps: AppDependencies) {
  const { db, keyring } = deps;
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { rateLimit } = prepareJsonMachineEndpoints(app, deps);

  api.post(
    "/api/v1/events",
    {
      // Each event stands alone: a character that cannot be stored rejects that event only.
      config: { rateLimit, itemsJudgedAlone: "events" },
      schema: {
        tags: ["interscambio"],
        summary: "Inviare eventi ASMI (standard di interscambio v1)",
        description:
          "Autenticazione ModI ID_AUTH_REST_02 (token firmato dal client in Authorization: Bearer); " +
          "INTEGRITY_REST_01 (Digest e Agid-JWT-Signature) verificata se presente e obbligatoria se richiesta " +
          `dalla registrazione del client. Al massimo ${maxEventsPerRequest} eventi; un risultato per evento, nello stesso ordine.`,
        security,
        body: eventBatchSchema,
        response: { 200: eventResultsSchema },
      },
      validatorCompiler: bodyValidatedBy(eventBatchValidation),
    },
    async (request) => {
      const client = requireClientOf(request, "operator");
      const results = await ingestEvents(
        db,
        { keyring, today: deps.clock.today() },
        clientEventSource(client.id, client.structureIds),
        request.body.events,
      );
      return {
        results: results.map(({ id, status, warnings, errors }) => ({ id, status, warnings, errors })),
      };
    },
  );

  api.get(
    "/api/v1/events/:id",
    {
      config: { rateLimit },
      schema: {
        tags: ["interscambio"],
        summary: "L'esito registrato di un evento inviato dallo stesso client",
        security,
        params: eventIdParams,
        response: { 200: eventOutcomeSchema },
      },
    },
    async (request) => {
      const client = request.machineClient as AuthenticatedClient;
      return findEventOutcome(db, client.id, request.params.id);
    },
  );
}
