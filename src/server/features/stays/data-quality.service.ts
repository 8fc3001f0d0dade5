import { sql } from "drizzle-orm";
import { type Database, queryRows } from "../../../db/database.ts";
import { toBeConfirmedSql } from "../../../db/stay-confirmation.sql.ts";
import { AppError } from "../../../domain/errors/app-error.ts";
import type { FlaggedStay } from "../../../domain/stays/stay-api.schema.ts";
import type { Actor } from "../../core/actor.ts";
import { appendAuditEntry } from "../../core/audit.queries.ts";
import { authorize } from "../../core/authorization.ts";
import { structureScopeCondition } from "../../core/structure-scope.ts";

/**
 * The stays flagged for correction or confirmation, without any identity (the pseudonym only): for
 * the Region the whole list, for a structure its own stays. A flag is computed from the stays'
 * events, so it leaves the list by itself once the event that removes its cause arrives.
 */
export async function listFlaggedStays(db: Database, actor: Actor): Promise<FlaggedStay[]> {
  const scope = authorize(actor, "stay.quality");
  if (scope !== "region" && scope !== "own-structures") throw new AppError("forbidden");
  const toBeConfirmed = toBeConfirmedSql(sql`s`);
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
    isToBeConfirmed: boolean;
  }>(
    db,
    sql`select * from (select s.id as "stayId", s.structure_id as "structureId", structure.code as "structureCode",
          (select v.name from structure_version v where v.structure_id = structure.id and v.version = structure.current_version) as "structureName",
          s.stay_ref as "stayRef", m.pseudonym, s.status, s.admission_date::text as "admissionDate",
          s.discharge_date::text as "dischargeDate", s.has_overlap as "hasOverlap", ${toBeConfirmed} as "isToBeConfirmed"
        from stay s join structure on structure.id = s.structure_id left join minor m on m.id = s.minor_id
        where ${structureScopeCondition(actor, scope)}) flagged
        where "hasOverlap" or "isToBeConfirmed"
        order by pseudonym, "admissionDate", "stayId"`,
  );
  return rows.map(({ hasOverlap, isToBeConfirmed, ...row }) => ({
    ...row,
    flags: [
      ...(hasOverlap ? (["overlap"] as const) : []),
      ...(isToBeConfirmed ? (["to-be-confirmed"] as const) : []),
    ],
  }));
}

/**
 * The registry steward confirms an admission to be confirmed, with a written reason, audited in
 * the same transaction. A stay that is not to be confirmed answers 409; one that does not exist 404.
 */
export async function confirmStay(db: Database, actor: Actor, stayId: string, reason: string) {
  authorize(actor, "stay.confirm");
  return db.transaction(async (tx) => {
    const [found] = await queryRows<{ pseudonym: string | null; isToBeConfirmed: boolean }>(
      tx,
      sql`select m.pseudonym, ${toBeConfirmedSql(sql`s`)} as "isToBeConfirmed"
          from stay s left join minor m on m.id = s.minor_id where s.id = ${stayId} for update of s`,
    );
    if (!found) throw new AppError("not-found", "L'accoglienza richiesta non esiste.");
    if (!found.isToBeConfirmed) throw new AppError("conflict", "L'ammissione non è da confermare.");
    await tx.execute(
      sql`update stay set confirmed_at = now(), confirmed_by = ${actor.userId}, confirmed_via = 'steward' where id = ${stayId}`,
    );
    await appendAuditEntry(tx, actor, {
      action: "stay.confirm",
      resourceType: "stay",
      resourceId: stayId,
      minorPseudonym: found.pseudonym,
      purpose: "duplicate-review",
      outcome: "success",
      details: { via: "steward", reason },
    });
    return { stayId, confirmed: true };
  });
}
