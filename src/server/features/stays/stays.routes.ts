import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  eventResultSchema,
  flaggedStayListSchema,
  freePlacesQuery,
  freePlacesSchema,
  guestListSchema,
  guestsQuery,
  occupancyQuery,
  occupancySchema,
  type StayTimeline,
  stayConfirmationBodySchema,
  stayConfirmationSchema,
  stayIdParams,
  stayTimelineSchema,
  structureIdParams,
  webEventBodySchema,
  webEventBodyValidation,
} from "../../../domain/stays/stay-api.schema.ts";
import type { AppDependencies } from "../../core/dependencies.ts";
import { bodyValidatedBy } from "../../http/documented-body.ts";
import { problemOf, sendProblem } from "../../http/problem.ts";
import { requireActor } from "../../http/request-context.ts";
import { registerAdmissionReviewRoutes } from "./admission-reviews.routes.ts";
import { confirmStay, listFlaggedStays } from "./data-quality.service.ts";
import { getOccupancyHistory, listFreePlaces } from "./places.service.ts";
import { getStayTimeline, listGuests, recordEventFromWeb } from "./stays.service.ts";

const security = [{ sessionCookie: [] }];

export function registerStayRoutes(app: FastifyInstance, deps: AppDependencies) {
  const { db, keyring, clock } = deps;
  const api = app.withTypeProvider<ZodTypeProvider>();
  registerAdmissionReviewRoutes(app, deps);

  api.post(
    "/api/v1/structures/:id/events",
    {
      schema: {
        tags: ["accoglienze"],
        summary:
          "Registrare un evento ASMI dall'applicazione web (stesso standard e stessa validazione delle macchine)",
        description:
          "Il corpo è un evento dello standard di interscambio v1 (StayEvent). Un evento respinto risponde 422 con i codici dello standard.",
        security,
        params: structureIdParams,
        body: webEventBodySchema,
        response: { 200: eventResultSchema, 201: eventResultSchema },
      },
      validatorCompiler: bodyValidatedBy(webEventBodyValidation),
    },
    async (request, reply) => {
      const result = await recordEventFromWeb(
        db,
        { keyring, today: clock.today() },
        requireActor(request),
        request.params.id,
        request.body,
      );
      if (result.status === "rejected") {
        const [first] = result.errors;
        return sendProblem(reply, {
          ...problemOf("validation-failed", first?.message ?? "Evento respinto.", request.id, result.errors),
          code: first?.code ?? "invalid-json-shape",
        });
      }
      return reply.status(result.status === "accepted" ? 201 : 200).send(result);
    },
  );

  api.get(
    "/api/v1/structures/:id/guests",
    {
      schema: {
        tags: ["accoglienze"],
        summary: "Ospiti presenti in un giorno (lettura dell'identità tracciata)",
        description:
          "Il nome e l'età compaiono solo per i minori in carico alle strutture di chi legge (accoglienza in corso o conclusa da meno di 90 giorni), qualunque sia il giorno richiesto; altrimenti sono null.",
        security,
        params: structureIdParams,
        querystring: guestsQuery,
        response: { 200: guestListSchema },
      },
    },
    async (request, reply) => {
      const date = request.query.date ?? clock.today();
      reply.header("cache-control", "no-store");
      return {
        date,
        items: await listGuests(db, keyring, requireActor(request), request.params.id, date, clock.today()),
      };
    },
  );

  api.get(
    "/api/v1/stays/:id",
    {
      schema: {
        tags: ["accoglienze"],
        summary: "Un'accoglienza con la cronologia completa degli eventi e i collocamenti precedenti",
        security,
        params: stayIdParams,
        response: {
          200: stayTimelineSchema,
        },
      },
    },
    // Raw rows typed here; the response schema checks every field on the way out.
    async (request, reply) => {
      const timeline = await getStayTimeline(
        db,
        keyring,
        requireActor(request),
        request.params.id,
        clock.today(),
      );
      reply.header("cache-control", "no-store");
      return timeline as StayTimeline;
    },
  );

  api.get(
    "/api/v1/data-quality/stays",
    {
      schema: {
        tags: ["accoglienze"],
        summary: "Accoglienze segnalate da rettificare (qualità dei dati), senza identità",
        description:
          "Per la Regione tutte, per una struttura le proprie. Una segnalazione esce dall'elenco da sola quando arriva l'evento che ne rimuove la causa (per esempio la dimissione tardiva di un trasferimento).",
        security,
        response: { 200: flaggedStayListSchema },
      },
    },
    async (request, reply) => {
      reply.header("cache-control", "no-store");
      return { items: await listFlaggedStays(db, requireActor(request)) };
    },
  );

  api.post(
    "/api/v1/stays/:id/confirmation",
    {
      schema: {
        tags: ["accoglienze"],
        summary: "Confermare un'ammissione da confermare (custode dell'anagrafe), con la motivazione",
        description:
          "Un'ammissione sovrapposta a un'accoglienza precedente dello stesso minore, o registrata oltre 30 giorni dopo la sua data, è da confermare: la conferma la toglie dall'elenco ed è registrata nel registro degli accessi. 409 se l'ammissione non è da confermare.",
        security,
        params: stayIdParams,
        body: stayConfirmationBodySchema,
        response: { 200: stayConfirmationSchema },
      },
    },
    async (request) => confirmStay(db, requireActor(request), request.params.id, request.body.reason),
  );

  api.get(
    "/api/v1/free-places",
    {
      schema: {
        tags: ["accoglienze"],
        summary: "Posti autorizzati, presenze e posti liberi per struttura, zona e tipologia",
        security,
        querystring: freePlacesQuery,
        response: { 200: freePlacesSchema },
      },
    },
    async (request) =>
      listFreePlaces(
        db,
        requireActor(request),
        { regionCode: deps.config.regionCode, now: clock.now() },
        {
          ...request.query,
          date: request.query.date ?? clock.today(),
        },
      ),
  );

  api.get(
    "/api/v1/structures/:id/occupancy",
    {
      schema: {
        tags: ["accoglienze"],
        summary: "Presenze a fine mese e posti autorizzati di una struttura",
        security,
        params: structureIdParams,
        querystring: occupancyQuery,
        response: { 200: occupancySchema },
      },
    },
    async (request) => ({
      items: await getOccupancyHistory(
        db,
        requireActor(request),
        request.params.id,
        request.query.from,
        request.query.to,
      ),
    }),
  );
}
