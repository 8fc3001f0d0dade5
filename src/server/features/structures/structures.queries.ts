import { and, asc, desc, eq, type SQL, sql } from "drizzle-orm";
import { type Executor, queryRows } from "../../../db/database.ts";
import { appUser, comune, structure, structureChange, structureVersion } from "../../../db/schema/index.ts";
import type { StructureRecord } from "../../../domain/structures/structure.schema.ts";

export type StructureListFilter = {
  q?: string;
  zone?: string;
  nationalType?: string;
  status?: string;
  expiringBefore?: string;
  /** As it was on this day (latest validFrom ≤ day); otherwise the latest version. */
  onDate?: string;
  offset: number;
  limit: number;
};

/** The version of each structure in force on a day, or the latest one. */
function versionInForce(onDate: string | undefined) {
  const latest = sql`(
    select distinct on (v.structure_id) v.*
    from structure_version v
    ${onDate ? sql`where v.valid_from <= ${onDate}` : sql``}
    order by v.structure_id, ${onDate ? sql`v.valid_from desc,` : sql``} v.version desc
  )`;
  return latest;
}

const summaryColumns = sql`
  structure.id, structure.code, v.status, v.name, v.national_type as "nationalType", v.regional_type as "regionalType",
  v.comune, c.name as "comuneName", c.province_abbreviation as "provinceAbbreviation",
  z.code as "zoneCode", z.name as "zoneName",
  v.authorised_places as "authorisedPlaces", v.emergency_extra_places as "emergencyExtraPlaces",
  v.authorisation_expires_on::text as "authorisationExpiresOn", v.valid_from::text as "validFrom",
  v.version,
  exists (select 1 from structure_change sc where sc.structure_id = structure.id and sc.state = 'pending') as "hasPendingChange"`;

export type StructureSummaryRow = {
  id: string;
  code: string | null;
  status: string;
  name: string;
  nationalType: string;
  regionalType: string;
  comune: string;
  comuneName: string | null;
  provinceAbbreviation: string | null;
  zoneCode: string | null;
  zoneName: string | null;
  authorisedPlaces: number;
  emergencyExtraPlaces: number;
  authorisationExpiresOn: string | null;
  validFrom: string;
  version: number;
  hasPendingChange: boolean;
};

export async function listStructures(db: Executor, scopeCondition: SQL, filter: StructureListFilter) {
  const conditions: SQL[] = [scopeCondition];
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(
      sql`(v.name ilike ${pattern} or structure.code ilike ${pattern} or c.name ilike ${pattern})`,
    );
  }
  if (filter.zone) conditions.push(sql`z.code = ${filter.zone}`);
  if (filter.nationalType) conditions.push(sql`v.national_type = ${filter.nationalType}`);
  if (filter.status) conditions.push(sql`v.status = ${filter.status}`);
  if (filter.expiringBefore) {
    conditions.push(
      sql`v.authorisation_expires_on is not null and v.authorisation_expires_on <= ${filter.expiringBefore}`,
    );
  }
  const where = sql.join(conditions, sql` and `);
  const rows = await queryRows<StructureSummaryRow & { totalCount: number }>(
    db,
    sql`
    select ${summaryColumns}, count(*) over ()::int as "totalCount"
    from structure
    join ${versionInForce(filter.onDate)} v on v.structure_id = structure.id
    left join comune c on c.istat_code = v.comune
    left join zone_comune zc on zc.comune_code = v.comune
    left join zone z on z.code = zc.zone_code
    where ${where}
    order by v.name, structure.id
    offset ${filter.offset} limit ${filter.limit}`,
  );
  return { rows, total: rows[0]?.totalCount ?? 0 };
}

export async function findStructureInScope(db: Executor, scopeCondition: SQL, id: string, onDate?: string) {
  const rows = await queryRows<
    StructureSummaryRow & {
      operatorOrganisationId: string;
      reviewNote: string | null;
      currentStatus: string;
      record: StructureRecord;
    }
  >(
    db,
    sql`
    select ${summaryColumns}, structure.operator_organisation_id as "operatorOrganisationId", structure.review_note as "reviewNote",
      structure.status as "currentStatus", v.record
    from structure
    join ${versionInForce(onDate)} v on v.structure_id = structure.id
    left join comune c on c.istat_code = v.comune
    left join zone_comune zc on zc.comune_code = v.comune
    left join zone z on z.code = zc.zone_code
    where structure.id = ${id} and ${scopeCondition}`,
  );
  return rows[0];
}

/** Locks the structure row for the rest of the transaction: edits and decisions serialise. */
export async function lockStructure(db: Executor, id: string) {
  const [row] = await db.select().from(structure).where(eq(structure.id, id)).for("update");
  return row;
}

