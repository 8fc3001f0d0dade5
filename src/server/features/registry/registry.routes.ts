import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { minorIdentitySchema } from "../../../domain/registry/minor-identity.ts";
import {
  duplicateDecisionSchema,
  duplicateReviewListSchema,
  duplicateReviewsQuery,
  identityCorrectionSchema,
  identityReadSchema,
  lookupResultSchema,
  lookupSchema,
  minorMergeListSchema,
  pseudonymousMinorSchema,
  pseudonymParams,
  reviewIdParams,
  reviewOutcomeSchema,
  undoMergeOutcomeSchema,
  undoMergeSchema,
} from "../../../domain/registry/registry-api.schema.ts";
import type { AppDependencies } from "../../core/dependencies.ts";
import { requireActor } from "../../http/request-context.ts";
import { correctMinorIdentity, readMinorIdentity } from "./minor-identity.service.ts";
import { getPseudonymousMinor, lookUpMinor } from "./registry.service.ts";
import { decideReview, listMerges, listPendingReviews, undoMerge } from "./review.service.ts";

const security = [{ sessionCookie: [] }];

export function registerRegistryRoutes(app: FastifyInstance, deps: AppDependencies) {
  const { db, keyring, clock } = deps;
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    "/api/v1/registry/lookups",
    {
      schema: {
        tags: ["anagrafe-minori"],
        summary:
          "Cercare un minore nell'anagrafe unica per ammetterlo o prenderlo in carico (ricerca esatta, tracciata)",
        security,
        body: lookupSchema,
        response: { 200: lookupResultSchema },
      },
    },
    async (request) => lookUpMinor(db, keyring, requireActor(request), request.body),
  );

  api.get(
    "/api/v1/minors/:pseudonym",
    {
      schema: {
        tags: ["anagrafe-minori"],
        summary: "Scheda pseudonimizzata di un minore",
        security,
        params: pseudonymParams,
        response: { 200: pseudonymousMinorSchema },
      },
    },
    async (request) =>
      getPseudonymousMinor(db, requireActor(request), request.params.pseudonym, clock.today()),
  );

  api.get(
    "/api/v1/minors/:pseudonym/identity",
    {
      schema: {
        tags: ["anagrafe-minori"],
        summary: "Identità di un minore in carico (lettura tracciata con la finalità)",
        security,
        params: pseudonymParams,
        response: { 200: identityReadSchema },
      },
    },
    async (request) =>
      readMinorIdentity(db, keyring, requireActor(request), request.params.pseudonym, clock.today()),
  );

  api.put(
    "/api/v1/minors/:pseudonym/identity",
    {
      schema: {
        tags: ["anagrafe-minori"],
        summary: "Correggere l'identità di un minore in carico: lo pseudonimo non cambia",
        security,
        params: pseudonymParams,
        body: minorIdentitySchema,
        response: { 200: identityCorrectionSchema },
      },
    },
    async (request) =>
      correctMinorIdentity(
        db,
        keyring,
        requireActor(request),
        request.params.pseudonym,
        request.body,
        clock.today(),
      ),
  );

  api.get(
    "/api/v1/duplicate-reviews",
    {
      schema: {
        tags: ["anagrafe-minori"],
        summary: "Possibili duplicati in attesa di decisione (lettura tracciata)",
        security,
        querystring: duplicateReviewsQuery,
        response: { 200: duplicateReviewListSchema },
      },
    },
    async (request, reply) => {
      reply.header("cache-control", "no-store");
      return {
        items: await listPendingReviews(
          db,
          keyring,
          requireActor(request),
          clock.today(),
          request.query.limit,
        ),
      };
    },
  );

  api.post(
    "/api/v1/duplicate-reviews/:id/decision",
    {
      schema: {
        tags: ["anagrafe-minori"],
        summary: "Decidere: stesso minore (unione) o minori diversi (ricordato)",
        description:
          "L'unione sposta sul minore più vecchio le accoglienze e le cartelle sociali dell'altro, con i loro fatti e le richieste di inserimento. È rifiutata (409, `merge-open-cases-conflict`), senza modificare nulla, se i due minori hanno una cartella aperta presso lo stesso servizio.",
        security,
        params: reviewIdParams,
        body: duplicateDecisionSchema,
        response: { 200: reviewOutcomeSchema },
      },
    },
    async (request) => decideReview(db, requireActor(request), request.params.id, request.body),
  );

  api.get(
    "/api/v1/minor-merges",
    {
      schema: {
        tags: ["anagrafe-minori"],
        summary: "Unioni registrate, con chi e perché",
        security,
        response: { 200: minorMergeListSchema },
      },
    },
    async (request) => ({ items: await listMerges(db, requireActor(request)) }),
  );

  api.post(
    "/api/v1/minor-merges/:id/undo",
    {
      schema: {
        tags: ["anagrafe-minori"],
        summary: "Annullare un'unione, ripristinando i due minori e i loro dati",
        description:
          "I due minori e le righe collegate tornano come prima dell'unione; la coppia torna tra quelle da rivedere, con la motivazione dell'annullamento.",
        security,
        params: reviewIdParams,
        body: undoMergeSchema,
        response: { 200: undoMergeOutcomeSchema },
      },
    },
    async (request) => undoMerge(db, requireActor(request), request.params.id, request.body.reason),
  );
}
