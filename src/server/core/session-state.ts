import { createHash } from "node:crypto";
import type { Database } from "../../db/database.ts";
import type { Actor } from "./actor.ts";
import { findActorOfMembership, findLiveSession } from "./session.queries.ts";

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export type SessionState = {
  user: { id: string; username: string; displayName: string };
  csrfToken: string;
  actor: Actor | null;
};

/** The session of a cookie token, read once per request: its user and, when chosen, the actor. */
export async function findSessionState(db: Database, token: string): Promise<SessionState | undefined> {
  const live = await findLiveSession(db, hashToken(token));
  if (!live?.isActive) return undefined;
  const user = { userId: live.userId, username: live.username, displayName: live.displayName };
  const actor = live.membershipId
    ? ((await findActorOfMembership(db, user, live.membershipId)) ?? null)
    : null;
  return {
    user: { id: live.userId, username: live.username, displayName: live.displayName },
    csrfToken: live.csrfToken,
    actor,
  };
}
