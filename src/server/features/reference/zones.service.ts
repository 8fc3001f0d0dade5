import type { Database } from "../../../db/database.ts";
import { AppError } from "../../../domain/errors/app-error.ts";
import type { Actor } from "../../core/actor.ts";
import { appendAuditEntry } from "../../core/audit.queries.ts";
import { authorize } from "../../core/authorization.ts";
import { findComuni, findComuniInOtherZones, replaceZone } from "./reference.queries.ts";

/** The Region defines its zones as sets of its own comuni; each comune in one zone only. */
export async function defineZone(
  db: Database,
  actor: Actor,
  regionCode: string,
  input: { code: string; name: string; comuni: string[] },
) {
  authorize(actor, "organisation.manage");
  const comuni = [...new Set(input.comuni)];
  return db.transaction(async (tx) => {
    const known = await findComuni(tx, comuni);
    const unknown = comuni.filter((code) => !known.some((comune) => comune.istatCode === code));
    const outside = known.filter((comune) => comune.regionCode !== regionCode);
    const taken = await findComuniInOtherZones(tx, input.code, comuni);
    const problems = [
      ...unknown.map((code) => ({
        path: "/comuni",
        code: "unknown-comune",
        message: `Il comune ${code} non esiste.`,
      })),
      ...outside.map((comune) => ({
        path: "/comuni",
        code: "comune-outside-region",
        message: `Il comune ${comune.name} non appartiene alla Regione.`,
      })),
      ...taken.map((row) => ({
        path: "/comuni",
        code: "comune-in-other-zone",
        message: `Il comune ${row.comuneCode} appartiene già alla zona ${row.zoneCode}.`,
      })),
    ];
    if (problems.length > 0) throw new AppError("validation-failed", undefined, problems);
    await replaceZone(tx, { ...input, comuni, regionCode });
    await appendAuditEntry(tx, actor, {
      action: "zone.define",
      resourceType: "zone",
      resourceId: input.code,
      outcome: "success",
      details: { comuni: comuni.length },
    });
    return { code: input.code, name: input.name, comuni };
  });
}
