import { createHmac, randomBytes } from "node:crypto";
import type { Keyring } from "../../core/vault-keys.ts";

/**
 * Keyed digests of what identifies a person's account: the fiscal code a provider sends, and the
 * second factor's recovery codes. The key is derived from the vault's index key under a label of
 * its own, so the key file needs nothing new, a copy of the database alone yields nothing, and
 * these digests never equal the registry's blind indexes of the same value.
 */
const accountKeys = new WeakMap<Keyring, Buffer>();
function accountKeyOf(keyring: Keyring): Buffer {
  let key = accountKeys.get(keyring);
  if (!key) {
    key = createHmac("sha256", keyring.indexKey).update("sirmi-account-digests-v1").digest();
    accountKeys.set(keyring, key);
  }
  return key;
}

/** TINIT-RSSMRA80A01H501U (as SPID brokers send it), rssmra80a01h501u, RSSMRA80A01H501U: the same. */
export function normaliseFiscalCode(claim: string): string {
  return claim
    .trim()
    .toUpperCase()
    .replace(/^TINIT-/, "");
}

export function fiscalCodeDigest(keyring: Keyring, fiscalCode: string): string {
  return createHmac("sha256", accountKeyOf(keyring))
    .update(`user-fiscal-code\u0000${normaliseFiscalCode(fiscalCode)}`)
    .digest("hex");
}

export function recoveryCodeDigest(keyring: Keyring, userId: string, code: string): string {
  return createHmac("sha256", accountKeyOf(keyring))
    .update(`recovery-code\u0000${userId}\u0000${code.replace(/[\s-]/g, "").toLowerCase()}`)
    .digest("hex");
}

/**
 * What the log keeps of a username typed at a refused login that names no account: equal texts
 * give equal digests (repeated attempts can be told apart), and the text, perhaps someone's name
 * or a password typed in the wrong field, cannot be read back.
 */
export function typedUsernameDigest(keyring: Keyring, typed: string): string {
  return createHmac("sha256", accountKeyOf(keyring))
    .update(`typed-username\u0000${typed.trim().toLowerCase()}`)
    .digest("hex");
}

/** Ten codes of ten characters from an alphabet without look-alikes (about 50 bits each). */
export function newRecoveryCodes(): string[] {
  const alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
  return Array.from({ length: 10 }, () => {
    const bytes = randomBytes(10);
    const text = [...bytes].map((byte) => alphabet[byte % alphabet.length]).join("");
    return `${text.slice(0, 5)}-${text.slice(5)}`;
  });
}

/** A temporary password given by a manager's reset: 16 characters, shown once. */
export function newTemporaryPassword(): string {
  return randomBytes(12).toString("base64url");
}
