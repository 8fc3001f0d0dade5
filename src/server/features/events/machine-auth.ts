import { createHash } from "node:crypto";
import { decodeJwt, decodeProtectedHeader, errors, importJWK, type JWTPayload, jwtVerify } from "jose";
import type { Executor } from "../../../db/database.ts";
import { AppError } from "../../../domain/errors/app-error.ts";
import {
  algorithmOf,
  clockSkewSeconds,
  maxTokenLifetimeSeconds,
  signedHeadersSchema,
} from "../../../domain/events/machine-client.schema.ts";
import { findTextProblem } from "../../http/storable-text.ts";
import { findActiveClientKey, recordTokenId } from "./machine-clients.queries.ts";

export type AuthenticatedClient = {
  id: string;
  requireIntegrity: boolean;
  structureIds: string[];
  /** The organisation that registered the client: an operator (stays) or a social service (cases). */
  organisation: { id: string; code: string; kind: string };
};

/** The request as the checks see it: headers, the exact URL the token must name, the raw body. */
export type SignedRequest = {
  headers: Record<string, string | string[] | undefined>;
  audience: string;
  /** The instant token lifetimes are judged at (the app's clock). */
  now: Date;
};

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const compactJwt = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/** Unknown client, wrong key, bad signature, disabled client: one answer, which reveals nothing. */
const invalidToken = () => new AppError("invalid-client-token");
const invalidIntegrity = (detail?: string) => new AppError("integrity-invalid", detail);

/** Claims of a verified token may still be of any JSON type. */
function isClientId(value: unknown, clientId: string): boolean {
  return typeof value === "string" && value.toLowerCase() === clientId;
}

function headerOf(request: SignedRequest, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === "string" ? value : undefined;
}

/**
 * Verifies a JWT signed by a registered, active client: the header's `kid` selects one of its
 * keys, the signature is checked before any claim, so claim errors never reveal a client.
 */
async function verifyClientJwt(
  db: Executor,
  token: string,
  clientId: string | undefined,
  audience: string,
  now: Date,
) {
  if (token.length > 16_384 || !compactJwt.test(token)) throw invalidToken();
  let kid: unknown;
  let issuer: unknown;
  try {
    kid = decodeProtectedHeader(token).kid;
    issuer = decodeJwt(token).iss;
  } catch {
    throw invalidToken();
  }
  const id = clientId ?? issuer;
  // The header is not yet verified: a kid that could not even be looked up is just a bad token.
  if (
    typeof kid !== "string" ||
    kid.length > 128 ||
    findTextProblem(kid) !== undefined ||
    typeof id !== "string" ||
    !uuidPattern.test(id)
  )
    throw invalidToken();
  const found = await findActiveClientKey(db, id.toLowerCase(), kid);
  if (!found) throw invalidToken();
  let payload: JWTPayload;
  try {
    const algorithm = algorithmOf(found.jwk as { kty: "EC" | "RSA" });
    const key = await importJWK(found.jwk, algorithm);
    ({ payload } = await jwtVerify(token, key, {
      algorithms: [algorithm],
      audience,
      clockTolerance: clockSkewSeconds,
      currentDate: now,
      requiredClaims: ["iat", "exp"],
    }));
  } catch (error) {
    if (error instanceof errors.JWTExpired) throw new AppError("token-expired");
    if (error instanceof errors.JWTClaimValidationFailed)
      throw new AppError("token-claims-invalid", claimDetail(error.claim));
    throw invalidToken();
  }
  const issuedAt = payload.iat as number;
  const expiresAt = payload.exp as number;
  if (expiresAt - issuedAt > maxTokenLifetimeSeconds || expiresAt <= issuedAt)
    throw new AppError(
      "token-claims-invalid",
      `La validità del token (exp − iat) deve essere positiva e al massimo di ${maxTokenLifetimeSeconds} secondi.`,
    );
  // A token issued in the future (beyond the tolerated skew) could be kept and used later.
  if (issuedAt > now.getTime() / 1000 + clockSkewSeconds)
    throw new AppError(
      "token-claims-invalid",
      "Il token è emesso nel futuro (iat): verificare l'orologio del client.",
    );
  return { client: found, payload, expiresAt };
}