export async function findCurrentVersion(db: Executor, structureId: string) {
  const [row] = await db
    .select()
    .from(structureVersion)
    .where(eq(structureVersion.structureId, structureId))
    .orderBy(desc(structureVersion.version))
    .limit(1);
  return row;
}

export async function listVersions(db: Executor, structureId: string) {
  return db
    .select({
      version: structureVersion.version,
      validFrom: structureVersion.validFrom,
      recordedAt: structureVersion.recordedAt,
      recordedBy: appUser.username,
      changeId: structureVersion.changeId,
      record: structureVersion.record,
    })
    .from(structureVersion)
    .leftJoin(appUser, eq(appUser.id, structureVersion.recordedBy))
    .where(eq(structureVersion.structureId, structureId))
    .orderBy(asc(structureVersion.version));
}

export async function insertStructure(db: Executor, values: typeof structure.$inferInsert) {
  await db.insert(structure).values(values);
}

export async function updateStructure(
  db: Executor,
  id: string,
  values: Partial<Pick<typeof structure.$inferInsert, "code" | "status" | "currentVersion" | "reviewNote">>,
) {
  await db.update(structure).set(values).where(eq(structure.id, id));
}

export async function insertVersion(
  db: Executor,
  values: {
    id: string;
    structureId: string;
    version: number;
    recordedBy: string | null;
    changeId: string | null;
    record: StructureRecord;
  },
) {
  const record = values.record;
  await db.insert(structureVersion).values({
    ...values,
    validFrom: record.validFrom,
    name: record.name,
    status: record.status,
    regionalType: record.regionalType,
    nationalType: record.nationalType,
    comune: record.address.comune,
    authorisedPlaces: record.authorisedPlaces,
    emergencyExtraPlaces: record.emergencyExtraPlaces,
    authorisationExpiresOn: record.authorisation.expiresOn,
  });
}

/** The next free regional code; codes brought in by an import are skipped. */
export async function nextStructureCode(db: Executor): Promise<string> {
  for (;;) {
    const [{ n }] = await queryRows<{ n: number }>(
      db,
      sql`select nextval('structure_code_sequence')::int as n`,
    );
    const code = `ST${String(n).padStart(6, "0")}`;
    if (!(await findStructureByCode(db, code))) return code;
  }
}

export async function findStructureByCode(db: Executor, code: string) {
  const [row] = await db.select().from(structure).where(eq(structure.code, code)).limit(1);
  return row;
}

export async function findPendingChange(db: Executor, structureId: string) {
  const [row] = await db
    .select()
    .from(structureChange)
    .where(and(eq(structureChange.structureId, structureId), eq(structureChange.state, "pending")))
    .limit(1);
  return row;
}

export async function findChangeForUpdate(db: Executor, changeId: string) {
  const [row] = await db.select().from(structureChange).where(eq(structureChange.id, changeId)).for("update");
  return row;
}

export async function insertChange(db: Executor, values: typeof structureChange.$inferInsert) {
  await db.insert(structureChange).values(values);
}

export async function closeChange(
  db: Executor,
  id: string,
  values: { state: "approved" | "returned" | "superseded"; decidedBy: string | null; reason: string | null },
) {
  await db
    .update(structureChange)
    .set({ ...values, decidedAt: sql`now()` })
    .where(eq(structureChange.id, id));
}

type ChangeRow = {
  id: string;
  kind: string;
  state: string;
  structureId: string;
  structureCode: string | null;
  proposed: StructureRecord;
  changedFields: string[];
  requestedAt: string;
  requestedBy: string | null;
  reason: string | null;
  current: StructureRecord;
};

export async function listChanges(db: Executor, scopeCondition: SQL, state: string) {
  return queryRows<ChangeRow>(
    db,
    sql`
    select sc.id, sc.kind, sc.state, sc.structure_id as "structureId", structure.code as "structureCode",
      sc.proposed, sc.changed_fields as "changedFields", sc.requested_at as "requestedAt",
      u.username as "requestedBy", sc.reason, cv.record as "current"
    from structure_change sc
    join structure on structure.id = sc.structure_id
    join structure_version cv on cv.structure_id = structure.id and cv.version = structure.current_version
    left join app_user u on u.id = sc.requested_by
    where sc.state = ${state} and ${scopeCondition}
    order by sc.requested_at`,
  );
}

export async function comuneExists(db: Executor, code: string) {
  const [row] = await db
    .select({ code: comune.istatCode })
    .from(comune)
    .where(eq(comune.istatCode, code))
    .limit(1);
  return row !== undefined;
}
