import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { type Executor, queryRows } from "../../../db/database.ts";
import { breakGlassHours } from "../../../domain/access/break-glass.schema.ts";

const accessColumns = sql`b.id, m.pseudonym, b.reason, b.opened_at as "openedAt", b.expires_at as "expiresAt",
  b.expires_at > now() as "isActive", b.review_state as "reviewState", b.review_note as "reviewNote"`;

type AccessRow = {
  id: string;
  pseudonym: string;
  reason: string;
  openedAt: Date | string;
  expiresAt: Date | string;
  isActive: boolean;
  reviewState: "pending" | "accepted" | "questioned";
  reviewNote: string | null;
};

const instant = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

function asAccess<T extends AccessRow>(row: T) {
  return { ...row, openedAt: instant(row.openedAt) as string, expiresAt: instant(row.expiresAt) as string };
}

export async function findMinorOfPseudonym(db: Executor, pseudonym: string) {
  const [row] = await queryRows<{ id: string; pseudonym: string }>(
    db,
    sql`select id, pseudonym from minor where pseudonym = ${pseudonym}`,
  );
  return row;
}

export async function insertBreakGlass(
  db: Executor,
  values: { userId: string; membershipId: string; minorId: string; reason: string },
) {
  const id = randomUUID();
  const [row] = await queryRows<AccessRow>(
    db,
    sql`with inserted as (
          insert into break_glass_access (id, user_id, membership_id, minor_id, reason, expires_at)
          values (${id}, ${values.userId}, ${values.membershipId}, ${values.minorId}, ${values.reason},
            now() + make_interval(hours => ${breakGlassHours}))
          returning *)
        select ${accessColumns} from inserted b join minor m on m.id = b.minor_id`,
  );
  return asAccess(row);
}

/** The emergency access, still running, that this role of this person holds on this minor. */
export async function findActiveBreakGlass(db: Executor, membershipId: string, minorId: string) {
  const [row] = await queryRows<{ id: string }>(
    db,
    sql`select id from break_glass_access
        where membership_id = ${membershipId} and minor_id = ${minorId} and expires_at > now()
        order by opened_at desc limit 1`,
  );
  return row;
}

export async function listBreakGlassOfUser(db: Executor, userId: string) {
  const rows = await queryRows<AccessRow>(
    db,
    sql`select ${accessColumns} from break_glass_access b join minor m on m.id = b.minor_id
        where b.user_id = ${userId} order by b.opened_at desc limit 200`,
  );
  return rows.map(asAccess);
}

type ReviewRow = AccessRow & {
  username: string;
  displayName: string;
  role: string;
  organisationCode: string;
  organisationName: string;
  identityReads: number;
  reviewedBy: string | null;
  reviewedAt: Date | string | null;
};

export async function listBreakGlassForReview(
  db: Executor,
  state: "pending" | "accepted" | "questioned" | "all",
) {
  const rows = await queryRows<ReviewRow>(
    db,
    sql`select ${accessColumns}, u.username, u.display_name as "displayName", ms.role,
          o.code as "organisationCode", o.name as "organisationName",
          (select count(*)::int from audit_entry a
            where a.action = 'registry.identity-read' and a.details->>'breakGlassId' = b.id::text) as "identityReads",
          r.username as "reviewedBy", b.reviewed_at as "reviewedAt"
        from break_glass_access b join minor m on m.id = b.minor_id join app_user u on u.id = b.user_id
          join membership ms on ms.id = b.membership_id join organisation o on o.id = ms.organisation_id
          left join app_user r on r.id = b.reviewed_by
        where ${state === "all" ? sql`true` : sql`b.review_state = ${state}`}
        order by b.opened_at asc limit 500`,
  );
  return rows.map((row) => ({ ...asAccess(row), reviewedAt: instant(row.reviewedAt) }));
}

/** Records the auditor's decision once; a decided access is not decided again. */
export async function decideBreakGlass(
  db: Executor,
  id: string,
  reviewerId: string,
  decision: "accepted" | "questioned",
  note: string,
) {
  const rows = await queryRows<{ id: string; minorId: string; pseudonym: string }>(
    db,
    sql`update break_glass_access b set review_state = ${decision}, reviewed_by = ${reviewerId},
          reviewed_at = now(), review_note = ${note}
        from minor m where m.id = b.minor_id and b.id = ${id} and b.review_state = 'pending'
        returning b.id, b.minor_id as "minorId", m.pseudonym`,
  );
  return rows[0];
}

/** Of these minors, those on which this role of this person holds a running emergency access, with its id. */
export async function findActiveBreakGlassOfMinors(
  db: Executor,
  membershipId: string,
  minorIds: string[],
): Promise<Map<string, string>> {
  if (minorIds.length === 0) return new Map();
  const rows = await queryRows<{ id: string; minorId: string }>(
    db,
    sql`select distinct on (minor_id) id, minor_id as "minorId" from break_glass_access
        where membership_id = ${membershipId} and expires_at > now()
          and minor_id in (${sql.join(
            minorIds.map((id) => sql`${id}::uuid`),
            sql`, `,
          )})
        order by minor_id, opened_at desc`,
  );
  return new Map(rows.map((row) => [row.minorId, row.id]));
}
