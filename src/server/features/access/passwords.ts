import { hash, verify } from "@node-rs/argon2";

// argon2id with the library's defaults (19 MiB, 2 passes): OWASP's recommended minimum.
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/** A hash of a random password, verified against when the user does not exist (same timing). */
const unknownUserHash = hash("unknown-user-placeholder-password");

export async function verifyPassword(passwordHash: string | undefined, password: string): Promise<boolean> {
  try {
    const ok = await verify(passwordHash ?? (await unknownUserHash), password);
    return passwordHash !== undefined && ok;
  } catch {
    return false;
  }
}
