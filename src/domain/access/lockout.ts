/**
 * Lockout with backoff for local accounts: after five failed attempts in a row (password or
 * second factor), each further failure locks the account for 1, 2, 4, 8, then 15 minutes at most.
 * A success resets the count. The cap keeps a stranger who knows a user name from locking the
 * person out for long, while six-digit codes and passwords cannot be tried at any useful rate.
 */
export const lockoutPolicy = { freeAttempts: 5, maxMinutes: 15 } as const;

export function lockedUntilAfterFailure(failedCount: number, now: Date): Date | null {
  if (failedCount < lockoutPolicy.freeAttempts) return null;
  const minutes = Math.min(2 ** (failedCount - lockoutPolicy.freeAttempts), lockoutPolicy.maxMinutes);
  return new Date(now.getTime() + minutes * 60_000);
}

export function isLocked(lockedUntil: Date | null, now: Date): boolean {
  return lockedUntil !== null && lockedUntil.getTime() > now.getTime();
}
