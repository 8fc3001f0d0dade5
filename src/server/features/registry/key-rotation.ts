import { randomBytes } from "node:crypto";
import { ne, sql } from "drizzle-orm";
import type { Database } from "../../../db/database.ts";
import { identityVault } from "../../../db/schema/index.ts";
import type { AuditSubject } from "../../core/actor.ts";
import { appendAuditEntry } from "../../core/audit.queries.ts";
import { type Keyring, type KeyringFile, keyringOf, newKeyId } from "../../core/vault-keys.ts";
import { openIdentity, sealIdentity } from "./identity-vault.ts";
import { replaceVaultRow } from "./registry.queries.ts";

/** A new active encryption key; old keys stay until no row needs them. The index key never changes. */
export function withNewActiveKey(file: KeyringFile): KeyringFile {
  const id = newKeyId();
  return {
    ...file,
    activeKeyId: id,
    encryptionKeys: { ...file.encryptionKeys, [id]: randomBytes(32).toString("base64") },
  };
}

/**
 * Other personal data sealed under the vault's keys (the foster carers of the case files): the
 * caller passes their re-encryption, so that the registry does not depend on those features.
 */
export type SealedElsewhere = (
  db: Database,
  keyring: Keyring,
  batchSize: number,
) => Promise<{ reencrypted: number }>;

/**
 * Re-encrypts every vault row still sealed with an older key, a batch per transaction, so that
 * an interruption loses nothing and a second run finishes the work; then the foster carers, kept
 * under the same keys.
 */
export async function reencryptVault(
  db: Database,
  file: KeyringFile,
  subject: AuditSubject,
  onProgress: (done: number, total: number) => void = () => {},
  batchSize = 500,
  fosterCarers: SealedElsewhere = async () => ({ reencrypted: 0 }),
) {
  const keyring = keyringOf(file);
  const [{ total }] = (await db
    .select({ total: sql<number>`count(*)::int` })
    .from(identityVault)
    .where(ne(identityVault.keyId, keyring.activeKeyId))) as { total: number }[];
  let done = 0;
  for (;;) {
    const rows = await db.transaction(async (tx) => {
      const batch = await tx
        .select()
        .from(identityVault)
        .where(ne(identityVault.keyId, keyring.activeKeyId))
        .limit(batchSize)
        .for("update", { skipLocked: true });
      for (const row of batch)
        await replaceVaultRow(tx, sealIdentity(keyring, row.minorId, openIdentity(keyring, row)));
      return batch.length;
    });
    done += rows;
    onProgress(done, total);
    if (rows === 0) break;
  }
  const carers = await fosterCarers(db, keyring, batchSize);
  await db.transaction((tx) =>
    appendAuditEntry(tx, subject, {
      action: "keys.rotate",
      resourceType: "identity-vault",
      outcome: "success",
      details: { activeKeyId: keyring.activeKeyId, reencrypted: done, fosterCarers: carers.reencrypted },
    }),
  );
  return { reencrypted: done, fosterCarers: carers.reencrypted, activeKeyId: keyring.activeKeyId };
}
