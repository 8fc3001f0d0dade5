import { type SQL, sql } from "drizzle-orm";
import { structure } from "../../db/schema/index.ts";
import type { Scope } from "../../domain/access/policy.ts";
import type { Actor } from "./actor.ts";

/** The access policy's scope, as a condition on the structure table, applied inside every query. */
export function structureScopeCondition(actor: Actor, scope: Scope): SQL {
  switch (scope) {
    case "region":
      return sql`true`;
    case "active-structures":
      return sql`${structure.status} = 'active'`;
    case "own-structures":
      return actor.structureId
        ? sql`(${structure.operatorOrganisationId} = ${actor.organisationId} and ${structure.id} = ${actor.structureId})`
        : sql`${structure.operatorOrganisationId} = ${actor.organisationId}`;
    default:
      return sql`false`;
  }
}
