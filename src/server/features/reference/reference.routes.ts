import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ZoneCode } from "../../../domain/territory/zone.ts";
import type { AppDependencies } from "../../core/dependencies.ts";
import { requireActor } from "../../http/request-context.ts";
import {
  allCodeLists,
  listRegionalStructureTypes,
  listZoneComuni,
  listZones,
  searchComuni,
} from "./reference.service.ts";
import { defineZone } from "./zones.service.ts";

const codeListSchema = z.array(z.object({ code: z.string(), label: z.string() }));

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
      return { items: await searchComuni(db, requireActor(request), request.query) };
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
      return { items: await listZones(db, requireActor(request)) };
    },
  );

  api.get(
    "/api/v1/zones/:code/comuni",
    {
      schema: {
        tags: ["riferimenti"],
        summary: "Comuni di una zona distretto",
        security,
        params: z.object({ code: ZoneCode }),
        response: { 200: z.object({ items: z.array(z.string()) }) },
      },
    },
    async (request) => {
      return { items: await listZoneComuni(db, requireActor(request), request.params.code) };
    },
  );

  api.put(
    "/api/v1/zones/:code",
    {
      schema: {
        tags: ["riferimenti"],
        summary: "Definire una zona distretto come insieme di comuni della Regione",
        security,
        params: z.object({ code: ZoneCode }),
        body: z
          .object({
            name: z.string().trim().min(2).max(120),
            comuni: z.array(z.string().regex(/^\d{6}$/, { error: "Codice ISTAT non valido" })).max(400),
          })
          .meta({ id: "ZoneDefinition" }),
        response: { 200: z.object({ code: z.string(), name: z.string(), comuni: z.array(z.string()) }) },
      },
    },
    async (request) =>
      defineZone(db, requireActor(request), deps.config.regionCode, {
        code: request.params.code,
        ...request.body,
      }),
  );

  api.get(
    "/api/v1/code-lists",
    {
      schema: {
        tags: ["riferimenti"],
        summary: "Liste di codici (strutture, standard di interscambio, SINBA, Stati esteri ISTAT)",
        security,
        response: { 200: z.record(z.string(), codeListSchema) },
      },
    },
    async (request) => {
      return allCodeLists(requireActor(request));
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
      return { items: await listRegionalStructureTypes(db, requireActor(request)) };
    },
  );
}
