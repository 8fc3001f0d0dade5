import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  codeListsSchema,
  comuneListSchema,
  comuniQuery,
  regionalStructureTypeListSchema,
  zoneComuniSchema,
  zoneDefinedSchema,
  zoneDefinitionSchema,
  zoneListSchema,
  zoneParams,
} from "../../../domain/reference/reference-api.schema.ts";
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
        querystring: comuniQuery,
        response: { 200: comuneListSchema },
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
        response: { 200: zoneListSchema },
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
        params: zoneParams,
        response: { 200: zoneComuniSchema },
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
        params: zoneParams,
        body: zoneDefinitionSchema,
        response: { 200: zoneDefinedSchema },
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
        response: { 200: codeListsSchema },
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
        response: { 200: regionalStructureTypeListSchema },
      },
    },
    async (request) => {
      return { items: await listRegionalStructureTypes(db, requireActor(request)) };
    },
  );
}
