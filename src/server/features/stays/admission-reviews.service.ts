import { type SQL, sql } from "drizzle-orm";
import { type Database, queryRows } from "../../../db/database.ts";
import { overlapsEarlierStaySql } from "../../../db/stay-confirmation.sql.ts";
import type {
  AdmissionConfirmedVia,
  AdmissionReview,
} from "../../../domain/stays/admission-review-api.schema.ts";
import type { Actor } from "../../core/actor.ts";
import { appendAuditEntry } from "../../core/audit.queries.ts";
import { authorize } from "../../core/authorization.ts";

/** When the stay `s`'s admission was first recorded. */
const admittedAt = (s: SQL) =>
  sql`(select min(e.recorded_at) from stay_event e where e.stay_id = ${s}.id and e.status = 'accepted' and e.type = 'admission')`;

/**
 * The discharge that confirmed the stay `s`: an earlier stay of the same minor, still open on
 * `s`'s admission day when `s` was recorded, whose discharge (recorded later) ended the overlap.
 * The instant of that discharge's recording, or null.
 */
const confirmedByDischargeAt = (s: SQL) =>
  sql`(select min(d.recorded_at) from stay o join stay_event d on d.stay_id = o.id and d.status = 'accepted' and d.type = 'discharge'
        where o.minor_id = ${s}.minor_id and o.id <> ${s}.id and o.admission_date is not null
          and o.admission_date <= ${s}.admission_date and o.discharge_date is not null and o.discharge_date <= ${s}.admission_date
          and ${admittedAt(sql`o`)} < ${admittedAt(s)} and d.recorded_at > ${admittedAt(s)})`;

/**
 * Every admission that was to be confirmed (access principle 7), for the auditor: why (an overlap
 * with an earlier stay, a record more than 30 days late), since when (its recording), and whether
 * it was confirmed, how and by whom. Pseudonyms only. The read is audited.
 */
export async function listAdmissionReviews(
  db: Database,
  actor: Actor,
  state?: "to-be-confirmed" | "confirmed",
): Promise<AdmissionReview[]> {
  authorize(actor, "audit.read");
  return db.transaction(async (tx) => {
    const rows = await queryRows<{
      stayId: string;
      structureCode: string | null;
      structureName: string | null;
      stayRef: string;
      pseudonym: string | null;
      admissionDate: string;
      isBackdated: boolean;
      overlapping: boolean;
      since: string | null;
      confirmedAt: string | null;
      confirmedVia: string | null;
      confirmedBy: string | null;
      dischargeAt: string | null;
    }>(
      tx,
      sql`select * from (select s.id as "stayId", st.code as "structureCode",
            (select v.name from structure_version v where v.structure_id = st.id and v.version = st.current_version) as "structureName",
            s.stay_ref as "stayRef", m.pseudonym, s.admission_date::text as "admissionDate", s.is_backdated as "isBackdated",
            ${overlapsEarlierStaySql(sql`s`)} as "overlapping", ${admittedAt(sql`s`)} as since,
            s.confirmed_at as "confirmedAt", s.confirmed_via as "confirmedVia", u.username as "confirmedBy",
            ${confirmedByDischargeAt(sql`s`)} as "dischargeAt"
          from stay s join structure st on st.id = s.structure_id left join minor m on m.id = s.minor_id
            left join app_user u on u.id = s.confirmed_by
          where s.admission_date is not null) reviewed
        where "isBackdated" or "overlapping" or "confirmedAt" is not null or "dischargeAt" is not null
        order by since desc nulls last, "stayId"`,
    );
    const items = rows.map((row): AdmissionReview => {
      const iso = (value: string | null) => (value === null ? null : new Date(value).toISOString());
      const byDischarge =
        !row.confirmedAt && !row.isBackdated && !row.overlapping && row.dischargeAt !== null;
      const confirmedVia: AdmissionConfirmedVia | null = row.confirmedAt
        ? row.confirmedVia === "case"
          ? "case"
          : "steward"
        : byDischarge
          ? "discharge"
          : null;
      return {
        stayId: row.stayId,
        structureCode: row.structureCode,
        structureName: row.structureName,
        stayRef: row.stayRef,
        pseudonym: row.pseudonym,
        admissionDate: row.admissionDate,
        reasons: [
          ...(row.overlapping || row.dischargeAt !== null ? (["overlap"] as const) : []),
          ...(row.isBackdated ? (["backdated"] as const) : []),
        ],
        since: iso(row.since) ?? "",
        isConfirmed: confirmedVia !== null,
        confirmedVia,
        confirmedAt: iso(row.confirmedAt) ?? (byDischarge ? iso(row.dischargeAt) : null),
        confirmedBy: row.confirmedAt ? row.confirmedBy : null,
      };
    });
    const wanted = items.filter((item) => !state || (state === "confirmed") === item.isConfirmed);
    await appendAuditEntry(tx, actor, {
      action: "audit.admission-reviews",
      resourceType: "stay",
      outcome: "success",
      details: { count: wanted.length, ...(state ? { state } : {}) },
    });
    return wanted;
  });
}
