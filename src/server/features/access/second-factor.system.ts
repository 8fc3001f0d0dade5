import type { Database } from "../../../db/database.ts";
import { AppError } from "../../../domain/errors/app-error.ts";
import type { SystemActor } from "../../core/actor.ts";
import { appendAuditEntry } from "../../core/audit.queries.ts";
import type { Keyring } from "../../core/vault-keys.ts";
import { findUserByUsername } from "./access.queries.ts";
import { replaceRecoveryCodes, updateAccount } from "./account.queries.ts";
import { newRecoveryCodes, recoveryCodeDigest } from "./account-digests.ts";
import { newTotpSecret, otpauthUri, sealTotpSecret } from "./second-factor.ts";

/**
 * Enrols a second factor for a user from the command line (`sirmi user enrol-second-factor`),
 * for whoever runs the installation: the secret and the recovery codes are printed once. It
 * replaces any earlier one, and bypasses the confirmation with a first code that the web app asks.
 */
export async function enrolSecondFactorSystem(
  db: Database,
  keyring: Keyring,
  subject: SystemActor,
  input: { username: string; issuer: string },
) {
  const user = await findUserByUsername(db, input.username);
  if (!user) throw new AppError("not-found", `L'utente ${input.username} non esiste.`);
  const secret = newTotpSecret();
  const sealed = sealTotpSecret(keyring, user.id, secret);
  const recoveryCodes = newRecoveryCodes();
  await db.transaction(async (tx) => {
    await updateAccount(tx, user.id, {
      totpSecretSealed: sealed.sealed,
      totpKeyId: sealed.keyId,
      totpPendingSealed: null,
      totpPendingKeyId: null,
      totpLastStep: null,
    });
    await replaceRecoveryCodes(
      tx,
      user.id,
      recoveryCodes.map((code) => recoveryCodeDigest(keyring, user.id, code)),
    );
    await appendAuditEntry(tx, subject, {
      action: "user.second-factor-enrol",
      resourceType: "user",
      resourceId: user.id,
      outcome: "success",
      details: { recoveryCodes: recoveryCodes.length, byCommandLine: true },
    });
  });
  return { secret, otpauthUri: otpauthUri(secret, user.username, input.issuer), recoveryCodes };
}
