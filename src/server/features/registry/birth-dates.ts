import { and, asc, eq, gt, isNotNull, isNull } from "drizzle-orm";
import type { Database } from "../../../db/database.ts";
import { identityVault, minor } from "../../../db/schema/index.ts";
import type { AuditSubject } from "../../core/actor.ts";
import { type AuditRecord, appendAuditEntries } from "../../core/audit.queries.ts";
import type { Keyring } from "../../core/vault-keys.ts";
import { openIdentity } from "./identity-vault.ts";

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Fills the birth date of the minors recorded before it joined the pseudonymous record (reports
 * compute ages in completed years from it), reading it from the vault: a batch per transaction,
 * each identity read recorded in the access log, in the same transaction, as the Region's read
 * for statistics. Nothing to do costs one query; an interruption loses nothing and the
 * next start goes on.
 */
export async function fillBirthDates(
  db: Database,
  keyring: Keyring,
  subject: AuditSubject,
  batchSize = 500,
): Promise<{ read: number }> {
  let read = 0;
  let after = "00000000-0000-0000-0000-000000000000";
  for (;;) {
    const batch = await db.transaction(async (tx) => {
      const rows = await tx
        .select({ vault: identityVault, pseudonym: minor.pseudonym })
        .from(identityVault)
        .innerJoin(minor, eq(minor.id, identityVault.minorId))
        .where(
          and(isNull(minor.birthDate), isNotNull(identityVault.birthDate), gt(identityVault.minorId, after)),
        )
        .orderBy(asc(identityVault.minorId))
        .limit(batchSize)
        // Two servers starting together share the work.
        .for("update", { of: minor, skipLocked: true });
      const reads: AuditRecord[] = [];
      for (const { vault, pseudonym } of rows) {
        const birthDate = openIdentity(keyring, vault).birthDate;
        reads.push({
          action: "registry.birth-dates",
          resourceType: "minor",
          resourceId: vault.minorId,
          minorPseudonym: pseudonym,
          purpose: "statistics",
          outcome: "success",
        });
        if (!birthDate || !isoDate.test(birthDate)) continue;
        await tx.update(minor).set({ birthDate }).where(eq(minor.id, vault.minorId));
      }
      await appendAuditEntries(tx, subject, reads);
      return { read: rows.length, last: rows.at(-1)?.vault.minorId };
    });
    read += batch.read;
    if (batch.read < batchSize || !batch.last) break;
    after = batch.last;
  }
  return { read };
}
