import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  assignmentRequestSchema,
  type CaseFile,
  caseEventResultSchema,
  caseEventResultsSchema,
  caseEventsRequestSchema,
  caseEventsRequestValidation,
  caseFileQuery,
  caseFileSchema,
  caseIdParams,
  caseListQuery,
  caseListSchema,
  openCaseRequestSchema,
} from "../../../domain/cases/case-api.schema.ts";
import type { AppDependencies } from "../../core/dependencies.ts";
import { bodyValidatedBy } from "../../http/documented-body.ts";
import { problemOf, sendProblem } from "../../http/problem.ts";
import { requireActor } from "../../http/request-context.ts";
import { assignCase, getCase, listCases, openCase, recordEventsOfCase } from "./cases.service.ts";

/** Refusals that concern the case as it stands rather than the request: 409. */
const conflictCodes = new Set([
  "open-case-exists",
  "id-reused",
  "already-assigned",
  "closed-case-not-assignable",
]);

const security = [{ sessionCookie: [] }];

export function registerCaseRoutes(app: FastifyInstance, deps: AppDependencies) {
  const { db, clock, keyring } = deps;
  const api = app.withTypeProvider<ZodTypeProvider>();
  const context = () => ({ today: clock.today(), now: clock.now(), keyring });

  api.post(
    "/api/v1/cases",
    {
      schema: {
        tags: ["cartelle-sociali"],
        operationId: "openCase",
        summary: "Aprire la cartella sociale (presa in carico) di un minore trovato nell'anagrafe",
        description:
          "Il minore è indicato con lo pseudonimo che la ricerca esatta del servizio ha restituito nelle ultime 24 ore. L'identificativo della cartella è quello dell'evento di apertura: lo stesso invio risponde con la stessa cartella. Una sola cartella aperta per minore e servizio (409 open-case-exists).",
        security,
        body: openCaseRequestSchema,
        response: { 200: caseEventResultSchema, 201: caseEventResultSchema },
      },
    },
    async (request, reply) => {
      const result = await openCase(db, context(), requireActor(request), request.body);
      if (result.status === "rejected") {
        const [first] = result.errors;
        const conflict = conflictCodes.has(first?.code ?? "");
        return sendProblem(reply, {
          ...problemOf(
            conflict ? "conflict" : "validation-failed",
            first?.message ?? "Apertura respinta.",
            request.id,
            result.errors,
          ),
          code: first?.code ?? "invalid-json-shape",
        });
      }
      return reply.status(result.status === "accepted" ? 201 : 200).send(result);
    },
  );

  api.post(
    "/api/v1/cases/:caseId/events",
    {
      schema: {
        tags: ["cartelle-sociali"],
        operationId: "recordCaseEvents",
        summary: "Registrare i fatti di una cartella (un esito per evento)",
        description:
          "Ogni evento (CaseEvent) è deciso da solo, nell'ordine della richiesta, e ha il suo esito: accepted, duplicate (stesso id e stesso contenuto) o rejected con codici stabili. Una cartella di un altro servizio risponde 404.",
        security,
        params: caseIdParams,
        body: caseEventsRequestSchema,
        response: { 200: caseEventResultsSchema },
      },
      validatorCompiler: bodyValidatedBy(caseEventsRequestValidation),
    },
    async (request) => ({
      results: await recordEventsOfCase(
        db,
        context(),
        requireActor(request),
        request.params.caseId,
        request.body.events,
      ),
    }),
  );

  api.put(
    "/api/v1/cases/:caseId/assignment",
    {
      schema: {
        tags: ["cartelle-sociali"],
        operationId: "assignCase",
        summary: "Assegnare la cartella a un operatore del servizio (responsabile del servizio)",
        description:
          "Registra il fatto `assignment` della cartella: l'operatore è una persona attiva del servizio con un ruolo che lavora sulle cartelle (422 unknown-operator); una cartella chiusa non si assegna (409 closed-case-not-assignable), né a chi l'ha già (409 already-assigned). Solo il responsabile del servizio (403 per gli altri ruoli); una cartella di un altro servizio risponde 404. Lo stesso invio (stesso id) risponde duplicate. L'assegnazione si annulla o si rettifica come ogni fatto, con POST /api/v1/cases/{caseId}/events.",
        security,
        params: caseIdParams,
        body: assignmentRequestSchema,
        response: { 200: caseEventResultSchema },
      },
    },
    async (request, reply) => {
      const result = await assignCase(
        db,
        context(),
        requireActor(request),
        request.params.caseId,
        request.body,
      );
      if (result.status === "rejected") {
        const [first] = result.errors;
        return sendProblem(reply, {
          ...problemOf(
            conflictCodes.has(first?.code ?? "") ? "conflict" : "validation-failed",
            first?.message ?? "Assegnazione respinta.",
            request.id,
            result.errors,
          ),
          code: first?.code ?? "invalid-json-shape",
        });
      }
      return result;
    },
  );

  api.get(
    "/api/v1/cases",
    {
      schema: {
        tags: ["cartelle-sociali"],
        operationId: "listCases",
        summary: "Le cartelle del proprio servizio sociale",
        security,
        querystring: caseListQuery,
        response: { 200: caseListSchema },
      },
    },
    async (request, reply) => {
      reply.header("cache-control", "no-store");
      return { items: await listCases(db, requireActor(request), request.query.status) };
    },
  );

  api.get(
    "/api/v1/cases/:caseId",
    {
      schema: {
        tags: ["cartelle-sociali"],
        operationId: "readCase",
        summary: "Una cartella: lo stato ricostruito dai fatti, i fatti e le accoglienze del minore",
        description:
          "Con asOf (istante RFC 3339) la cartella com'era nota in quell'istante. La lettura è tracciata.",
        security,
        params: caseIdParams,
        querystring: caseFileQuery,
        response: { 200: caseFileSchema },
      },
    },
    async (request, reply) => {
      reply.header("cache-control", "no-store");
      return (await getCase(
        db,
        requireActor(request),
        request.params.caseId,
        request.query.asOf,
      )) as CaseFile;
    },
  );
}
