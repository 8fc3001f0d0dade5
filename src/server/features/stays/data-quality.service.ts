import { sql } from "drizzle-orm";
import { type Database, queryRows } from "../../../db/database.ts";
import { AppError } from "../../../domain/errors/app-error.ts";
import type { FlaggedStay } from "../../../domain/stays/stay-api.schema.ts";
import type { Actor } from "../../core/actor.ts";
import { authorize } from "../../core/authorization.ts";
import { structureScopeCondition } from "../../core/structure-scope.ts";

/**
 * The stays flagged for correction, without any identity (the pseudonym only): for the Region the
 * whole list, for a structure its own stays. A flag is computed by the pipeline from the stays'
 * events, so it leaves the list by itself once the event that removes its cause arrives.
 */
export async function listFlaggedStays(db: Database, actor: Actor): Promise<FlaggedStay[]> {
  const scope = authorize(actor, "report.read");
  if (scope !== "region" && scope !== "own-structures") throw new AppError("forbidden");
  const rows = await queryRows<{
    stayId: string;
    structureId: string;
    structureCode: string | null;
    structureName: string | null;
    stayRef: string;
    pseudonym: string | null;
    status: string;
    admissionDate: string | null;
    dischargeDate: string | null;
    hasOverlap: boolean;
  }>(
    db,
    sql`select s.id as "stayId", s.structure_id as "structureId", structure.code as "structureCode",
          (select v.name from structure_version v where v.structure_id = structure.id and v.version = structure.current_version) as "structureName",
          s.stay_ref as "stayRef", m.pseudonym, s.status, s.admission_date::text as "admissionDate",
          s.discharge_date::text as "dischargeDate", s.has_overlap as "hasOverlap"
        from stay s join structure on structure.id = s.structure_id left join minor m on m.id = s.minor_id
        where s.has_overlap and ${structureScopeCondition(actor, scope)}
        order by m.pseudonym, s.admission_date, s.id`,
  );
  return rows.map(({ hasOverlap, ...row }) => ({
    ...row,
    flags: hasOverlap ? (["overlap"] as const) : [],
  }));
}