function claimDetail(claim: string): string {
  return claim === "aud"
    ? "Il claim aud deve essere l'URL esatto dell'endpoint chiamato."
    : `Il claim ${claim} del token manca o non è valido.`;
}

/**
 * ModI ID_AUTH_REST_02: `Authorization: Bearer` with a client-signed JWT whose iss and sub are the
 * client id, aud the endpoint's URL, a lifetime of at most 5 minutes and a `jti` never seen before.
 */
export async function authenticateClient(db: Executor, request: SignedRequest): Promise<AuthenticatedClient> {
  const authorization = headerOf(request, "authorization");
  if (!authorization) throw new AppError("not-authenticated", "Manca l'intestazione Authorization: Bearer.");
  const match = /^Bearer ([^\s]+)$/i.exec(authorization);
  if (!match) throw invalidToken();
  const { client, payload, expiresAt } = await verifyClientJwt(
    db,
    match[1],
    undefined,
    request.audience,
    request.now,
  );
  if (!isClientId(payload.iss, client.id) || !isClientId(payload.sub, client.id))
    throw new AppError("token-claims-invalid", "I claim iss e sub devono essere entrambi l'id del client.");
  const jti = payload.jti;
  if (typeof jti !== "string" || jti.length === 0 || jti.length > 255 || findTextProblem(jti) !== undefined)
    throw new AppError("token-claims-invalid", "Il claim jti manca o non è valido (1–255 caratteri).");
  // Kept past exp by the tolerated skew: until then the token could still be accepted.
  const keepUntil = new Date((expiresAt + clockSkewSeconds) * 1000);
  if (!(await recordTokenId(db, client.id, jti, keepUntil))) throw new AppError("token-replayed");
  return {
    id: client.id,
    requireIntegrity: client.requireIntegrity,
    structureIds: client.structureIds,
    organisation: { id: client.organisationId, code: client.organisationCode, kind: client.organisationKind },
  };
}

export function digestOf(body: Buffer): string {
  return `SHA-256=${createHash("sha256").update(body).digest("base64")}`;
}

/**
 * ModI INTEGRITY_REST_01: `Digest` of the raw body and an `Agid-JWT-Signature` by the same client
 * whose signed_headers cover that digest and the content type. Enforced when the client's
 * registration requires it, and checked whenever either header is present.
 */
export async function verifyIntegrity(
  db: Executor,
  client: AuthenticatedClient,
  request: SignedRequest,
  body: Buffer,
) {
  const digest = headerOf(request, "digest");
  const signature = headerOf(request, "agid-jwt-signature");
  if (!digest && !signature) {
    if (client.requireIntegrity)
      throw invalidIntegrity("Il client deve inviare le intestazioni Digest e Agid-JWT-Signature.");
    return;
  }
  if (!digest) throw invalidIntegrity("Manca l'intestazione Digest.");
  if (digest !== digestOf(body))
    throw invalidIntegrity("L'intestazione Digest non corrisponde al corpo (SHA-256=<base64>).");
  if (!signature) {
    if (client.requireIntegrity) throw invalidIntegrity("Manca l'intestazione Agid-JWT-Signature.");
    return;
  }
  let payload: JWTPayload;
  try {
    ({ payload } = await verifyClientJwt(db, signature, client.id, request.audience, request.now));
  } catch (error) {
    if (error instanceof AppError && error.code === "token-expired") throw error;
    throw invalidIntegrity("L'intestazione Agid-JWT-Signature non è valida.");
  }
  const names = (claim: unknown) => claim === undefined || isClientId(claim, client.id);
  if (!names(payload.iss) || !names(payload.sub))
    throw invalidIntegrity("L'intestazione Agid-JWT-Signature non è del client autenticato.");
  const signed = signedHeadersSchema.safeParse(payload.signed_headers);
  const contentType = headerOf(request, "content-type");
  const covers = (name: string, value: string | undefined) =>
    signed.success && value !== undefined && signed.data.some((entry) => entry[name] === value);
  if (!covers("digest", digest) || !covers("content-type", contentType))
    throw invalidIntegrity("signed_headers deve contenere digest e content-type della richiesta.");
}
