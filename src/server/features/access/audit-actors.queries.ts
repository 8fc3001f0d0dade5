import { inArray } from "drizzle-orm";
import type { Executor } from "../../../db/database.ts";
import { machineClient } from "../../../db/schema/index.ts";

/** A machine client writes in the log as `sistema:client:<its id>`. */
const clientActorPattern = /^sistema:client:([0-9a-f-]{36})$/i;

export function clientIdOfActor(username: string | null): string | null {
  return username ? (clientActorPattern.exec(username)?.[1]?.toLowerCase() ?? null) : null;
}

/** The names of the machine clients that appear as actors among the given log entries. */
export async function findClientNamesOfActors(
  executor: Executor,
  usernames: (string | null)[],
): Promise<Map<string, string>> {
  const ids = [...new Set(usernames.map(clientIdOfActor).filter((id): id is string => id !== null))];
  if (ids.length === 0) return new Map();
  const rows = await executor
    .select({ id: machineClient.id, name: machineClient.name })
    .from(machineClient)
    .where(inArray(machineClient.id, ids));
  return new Map(rows.map((row) => [row.id, row.name]));
}
