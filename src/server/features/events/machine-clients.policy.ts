import type { SQL } from "drizzle-orm";
import type { Actor } from "../../core/actor.ts";
import { authorize } from "../../core/authorization.ts";
import { structureScopeCondition } from "../../core/structure-scope.ts";
import { clientScopeCondition } from "./machine-clients.queries.ts";

/**
 * A structure's manager registers the machine clients of the structures they manage (they send
 * stay events), a social service's manager those of the service (they send case events, for no
 * structure); other roles are refused (403), clients and structures outside the manager's scope
 * do not exist (404).
 */
export function authorizeClientManagement(actor: Actor): {
  structureScope: SQL;
  clientScope: SQL;
  writesStructures: boolean;
} {
  const scope = authorize(actor, "machine-client.manage");
  const structureScope = structureScopeCondition(actor, scope);
  return {
    structureScope,
    clientScope: clientScopeCondition(actor.organisationId, structureScope),
    writesStructures: scope === "own-structures",
  };
}
