import * as OTPAuth from "otpauth";

/**
 * The authenticator app of the tests' users: the secrets enrolled for them, and the code of a
 * step not used yet (the server accepts each step once, one step either side of now), waiting
 * for the next step when the user has already logged in twice within this one.
 */
const enrolled = new Map<string, { secret: string; lastStep: number }>();

export function rememberSecondFactor(username: string, secret: string, lastStep = 0) {
  enrolled.set(username, { secret, lastStep });
}

export function hasSecondFactorFor(username: string) {
  return enrolled.has(username);
}

export async function nextCodeFor(username: string): Promise<string> {
  const entry = enrolled.get(username);
  if (!entry) throw new Error(`no second factor enrolled in the tests for ${username}`);
  // Only the current step and the next one: a code of the previous step may expire before the
  // server reads it on a busy machine, while these stay good for at least 30 s.
  for (;;) {
    const current = Math.floor(Date.now() / 30_000);
    const step = Math.max(entry.lastStep + 1, current);
    if (step <= current + 1) {
      entry.lastStep = step;
      return codeAtStep(entry.secret, step);
    }
    await new Promise((resolve) => setTimeout(resolve, (step - 1) * 30_000 - Date.now() + 50));
  }
}

export function codeAtStep(secret: string, step: number): string {
  return new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30 }).generate({
    timestamp: step * 30_000,
  });
}
