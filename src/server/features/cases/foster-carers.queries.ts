import { and, asc, eq, ne, sql } from "drizzle-orm";
import { type Executor, queryRows } from "../../../db/database.ts";
import { fosterCarer } from "../../../db/schema/index.ts";
import type { FosterCarer } from "../../../domain/cases/case-event.schema.ts";
import { blindIndex, openField, sealField } from "../../core/vault-crypto.ts";
import type { Keyring } from "../../core/vault-keys.ts";

/**
 * The foster carers (affidatari) as the vault keeps a minor's identity: every field sealed on its
 * own under the active key, bound to its row and field (the AES-GCM context), the fiscal code
 * findable only by its blind index. Nothing of them is ever written in clear.
 */
export type FosterCarerRow = typeof fosterCarer.$inferSelect;

const contextOf = (sourceEventId: string, position: number, field: string) =>
  `foster-carer|${sourceEventId}|${position}|${field}`;

export function fosterCarerDigest(keyring: Keyring, fiscalCode: string) {
  return blindIndex(keyring, "foster-carer-fiscal-code", fiscalCode.trim().toUpperCase());
}

export function sealFosterCarer(
  keyring: Keyring,
  where: { sourceEventId: string; position: number; episodeId: string; caseId: string },
  carer: FosterCarer,
): FosterCarerRow {
  const seal = (field: string, value: string) =>
    sealField(keyring, contextOf(where.sourceEventId, where.position, field), value);
  return {
    ...where,
    keyId: keyring.activeKeyId,
    familyName: seal("familyName", carer.familyName),
    givenName: seal("givenName", carer.givenName),
    fiscalCode: carer.fiscalCode ? seal("fiscalCode", carer.fiscalCode) : null,
    relationship: seal("relationship", carer.relationship),
    contact: carer.contact ? seal("contact", JSON.stringify(carer.contact)) : null,
    fiscalCodeDigest: carer.fiscalCode ? fosterCarerDigest(keyring, carer.fiscalCode) : null,
  };
}

export function openFosterCarer(keyring: Keyring, row: FosterCarerRow): FosterCarer {
  const open = (field: string, value: string) =>
    openField(keyring, row.keyId, contextOf(row.sourceEventId, row.position, field), value);
  const contact = row.contact ? open("contact", row.contact) : undefined;
  return {
    familyName: open("familyName", row.familyName),
    givenName: open("givenName", row.givenName),
    ...(row.fiscalCode ? { fiscalCode: open("fiscalCode", row.fiscalCode) } : {}),
    relationship: open("relationship", row.relationship) as FosterCarer["relationship"],
    ...(contact ? { contact: JSON.parse(contact) } : {}),
  };
}

export async function insertFosterCarers(db: Executor, rows: FosterCarerRow[]) {
  if (rows.length > 0) await db.insert(fosterCarer).values(rows);
}

/**
 * The carers of an episode: those of the latest accepted, not voided fact that carried them (its
 * start or a correction of it), in the order given.
 */
export async function findCarersOfEpisode(db: Executor, caseId: string, episodeId: string) {
  const [latest] = await queryRows<{ sourceEventId: string }>(
    db,
    sql`select f.source_event_id as "sourceEventId" from foster_carer f join case_event e on e.id = f.source_event_id
        where f.case_id = ${caseId} and f.episode_id = ${episodeId} and e.status = 'accepted'
          and not exists (select 1 from case_event v where v.case_id = e.case_id and v.status = 'accepted'
            and v.type = 'void' and v.payload->>'voids' = e.id::text)
        order by e.arrival desc limit 1`,
  );
  if (!latest) return [];
  return db
    .select()
    .from(fosterCarer)
    .where(eq(fosterCarer.sourceEventId, latest.sourceEventId))
    .orderBy(asc(fosterCarer.position));
}

/** The foster-care-start event of this case with this id, accepted and not voided. */
export async function findFosterCareEpisode(db: Executor, caseId: string, episodeId: string) {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select e.id from case_event e where e.id = ${episodeId} and e.case_id = ${caseId}
          and e.status = 'accepted' and e.type = 'foster-care-start'
          and not exists (select 1 from case_event v where v.case_id = e.case_id and v.status = 'accepted'
            and v.type = 'void' and v.payload->>'voids' = e.id::text)`,
  );
  return rows[0];
}

/** A batch of carer rows sealed with an older key, locked for re-encryption. */
export async function lockCarersUnderOldKeys(db: Executor, activeKeyId: string, limit: number) {
  return db
    .select()
    .from(fosterCarer)
    .where(ne(fosterCarer.keyId, activeKeyId))
    .limit(limit)
    .for("update", { skipLocked: true });
}

export async function countCarersUnderOldKeys(db: Executor, activeKeyId: string) {
  const [row] = await queryRows<{ total: number }>(
    db,
    sql`select count(*)::int as total from foster_carer where key_id <> ${activeKeyId}`,
  );
  return row.total;
}

export async function replaceFosterCarer(db: Executor, row: FosterCarerRow) {
  const { sourceEventId, position, ...fields } = row;
  await db
    .update(fosterCarer)
    .set(fields)
    .where(and(eq(fosterCarer.sourceEventId, sourceEventId), eq(fosterCarer.position, position)));
}
