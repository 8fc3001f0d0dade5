import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import type { FastifyInstance } from "fastify";
import { jsonSchemaTransform, jsonSchemaTransformObject } from "fastify-type-provider-zod";
import type { Config } from "../config.ts";

const rateLimitHeaders = {
  "X-RateLimit-Limit": {
    description: "Richieste consentite nella finestra temporale",
    schema: { type: "integer", format: "int32" },
  },
  "X-RateLimit-Remaining": {
    description: "Richieste ancora disponibili nella finestra",
    schema: { type: "integer", format: "int32" },
  },
  "X-RateLimit-Reset": {
    description: "Secondi all'azzeramento della finestra",
    schema: { type: "integer", format: "int32" },
  },
};
const retryAfter = {
  "Retry-After": { description: "Secondi da attendere", schema: { type: "integer", format: "int32" } },
};

const problemResponse = (description: string, headers: Record<string, unknown> = rateLimitHeaders) => ({
  description,
  headers,
  content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
});

const commonErrors: Record<string, ReturnType<typeof problemResponse>> = {
  "400": problemResponse("Richiesta non valida"),
  "401": problemResponse("Non autenticato"),
  "403": problemResponse("Operazione non consentita al ruolo attivo"),
  "404": problemResponse("Risorsa inesistente o fuori dal proprio ambito"),
  "422": problemResponse("Dati non validi"),
  "429": problemResponse("Troppe richieste", { ...rateLimitHeaders, ...retryAfter }),
  "500": problemResponse("Errore interno"),
  "503": problemResponse("Servizio temporaneamente non disponibile", retryAfter),
};

/**
 * The OpenAPI document is generated from the routes' zod schemas; this pass adds what every
 * operation shares (problem responses, rate-limit headers) and the numeric formats that the
 * AgID guidelines ask for, so that no route repeats them.
 */
export function completeOpenApiDocument(document: Record<string, unknown>): Record<string, unknown> {
  const paths = (document.paths ?? {}) as Record<
    string,
    Record<string, { responses?: Record<string, unknown> }>
  >;
  for (const [pathName, operations] of Object.entries(paths)) {
    for (const operation of Object.values(operations)) {
      if (!operation || typeof operation !== "object" || !("responses" in operation)) continue;
      const responses = (operation.responses ?? {}) as Record<string, Record<string, unknown>>;
      for (const [status, response] of Object.entries(responses)) {
        if (status.startsWith("2") || (status.startsWith("4") && status !== "429")) {
          response.headers = { ...rateLimitHeaders, ...((response.headers as object) ?? {}) };
        }
      }
      for (const [status, response] of Object.entries(commonErrors)) {
        if (
          pathName === "/status" &&
          (status === "401" || status === "403" || status === "404" || status === "422")
        )
          continue;
        responses[status] ??= response;
      }
      operation.responses = responses;
    }
  }
  addNumericFormats(document);
  return document;
}

function addNumericFormats(node: unknown) {
  if (Array.isArray(node)) {
    for (const item of node) addNumericFormats(item);
    return;
  }
  if (!node || typeof node !== "object") return;
  const schema = node as Record<string, unknown>;
  if (schema.type === "number" && !schema.format) schema.format = "double";
  if (schema.type === "integer" && !schema.format) {
    const fits32 =
      typeof schema.maximum === "number" &&
      typeof schema.minimum === "number" &&
      schema.maximum <= 2_147_483_647 &&
      schema.minimum >= -2_147_483_648;
    schema.format = fits32 ? "int32" : "int64";
  }
  for (const value of Object.values(schema)) addNumericFormats(value);
}

/**
 * The instance's own server. Only an https URL is a production one: a plain http URL (the
 * `http://localhost:3000` of `npm start`) is a development instance, declared `x-sandbox`
 * as the AgID guidelines ask (rule servers-use-https).
 */
export function serverOf(config: Pick<Config, "publicUrl" | "regionName">) {
  const isSandbox = !config.publicUrl.startsWith("https://");
  return {
    url: config.publicUrl,
    description: isSandbox
      ? `${config.regionName} – istanza di sviluppo di S.I.R.MI (non protetta da HTTPS)`
      : `${config.regionName} – istanza di S.I.R.MI`,
    ...(isSandbox ? { "x-sandbox": true } : {}),
  };
}

export async function registerOpenApi(app: FastifyInstance, config: Config) {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "S.I.R.MI – Sistema Informativo Regionale Minori",
        version: "1.0.0",
        description:
          "API del sistema informativo regionale sui minori: anagrafe delle strutture (ASSO), " +
          "accessi e registro degli accessi. Errori in application/problem+json (RFC 9457) con un codice stabile.",
        "x-summary": "API di S.I.R.MI: strutture per minori, utenti, registro degli accessi",
        "x-api-id": "b3c1f6a2-5d0e-4b8f-9a57-3e2d1c0f9a11",
        contact: {
          name: "Servizio S.I.R.MI",
          email: "sirmi@regione.example",
          url: "https://sirmi.regione.example",
        },
        license: { name: "EUPL-1.2", url: "https://eupl.eu/1.2/it/" },
        termsOfService: "https://sirmi.regione.example/termini",
      } as never,
      servers: [serverOf(config)],
      tags: [
        { name: "stato", description: "Stato del servizio" },
        { name: "accesso", description: "Sessione, organizzazioni, utenti, politica di accesso" },
        { name: "registro-accessi", description: "Registro degli accessi (audit)" },
        { name: "accessi-emergenza", description: "Accessi di emergenza (break-glass) e loro revisione" },
        { name: "riferimenti", description: "Comuni, zone e liste di codici" },
        { name: "strutture", description: "Anagrafe delle strutture (ASSO)" },
        {
          name: "anagrafe-minori",
          description: "Anagrafe unica dei minori: ricerca tracciata, duplicati, unioni",
        },
        {
          name: "interscambio",
          description: "Standard di interscambio v1: eventi ASMI dai gestionali, client applicativi (ModI)",
        },
        { name: "prospetti", description: "Prospetti statistici: catalogo, JSON, CSV, XLSX, PDF" },
        {
          name: "cartelle-sociali",
          description: "Cartella sociale SINBA dei servizi sociali: presa in carico, fatti datati, chiusura",
        },
        {
          name: "flusso-sinba",
          description: "Flusso nazionale SINBA: i flussi del servizio e le cartelle non ancora inviabili",
        },
        {
          name: "inserimenti",
          description: "Ricerca dei posti adatti a un minore e richieste di inserimento alle strutture",
        },
        {
          name: "notifiche",
          description: "Notifiche ai servizi sui minori in carico e alle strutture sulle loro accoglienze",
        },
      ],
      components: {
        securitySchemes: {
          sessionCookie: { type: "apiKey", in: "cookie", name: "sirmi_session" },
          modiBearer: {
            type: "http",
            scheme: "bearer",
            bearerFormat: "JWT",
            description:
              "ModI ID_AUTH_REST_02: JWT firmato dal client (ES256 o RS256, kid nell'header) con iss = sub = id del client, aud = URL dell'endpoint, iat, exp (al più 300 s dopo iat) e jti univoco",
          },
        },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: (input) => completeOpenApiDocument(jsonSchemaTransformObject(input) as never) as never,
  });
  await app.register(fastifySwaggerUi, {
    routePrefix: "/api/docs",
    uiConfig: { docExpansion: "list", deepLinking: true },
    staticCSP: true,
  });
}
