import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import * as interchangeCodes from "../../../domain/code-lists/interchange-codes.ts";
import { sinbaCodeLists } from "../../../domain/code-lists/sinba-codes.ts";
import * as structureCodes from "../../../domain/code-lists/structure-codes.ts";
import { countries } from "../../../domain/territory/countries.ts";
import { ZoneCode } from "../../../domain/territory/zone.ts";
import type { AppDependencies } from "../../core/dependencies.ts";
import { requireActor } from "../../http/request-context.ts";
import { authorize } from "../access/authorization.ts";
import { listRegionalStructureTypes, listZoneComuni, listZones, searchComuni } from "./reference.queries.ts";
import { defineZone } from "./zones.service.ts";

const codeListSchema = z.array(z.object({ code: z.string(), label: z.string() }));

/** Every code list of the domain, by name, for forms and for software houses. */
function allCodeLists(): Record<string, { code: string; label: string }[]> {
  const lists: Record<string, { code: string; label: string }[]> = {};
  for (const [name, value] of Object.entries({ ...structureCodes, ...interchangeCodes })) {
    if (Array.isArray(value) && value.every((entry) => entry && typeof entry.code === "string")) {
      lists[name] = value.map((entry) => ({ code: entry.code, label: entry.label }));
    }
  }
  for (const [name, list] of Object.entries(sinbaCodeLists)) {
    lists[`sinba${name}`] = list.map((entry) => ({ code: entry.code, label: entry.label }));
  }
  lists.countries = countries.map((country) => ({ code: country.istatCode, label: country.name }));
  return lists;
}

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
      authorize(requireActor(request), "reference.read");
      return { items: await listZoneComuni(db, request.params.code) };
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
      authorize(requireActor(request), "reference.read");
      return allCodeLists();
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
