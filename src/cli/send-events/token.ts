import { createHash, randomUUID } from "node:crypto";
import { type CryptoKey, importJWK, type JWK, SignJWT } from "jose";

/** Lifetime of each token: the longest the server accepts. */
export const tokenLifetimeSeconds = 300;

export type SigningKey = { key: CryptoKey | Uint8Array; kid: string; alg: "ES256" | "RS256" };

/** The client's private JWK (EC P-256 → ES256, RSA → RS256); its `kid` names the registered key. */
export async function loadSigningKey(jwk: unknown): Promise<SigningKey> {
  if (typeof jwk !== "object" || jwk === null || Array.isArray(jwk))
    throw new Error("La chiave privata deve essere un oggetto JWK.");
  const { kty, kid, d } = jwk as { kty?: unknown; kid?: unknown; d?: unknown };
  if (kty !== "EC" && kty !== "RSA")
    throw new Error("La chiave privata deve essere di tipo EC (P-256) o RSA.");
  if (typeof d !== "string") throw new Error("Il JWK non contiene la parte privata (campo d).");
  if (typeof kid !== "string" || kid.length === 0)
    throw new Error("Il JWK deve avere il campo kid con cui la chiave è stata registrata.");
  const alg = kty === "EC" ? "ES256" : "RS256";
  try {
    return { key: await importJWK(jwk as JWK, alg), kid, alg };
  } catch (error) {
    throw new Error(
      `La chiave privata non è utilizzabile: ${error instanceof Error ? error.message : error}`,
    );
  }
}

export type TokenClaims = {
  clientId: string;
  audience: string;
  now?: number;
  extra?: Record<string, unknown>;
};

/** ModI ID_AUTH_REST_02: iss = sub = client id, aud = endpoint URL, 300 s of life, a fresh jti. */
export async function signClientToken(signing: SigningKey, claims: TokenClaims): Promise<string> {
  const iat = Math.floor((claims.now ?? Date.now()) / 1000);
  return new SignJWT({
    ...claims.extra,
    iss: claims.clientId,
    sub: claims.clientId,
    aud: claims.audience,
    iat,
    exp: iat + tokenLifetimeSeconds,
    jti: randomUUID(),
  })
    .setProtectedHeader({ alg: signing.alg, typ: "JWT", kid: signing.kid })
    .sign(signing.key);
}

export function digestHeader(body: string): string {
  return `SHA-256=${createHash("sha256").update(body, "utf8").digest("base64")}`;
}

export const contentType = "application/json";

/** Headers of one request: a fresh token, and with integrity the Digest and its signature (INTEGRITY_REST_01). */
export async function requestHeaders(
  signing: SigningKey,
  options: { clientId: string; audience: string; body: string; integrity: boolean },
): Promise<Record<string, string>> {
  const claims = { clientId: options.clientId, audience: options.audience };
  const headers: Record<string, string> = {
    "content-type": contentType,
    accept: "application/json",
    authorization: `Bearer ${await signClientToken(signing, claims)}`,
  };
  if (options.integrity) {
    headers.digest = digestHeader(options.body);
    headers["agid-jwt-signature"] = await signClientToken(signing, {
      ...claims,
      extra: { signed_headers: [{ digest: headers.digest }, { "content-type": contentType }] },
    });
  }
  return headers;
}
