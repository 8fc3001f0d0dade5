import { randomBytes } from "node:crypto";

const alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"; // Crockford base32: no I, L, O, U

/**
 * A minor's pseudonym (SINBA IDBeneficiario, ≤ 20 characters): random, so that nothing about the
 * child can be computed from it and it never changes when the identity is corrected.
 */
export function newPseudonym(): string {
  const bytes = randomBytes(14);
  let body = "";
  for (const byte of bytes) body += alphabet[byte & 31];
  return `MN${body}`;
}
