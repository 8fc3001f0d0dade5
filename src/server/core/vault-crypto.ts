import { createCipheriv, createDecipheriv, createHmac, randomBytes } from "node:crypto";
import type { Keyring } from "./vault-keys.ts";

/**
 * Field-level AES-256-GCM. The additional data binds each ciphertext to its minor and field, so
 * that a value copied into another row or column fails to decrypt instead of lying.
 */
export function sealField(keyring: Keyring, context: string, plaintext: string): string {
  const key = keyring.encryptionKeys.get(keyring.activeKeyId) as Buffer;
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(context));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final(), cipher.getAuthTag()]);
  return `${iv.toString("base64url")}.${body.toString("base64url")}`;
}

export function openField(keyring: Keyring, keyId: string, context: string, sealed: string): string {
  const key = keyring.encryptionKeys.get(keyId);
  if (!key) throw new Error(`vault key ${keyId} is not configured`);
  const [ivText, bodyText] = sealed.split(".");
  const body = Buffer.from(bodyText, "base64url");
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(ivText, "base64url"));
  decipher.setAAD(Buffer.from(context));
  decipher.setAuthTag(body.subarray(body.length - 16));
  return Buffer.concat([decipher.update(body.subarray(0, body.length - 16)), decipher.final()]).toString(
    "utf8",
  );
}

/** Keyed blind index: equal inputs give equal digests, nothing can be learnt without the key. */
export function blindIndex(keyring: Keyring, kind: string, normalisedValue: string): string {
  return createHmac("sha256", keyring.indexKey).update(`${kind}\u0000${normalisedValue}`).digest("hex");
}
