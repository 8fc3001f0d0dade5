import { calculateJwkThumbprint, importJWK, type JWK } from "jose";
import { AppError } from "../../../domain/errors/app-error.ts";
import { fieldProblemsOf } from "../../../domain/errors/field-problems.ts";
import {
  algorithmOf,
  type PublicJwk,
  publicJwkSchema,
} from "../../../domain/events/machine-client.schema.ts";
import type { ClientKey } from "./machine-clients.queries.ts";

/**
 * Keeps only the public members of a checked JWK, verifies that it is a usable key (a point on
 * the curve, a well-formed modulus) and names it: a JWK without `kid` gets its RFC 7638 thumbprint.
 */
export async function toClientKey(input: unknown, path = ""): Promise<ClientKey> {
  const parsed = publicJwkSchema.safeParse(input);
  if (!parsed.success)
    throw new AppError(
      "validation-failed",
      "La chiave pubblica non è valida.",
      fieldProblemsOf(parsed.error.issues, path),
    );
  const jwk = publicMembersOf(parsed.data);
  const algorithm = algorithmOf(parsed.data);
  try {
    await importJWK(jwk, algorithm);
  } catch {
    throw new AppError("validation-failed", "La chiave pubblica non è utilizzabile.", [
      { path: path || "/", code: "invalid-key", message: "La chiave pubblica non è utilizzabile." },
    ]);
  }
  const kid = parsed.data.kid ?? (await calculateJwkThumbprint(jwk, "sha256"));
  return { kid, jwk: { ...jwk, kid, alg: algorithm, use: "sig" } };
}

function publicMembersOf(jwk: PublicJwk): JWK {
  return jwk.kty === "EC"
    ? { kty: "EC", crv: jwk.crv, x: jwk.x, y: jwk.y }
    : { kty: "RSA", n: jwk.n, e: jwk.e };
}
