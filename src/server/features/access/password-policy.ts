import fs from "node:fs";
import { passwordPolicy } from "../../../domain/access/password-policy.ts";

/**
 * The policy for every new password (NIST SP 800-63B): long enough, not among the passwords most
 * seen in breaches (bundled list, see the file's header), not a listed password with digits or
 * symbols around it, not the user name, not one character repeated.
 */

let blocklist: Set<string> | undefined;
function blockedPasswords(): Set<string> {
  blocklist ??= new Set(
    fs
      .readFileSync(new URL("./password-blocklist.txt", import.meta.url), "utf8")
      .split("\n")
      .filter((line) => line !== "" && !line.startsWith("#")),
  );
  return blocklist;
}

/** The Italian reason a new password is refused, or null when it is acceptable. */
export function passwordWeakness(password: string, username?: string): string | null {
  if (password.length < passwordPolicy.minLength)
    return `La password deve avere almeno ${passwordPolicy.minLength} caratteri.`;
  if (password.length > passwordPolicy.maxLength)
    return `La password può avere al massimo ${passwordPolicy.maxLength} caratteri.`;
  const lower = password.toLowerCase();
  if (new Set(lower).size < 4) return "La password ripete troppo pochi caratteri diversi.";
  if (username && username.length >= 3 && lower.includes(username.toLowerCase()))
    return "La password non deve contenere il nome utente.";
  const core = lower.replace(/^[^a-z]+|[^a-z]+$/g, "");
  const blocked = blockedPasswords();
  if (blocked.has(lower) || (core.length >= 4 && blocked.has(core)) || isRepeatedWord(lower, blocked))
    return "La password è tra quelle più comuni o comparse in violazioni di dati: sceglierne un'altra.";
  return null;
}

/** "qwertyqwerty", "password1password1": a listed password written twice or more. */
function isRepeatedWord(lower: string, blocked: Set<string>): boolean {
  for (let size = 4; size <= lower.length / 2; size++) {
    if (lower.length % size !== 0) continue;
    const unit = lower.slice(0, size);
    if (unit.repeat(lower.length / size) === lower && blocked.has(unit.replace(/[^a-z]+$/g, "") || unit))
      return true;
  }
  return false;
}

export { passwordPolicy };
