import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { reasonSchema } from "../../../domain/access/reason.ts";
import { Sex } from "../../../domain/code-lists/interchange-codes.ts";
import { birthPlaceSchema, minorIdentitySchema } from "../../../domain/registry/minor-identity.ts";
import type { AppDependencies } from "../../core/dependencies.ts";
import { requireActor } from "../../http/request-context.ts";
import { correctMinorIdentity, readMinorIdentity } from "./minor-identity.service.ts";
import { getPseudonymousMinor, lookUpMinor } from "./registry.service.ts";
import { decideReview, listMerges, listPendingReviews, undoMerge } from "./review.service.ts";

const security = [{ sessionCookie: [] }];
const name = z.string().trim().min(1, { error: "Campo obbligatorio" }).max(100);

const lookupSchema = z
  .union([
    z.object({ purpose: z.literal("admission"), fiscalCode: z.string().trim().min(1).max(32) }).strict(),
    z
      .object({
        purpose: z.literal("admission"),
        familyName: name,
        givenName: name,
        birthDate: z.iso.date({ error: "Data di nascita non valida" }),
        sex: Sex,
      })
      .strict(),
  ])
  .meta({
    id: "RegistryLookup",
    description: "Ricerca esatta: codice fiscale, oppure cognome, nome, data di nascita e sesso",
  });

const identitySchema = z
  .object({
    fiscalCode: z.string().optional(),
    otherIds: z.array(z.object({ kind: z.string(), value: z.string() })).optional(),
    familyName: z.string().optional(),
    givenName: z.string().optional(),
    sex: Sex,
    birthDate: z.string().optional(),
    birthPlace: birthPlaceSchema.optional(),
    citizenship: z.string().optional(),
  })
  .meta({ id: "MinorIdentityView" });

const reviewSideSchema = z.object({
  pseudonym: z.string(),
  familyName: z.string().nullable(),
  givenName: z.string().nullable(),
  sex: Sex,
  birthDate: z.string().nullable(),
  birthPlace: birthPlaceSchema.nullable(),
  citizenship: z.string().nullable(),
  hasFiscalCode: z.boolean(),
  otherIdKinds: z.array(z.string()),
  stays: z
    .array(
      z.object({
        structureName: z.string(),
        admissionDate: z.string(),
        dischargeDate: z.string().nullable(),
      }),
    )
    .describe("Accoglienze in corso o concluse nell'ultimo anno, dalla più recente"),
});

const pseudonymParams = z.object({
  pseudonym: z.string().regex(/^[A-Z0-9]{4,20}$/, { error: "Pseudonimo non valido" }),
});

const reasonText = reasonSchema(1000);

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
        response: {
          200: z
            .object({
              found: z.boolean(),
              ambiguous: z.boolean(),
              minor: z.object({ pseudonym: z.string(), identity: identitySchema }).nullable(),
            })
            .meta({ id: "RegistryLookupResult" }),
        },
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
        params: z.object({
          pseudonym: z.string().regex(/^[A-Z0-9]{4,20}$/, { error: "Pseudonimo non valido" }),
        }),
        response: {
          200: z
            .object({
              pseudonym: z.string(),
              sex: Sex,
              birthYearMonth: z.string().nullable(),
              citizenship: z.string().nullable(),
              residenceComune: z.string().nullable(),
              isPossibleDuplicate: z.boolean(),
            })
            .meta({ id: "PseudonymousMinor" }),
        },
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
        response: {
          200: z
            .object({ pseudonym: z.string(), identity: identitySchema })
            .meta({ id: "MinorIdentityRead" }),
        },
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
        response: {
          200: z
            .object({ corrected: z.boolean(), sentToReview: z.boolean(), pseudonym: z.string() })
            .meta({ id: "IdentityCorrection" }),
        },
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
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
        response: {
          200: z.object({
            items: z.array(
              z
                .object({
                  id: z.uuid(),
                  score: z.number().int().min(0).max(100),
                  reasons: z.array(z.string()),
                  createdAt: z.string(),
                  first: reviewSideSchema,
                  second: reviewSideSchema,
                  staysOverlap: z
                    .boolean()
                    .describe("Vero se i due minori risultano accolti negli stessi giorni"),
                  undoneMerge: z
                    .object({ mergeReason: z.string(), undoReason: z.string(), undoneAt: z.string() })
                    .nullable()
                    .describe("La coppia era stata unita e l'unione è stata annullata: le motivazioni"),
                })
                .meta({ id: "DuplicateReview" }),
            ),
          }),
        },
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
        security,
        params: z.object({ id: z.uuid() }),
        body: z
          .object({ decision: z.enum(["same", "different"]), reason: reasonText })
          .meta({ id: "DuplicateDecision" }),
        response: {
          200: z.object({
            state: z.enum(["merged", "different"]),
            mergeId: z.uuid().nullable(),
            survivor: z.string().optional(),
          }),
        },
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
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.uuid(),
                survivor: z.string(),
                merged: z.string(),
                reason: z.string(),
                mergedAt: z.string(),
                undoneAt: z.string().nullable(),
              }),
            ),
          }),
        },
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
        params: z.object({ id: z.uuid() }),
        body: z.object({ reason: reasonText }).meta({ id: "UndoMerge" }),
        response: { 200: z.object({ undone: z.boolean() }) },
      },
    },
    async (request) => undoMerge(db, requireActor(request), request.params.id, request.body.reason),
  );
}
