import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDependencies } from "../../app.ts";
import { requireActor } from "../../http/request-context.ts";
import { authorize } from "../access/authorization.ts";
import { listRegionalStructureTypes, listZones, searchComuni } from "./reference.queries.ts";

const security = [{ sessionCookie: [] }];

export function registerReferenceRoutes(app: FastifyInstance, deps: AppDependencies) {
  const { db } = deps;
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    "/api/v1/comuni",
    {
      schema: {
        tags: ["riferimenti"],
        summary: "Cercare un comune vigente per nome o codice ISTAT",
        security,
        querystring: z.object({
          q: z.string().trim().min(1).max(80).optional(),
          regionCode: z
            .string()
            .regex(/^\d{2}$/)
            .optional(),
          limit: z.coerce.number().int().min(1).max(100).default(20),
        }),
        response: {
          200: z.object({
            items: z.array(
              z
                .object({
                  istatCode: z.string(),
                  name: z.string(),
                  provinceAbbreviation: z.string(),
                  regionCode: z.string(),
                })
                .meta({ id: "Comune" }),
            ),
          }),
        },
      },
    },
    async (request) => {
      authorize(requireActor(request), "reference.read");
      return { items: await searchComuni(db, request.query) };
    },
  );

  api.get(
    "/api/v1/zones",
    {
      schema: {
        tags: ["riferimenti"],
        summary: "Zone distretto configurate dalla Regione",
        security,
        response: {
          200: z.object({
            items: z.array(
              z
                .object({
                  code: z.string(),
                  name: z.string(),
                  regionCode: z.string(),
                  comuniCount: z.number().int().min(0),
                })
                .meta({ id: "Zone" }),
            ),
          }),
        },
      },
    },
    async (request) => {
      authorize(requireActor(request), "reference.read");
      return { items: await listZones(db) };
    },
  );

  api.get(
    "/api/v1/regional-structure-types",
    {
      schema: {
        tags: ["riferimenti"],
        summary: "Tipologie regionali di struttura e tipologia nazionale corrispondente",
        security,
        response: {
          200: z.object({
            items: z.array(
              z
                .object({ code: z.string(), label: z.string(), nationalType: z.string() })
                .meta({ id: "RegionalStructureType" }),
            ),
          }),
        },
      },
    },
    async (request) => {
      authorize(requireActor(request), "reference.read");
      return { items: await listRegionalStructureTypes(db) };
    },
  );
}
