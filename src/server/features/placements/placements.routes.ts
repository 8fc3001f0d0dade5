import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { caseIdParams } from "../../../domain/cases/case-api.schema.ts";
import {
  fittedPlacesSchema,
  placementAcceptedSchema,
  placementDeclineSchema,
  placementInboxQuery,
  placementRequestCreateSchema,
  placementRequestListSchema,
  placementRequestParams,
  placementRequestSchema,
  placeSearchOf,
  placeSearchQuerySchema,
  structurePlacementInboxParams,
  structurePlacementRequestParams,
} from "../../../domain/placements/placement-request.schema.ts";
import type { AppDependencies } from "../../core/dependencies.ts";
import { requireActor } from "../../http/request-context.ts";
import {
  acceptPlacementRequest,
  declinePlacementRequest,
  listStructureRequests,
} from "./placement-inbox.service.ts";
import {
  listRequestsOfCase,
  searchPlacesForCase,
  sendPlacementRequest,
  withdrawPlacementRequest,
} from "./placement-requests.service.ts";

const security = [{ sessionCookie: [] }];
const tags = ["inserimenti"];

export function registerPlacementRoutes(app: FastifyInstance, deps: AppDependencies) {
  const { db, clock, keyring, config } = deps;
  const api = app.withTypeProvider<ZodTypeProvider>();
  const knowledge = () => ({ regionCode: config.regionCode, now: clock.now(), today: clock.today() });

  api.get(
    "/api/v1/cases/:caseId/places",
    {
      schema: {
        tags,
        operationId: "searchPlacesForCase",
        summary: "I posti liberi adatti al minore di una cartella aperta",
        description:
          "Età in anni compiuti (dalla data di nascita) e sesso dal minore; MSNA dall'ultima accoglienza se non indicato. Solo strutture attive nel giorno, con posti liberi, il cui target accoglie il minore; ordinate per zona, poi per posti liberi. Con i contatti della struttura. Solo pseudonimi.",
        security,
        params: caseIdParams,
        querystring: placeSearchQuerySchema,
        response: { 200: fittedPlacesSchema },
      },
    },
    async (request, reply) => {
      reply.header("cache-control", "no-store");
      return searchPlacesForCase(
        db,
        requireActor(request),
        knowledge(),
        request.params.caseId,
        placeSearchOf(request.query),
      );
    },
  );

  api.post(
    "/api/v1/cases/:caseId/placement-requests",
    {
      schema: {
        tags,
        operationId: "sendPlacementRequest",
        summary: "Inviare a una struttura una richiesta di inserimento del minore della cartella",
        description:
          "La struttura deve essere adatta al minore e avere posti liberi nel giorno desiderato (409 placement-no-room). Una sola richiesta in attesa per cartella e struttura (409 conflict). La struttura vede lo pseudonimo e i bisogni, non l'identità.",
        security,
        params: caseIdParams,
        body: placementRequestCreateSchema,
        response: { 201: placementRequestSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await sendPlacementRequest(
            db,
            requireActor(request),
            knowledge(),
            request.params.caseId,
            request.body,
          ),
        ),
  );

  api.get(
    "/api/v1/cases/:caseId/placement-requests",
    {
      schema: {
        tags,
        operationId: "listCasePlacementRequests",
        summary: "Le richieste di inserimento di una cartella, con il loro stato",
        description:
          "Una richiesta accettata la cui struttura ha poi registrato l'ammissione del minore indica l'accoglienza (admittedStayId), collegata alla cartella con un fatto di collocamento.",
        security,
        params: caseIdParams,
        response: { 200: placementRequestListSchema },
      },
    },
    async (request, reply) => {
      reply.header("cache-control", "no-store");
      const context = { today: clock.today(), now: clock.now(), keyring };
      return listRequestsOfCase(db, context, requireActor(request), request.params.caseId);
    },
  );

  api.post(
    "/api/v1/cases/:caseId/placement-requests/:requestId/withdraw",
    {
      schema: {
        tags,
        operationId: "withdrawPlacementRequest",
        summary: "Ritirare una richiesta di inserimento ancora in attesa",
        security,
        params: placementRequestParams,
        response: { 200: placementRequestSchema },
      },
    },
    async (request) =>
      withdrawPlacementRequest(
        db,
        requireActor(request),
        clock.now(),
        request.params.caseId,
        request.params.requestId,
      ),
  );

  api.get(
    "/api/v1/structures/:id/placement-requests",
    {
      schema: {
        tags,
        operationId: "listStructurePlacementRequests",
        summary: "Le richieste di inserimento ricevute da una struttura",
        description:
          "Lo pseudonimo del minore e i bisogni; l'identità solo con l'accettazione. Filtro: state.",
        security,
        params: structurePlacementInboxParams,
        querystring: placementInboxQuery,
        response: { 200: placementRequestListSchema },
      },
    },
    async (request, reply) => {
      reply.header("cache-control", "no-store");
      return listStructureRequests(db, requireActor(request), request.params.id, request.query.state);
    },
  );

  api.post(
    "/api/v1/structures/:id/placement-requests/:requestId/accept",
    {
      schema: {
        tags,
        operationId: "acceptPlacementRequest",
        summary: "Accettare una richiesta di inserimento: l'identità del minore per registrare l'ammissione",
        description:
          "La lettura dell'identità è tracciata (finalità: ammissione) nella stessa transazione. Una richiesta già decisa o ritirata risponde 409 placement-request-closed; una richiesta la cui cartella è stata chiusa dopo l'invio risponde 409 placement-case-closed.",
        security,
        params: structurePlacementRequestParams,
        response: { 200: placementAcceptedSchema },
      },
    },
    async (request, reply) => {
      reply.header("cache-control", "no-store");
      return acceptPlacementRequest(db, keyring, requireActor(request), clock.now(), {
        structureId: request.params.id,
        requestId: request.params.requestId,
      });
    },
  );

  api.post(
    "/api/v1/structures/:id/placement-requests/:requestId/decline",
    {
      schema: {
        tags,
        operationId: "declinePlacementRequest",
        summary: "Rifiutare una richiesta di inserimento, con la motivazione",
        security,
        params: structurePlacementRequestParams,
        body: placementDeclineSchema,
        response: { 200: placementRequestSchema },
      },
    },
    async (request) =>
      declinePlacementRequest(
        db,
        requireActor(request),
        clock.now(),
        { structureId: request.params.id, requestId: request.params.requestId },
        request.body.reason,
      ),
  );
}
