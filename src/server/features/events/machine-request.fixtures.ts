import { createHash, randomUUID } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { type CryptoKey, exportJWK, generateKeyPair, SignJWT } from "jose";
import type { Database } from "../../../db/database.ts";
import { createClientSystem } from "./machine-clients.service.ts";

export const publicUrl = "https://sirmi.example.it";
export const eventsUrl = `${publicUrl}/api/v1/events`;
export const caseEventsUrl = `${publicUrl}/api/v1/case-events`;

export type KeyedClient = { id: string; kid: string; privateKey: CryptoKey };

export async function newKeyPair(kid: string = randomUUID()) {
  const { publicKey, privateKey } = await generateKeyPair("ES256", { extractable: true });
  return { kid, privateKey, jwk: { ...(await exportJWK(publicKey)), kid } };
}

/** A client registered from the command line for the given structures, with one fresh key. */
export async function registerClient(
  db: Database,
  structureCodes: string[],
  options: { requireIntegrity?: boolean } = {},
): Promise<KeyedClient> {
  const pair = await newKeyPair();
  const { id } = await createClientSystem(
    db,
    { system: true, label: "test" },
    { structureCodes, keys: [pair.jwk], requireIntegrity: options.requireIntegrity ?? false },
  );
  return { id, kid: pair.kid, privateKey: pair.privateKey };
}

/** A client registered from the command line for a social service (it sends case events). */
export async function registerServiceClient(
  db: Database,
  serviceCode: string,
  options: { requireIntegrity?: boolean } = {},
): Promise<KeyedClient> {
  const pair = await newKeyPair();
  const { id } = await createClientSystem(
    db,
    { system: true, label: "test" },
    {
      structureCodes: [],
      serviceCode,
      keys: [pair.jwk],
      requireIntegrity: options.requireIntegrity ?? false,
    },
  );
  return { id, kid: pair.kid, privateKey: pair.privateKey };
}

export type TokenOptions = {
  iss?: string;
  sub?: string;
  aud?: string;
  iat?: number;
  exp?: number;
  jti?: string;
  kid?: string;
  key?: CryptoKey;
  extra?: Record<string, unknown>;
};

export async function signToken(client: KeyedClient, options: TokenOptions = {}) {
  const now = Math.floor(Date.now() / 1000);
  const iat = options.iat ?? now;
  return new SignJWT({
    iss: options.iss ?? client.id,
    sub: options.sub ?? client.id,
    aud: options.aud ?? eventsUrl,
    iat,
    exp: options.exp ?? iat + 120,
    jti: options.jti ?? randomUUID(),
    ...options.extra,
  })
    .setProtectedHeader({ alg: "ES256", typ: "JWT", kid: options.kid ?? client.kid })
    .sign(options.key ?? client.privateKey);
}

export function digestHeaderOf(body: string) {
  return `SHA-256=${createHash("sha256").update(body).digest("base64")}`;
}

export type SendOptions = TokenOptions & {
  token?: string;
  integrity?: boolean;
  /** The body actually sent, when it differs from the signed one. */
  sentBody?: string;
};

/** POST /api/v1/events as a client would send it, with INTEGRITY_REST_01 when asked. */
export async function postEvents(
  app: FastifyInstance,
  client: KeyedClient,
  body: unknown,
  options: SendOptions = {},
) {
  return postSigned(app, client, "/api/v1/events", body, options);
}

/** POST /api/v1/case-events (the case interchange standard) as a service's software sends it. */
export async function postCaseEvents(
  app: FastifyInstance,
  client: KeyedClient,
  body: unknown,
  options: SendOptions = {},
) {
  return postSigned(app, client, "/api/v1/case-events", body, { aud: caseEventsUrl, ...options });
}

async function postSigned(
  app: FastifyInstance,
  client: KeyedClient,
  url: string,
  body: unknown,
  options: SendOptions,
) {
  const payload = typeof body === "string" ? body : JSON.stringify(body);
  const headers: Record<string, string> = {
    "content-type": "application/json",
    authorization: `Bearer ${options.token ?? (await signToken(client, options))}`,
  };
  if (options.integrity) {
    headers.digest = digestHeaderOf(payload);
    headers["agid-jwt-signature"] = await signToken(client, {
      aud: options.aud,
      extra: { signed_headers: [{ digest: headers.digest }, { "content-type": "application/json" }] },
    });
  }
  return app.inject({ method: "POST", url, headers, payload: options.sentBody ?? payload });
}

export async function getEvent(app: FastifyInstance, client: KeyedClient, id: string) {
  const token = await signToken(client, { aud: `${eventsUrl}/${id}` });
  return app.inject({
    method: "GET",
    url: `/api/v1/events/${id}`,
    headers: { authorization: `Bearer ${token}` },
  });
}
