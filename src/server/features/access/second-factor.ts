import * as OTPAuth from "otpauth";
import { openField, sealField } from "../../core/vault-crypto.ts";
import type { Keyring } from "../../core/vault-keys.ts";

/**
 * TOTP (RFC 6238: SHA-1, 6 digits, 30 seconds), as every authenticator app reads it; otpauth
 * computes and checks the codes. One step either side is accepted for clock drift, and a step
 * already used is refused, so that a code seen over a shoulder cannot be used again.
 */
const period = 30;

export function newTotpSecret(): string {
  return new OTPAuth.Secret({ size: 20 }).base32;
}

function totpOf(secret: string, username: string, issuer: string) {
  return new OTPAuth.TOTP({
    issuer,
    label: username,
    algorithm: "SHA1",
    digits: 6,
    period,
    secret: OTPAuth.Secret.fromBase32(secret),
  });
}

export function otpauthUri(secret: string, username: string, issuer: string): string {
  return totpOf(secret, username, issuer).toString();
}

/** The step of an accepted code, or null (wrong, malformed, or not newer than the last used). */
export function acceptedTotpStep(
  secret: string,
  code: string,
  now: Date,
  lastUsedStep: number | null,
): number | null {
  const token = code.replace(/\s/g, "");
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totpOf(secret, "-", "-").validate({ token, timestamp: now.getTime(), window: 1 });
  if (delta === null) return null;
  const step = Math.floor(now.getTime() / 1000 / period) + delta;
  return lastUsedStep !== null && step <= lastUsedStep ? null : step;
}

const contextOf = (userId: string) => `user|${userId}|totp`;

export function sealTotpSecret(keyring: Keyring, userId: string, secret: string) {
  return { sealed: sealField(keyring, contextOf(userId), secret), keyId: keyring.activeKeyId };
}

export function openTotpSecret(keyring: Keyring, userId: string, keyId: string, sealed: string): string {
  return openField(keyring, keyId, contextOf(userId), sealed);
}
