import type { Database } from "../../../db/database.ts";
import * as interchangeCodes from "../../../domain/code-lists/interchange-codes.ts";
import { sinbaCodeLists } from "../../../domain/code-lists/sinba-codes.ts";
import * as structureCodes from "../../../domain/code-lists/structure-codes.ts";
import { countries } from "../../../domain/territory/countries.ts";
import type { Actor } from "../../core/actor.ts";
import { authorize } from "../../core/authorization.ts";
import * as queries from "./reference.queries.ts";

/** Reference data is read by every role (`reference.read`); nothing in it is scoped. */
export async function searchComuni(
  db: Database,
  actor: Actor,
  query: Parameters<typeof queries.searchComuni>[1],
) {
  authorize(actor, "reference.read");
  return queries.searchComuni(db, query);
}

export async function listZones(db: Database, actor: Actor) {
  authorize(actor, "reference.read");
  return queries.listZones(db);
}

export async function listZoneComuni(db: Database, actor: Actor, zoneCode: string) {
  authorize(actor, "reference.read");
  return queries.listZoneComuni(db, zoneCode);
}

export async function listRegionalStructureTypes(db: Database, actor: Actor) {
  authorize(actor, "reference.read");
  return queries.listRegionalStructureTypes(db);
}

/** Every code list of the domain, by name, for forms and for software houses. */
export function allCodeLists(actor: Actor): Record<string, { code: string; label: string }[]> {
  authorize(actor, "reference.read");
  const lists: Record<string, { code: string; label: string }[]> = {};
  for (const [name, value] of Object.entries({ ...structureCodes, ...interchangeCodes })) {
    if (Array.isArray(value) && value.every((entry) => entry && typeof entry.code === "string")) {
      lists[name] = value.map((entry) => ({ code: entry.code, label: entry.label }));
    }
  }
  for (const [name, list] of Object.entries(sinbaCodeLists)) {
    lists[`sinba${name}`] = list.map((entry) => ({ code: entry.code, label: entry.label }));
  }
  lists.countries = countries.map((country) => ({ code: country.istatCode, label: country.name }));
  return lists;
}
