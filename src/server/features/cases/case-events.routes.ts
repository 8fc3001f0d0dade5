import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  caseEventBatchResultsSchema,
  caseEventBatchSchema,
  caseEventBatchValidation,
} from "../../../domain/cases/case-interchange-api.schema.ts";
import { maxEventsPerRequest } from "../../../domain/events/machine-client.schema.ts";
import type { AppDependencies } from "../../core/dependencies.ts";
import { bodyValidatedBy } from "../../http/documented-body.ts";
import { prepareJsonMachineEndpoints, requireClientOf } from "../events/index.ts";
import { recordClientCaseEvents } from "./record-case-events.ts";

const security = [{ modiBearer: [] }];

/**
 * The case interchange standard (docs/case-interchange.md): a social service's own software
 * sends the facts of its case files, through the same write path as the web app.
 */
export function registerCaseEventRoutes(app: FastifyInstance, deps: AppDependencies) {
  app.register(async (machine) => registerCaseEventEndpoints(machine, deps));
}

function registerCaseEventEndpoints(app: FastifyInstance, deps: AppDependencies) {
  const { db, keyring, clock } = deps;
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { rateLimit } = prepareJsonMachineEndpoints(app, deps);

  api.post(
    "/api/v1/case-events",
    {
      // Each event stands alone: a character that cannot be stored rejects that event only.
      config: { rateLimit, itemsJudgedAlone: "events" },
      schema: {
        tags: ["interscambio"],
        operationId: "sendCaseEvents",
        summary: "Inviare i fatti delle cartelle sociali (standard delle cartelle)",
        description:
          "Per il software gestionale di un servizio sociale, registrato dal responsabile del servizio. " +
          "Autenticazione ModI ID_AUTH_REST_02; INTEGRITY_REST_01 verificata se presente e obbligatoria se " +
          `richiesta dalla registrazione. Al massimo ${maxEventsPerRequest} eventi, di una o più cartelle del servizio; ` +
          "un esito per evento, nello stesso ordine; l'apertura indica il minore con la sua identità. " +
          "Il client di un ente gestore riceve 403.",
        security,
        body: caseEventBatchSchema,
        response: { 200: caseEventBatchResultsSchema },
      },
      validatorCompiler: bodyValidatedBy(caseEventBatchValidation),
    },
    async (request) => {
      const client = requireClientOf(request, "social-service");
      const results = await recordClientCaseEvents(
        db,
        { today: clock.today(), now: clock.now(), keyring },
        { id: client.id, serviceId: client.organisation.id, serviceCode: client.organisation.code },
        request.body.events,
      );
      return { results };
    },
  );
}
