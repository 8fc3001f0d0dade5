import type { SQL } from "drizzle-orm";
import type { Actor } from "../../core/actor.ts";
import { authorize } from "../../core/authorization.ts";
import { structureScopeCondition } from "../../core/structure-scope.ts";
import { clientScopeCondition } from "./machine-clients.queries.ts";

/**
 * A structure's manager registers the machine clients of the structures they manage; other roles
 * are refused (403), clients and structures outside the manager's scope do not exist (404).
 */
export function authorizeClientManagement(actor: Actor): { structureScope: SQL; clientScope: SQL } {
  const structureScope = structureScopeCondition(actor, authorize(actor, "machine-client.manage"));
  return { structureScope, clientScope: clientScopeCondition(actor.organisationId, structureScope) };
}
