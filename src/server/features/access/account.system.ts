import type { Database } from "../../../db/database.ts";
import { AppError } from "../../../domain/errors/app-error.ts";
import { validateFiscalCode } from "../../../domain/identity/index.ts";
import type { SystemActor } from "../../core/actor.ts";
import { appendAuditEntry } from "../../core/audit.queries.ts";
import type { Keyring } from "../../core/vault-keys.ts";
import { findUserByUsername } from "./access.queries.ts";
import { findUserByFiscalCodeDigest, updateAccount } from "./account.queries.ts";
import { fiscalCodeDigest, newTemporaryPassword } from "./account-digests.ts";
import { hashPassword } from "./passwords.ts";
import { deleteSessionsOfUser } from "./session.queries.ts";

async function getUser(db: Database, username: string) {
  const user = await findUserByUsername(db, username);
  if (!user) throw new AppError("not-found", `L'utente ${username} non esiste.`);
  return user;
}

/** Command line only: a temporary password for any user, sessions closed, change forced. */
export async function resetPasswordSystem(db: Database, subject: SystemActor, username: string) {
  const user = await getUser(db, username);
  const temporaryPassword = newTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  await db.transaction(async (tx) => {
    await updateAccount(tx, user.id, {
      passwordHash,
      mustChangePassword: true,
      failedLoginCount: 0,
      lockedUntil: null,
    });
    const closed = await deleteSessionsOfUser(tx, user.id);
    await appendAuditEntry(tx, subject, {
      action: "user.password-reset",
      resourceType: "user",
      resourceId: user.id,
      outcome: "success",
      details: { closedSessions: closed, byCommandLine: true },
    });
  });
  return { temporaryPassword };
}

/** Command line only: the fiscal code a user signs in with through the provider, kept as a digest. */
export async function setFiscalCodeSystem(
  db: Database,
  keyring: Keyring,
  subject: SystemActor,
  username: string,
  fiscalCode: string,
) {
  const validation = validateFiscalCode(fiscalCode);
  if (!validation.ok || validation.kind !== "personal") throw new AppError("fiscal-code-invalid");
  const user = await getUser(db, username);
  const digest = fiscalCodeDigest(keyring, validation.code);
  await db.transaction(async (tx) => {
    const holder = await findUserByFiscalCodeDigest(tx, digest);
    if (holder && holder.id !== user.id)
      throw new AppError("conflict", "Esiste già un utente con questo codice fiscale.");
    await updateAccount(tx, user.id, { fiscalCodeDigest: digest });
    await appendAuditEntry(tx, subject, {
      action: "user.set-fiscal-code",
      resourceType: "user",
      resourceId: user.id,
      outcome: "success",
      details: { byCommandLine: true },
    });
  });
}
