import type { Database } from "../../../db/database.ts";
import { AppError, type AppErrorCode } from "../../../domain/errors/app-error.ts";
import {
  italianMessage,
  normaliseFiscalCode,
  validateFiscalCode,
} from "../../../domain/identity/fiscal-code.ts";
import type { LookupInput } from "../../../domain/registry/registry-api.schema.ts";
import type { Actor } from "../../core/actor.ts";
import { appendAuditEntry } from "../../core/audit.queries.ts";
import { authorize } from "../../core/authorization.ts";
import type { Keyring } from "../../core/vault-keys.ts";
import { fiscalCodeDigest, nameBirthDigest, openIdentity } from "./identity-vault.ts";
import { canSeeMinor } from "./minor-identity.service.ts";
import { findMinorByPseudonym, findMinorsByIndex, findVaultRows } from "./registry.queries.ts";

/**
 * Exact search for admission or taking in charge: by fiscal code as written, or by names, birth
 * date and sex exactly. It tells whether the child exists and who they are, never who else has
 * them in charge. Every search is audited with its purpose, found or not.
 */
export async function lookUpMinor(db: Database, keyring: Keyring, actor: Actor, input: LookupInput) {
  authorize(actor, "registry.lookup");
  let digest: { kind: "fiscal-code" | "name-birth"; value: string };
  if ("fiscalCode" in input) {
    const validation = validateFiscalCode(input.fiscalCode);
    if (!validation.ok) {
      const message = italianMessage(validation.problem);
      throw new AppError("fiscal-code-invalid" as AppErrorCode, message, [
        { path: "/fiscalCode", code: "fiscal-code-invalid", message },
      ]);
    }
    digest = { kind: "fiscal-code", value: fiscalCodeDigest(keyring, normaliseFiscalCode(input.fiscalCode)) };
  } else {
    digest = { kind: "name-birth", value: nameBirthDigest(keyring, input) };
  }
  return db.transaction(async (tx) => {
    const hits = [
      ...new Map(
        (await findMinorsByIndex(tx, digest.kind, [digest.value])).map((hit) => [hit.minorId, hit]),
      ).values(),
    ];
    if (hits.length !== 1) {
      await appendAuditEntry(tx, actor, {
        action: "registry.lookup",
        resourceType: "minor",
        purpose: input.purpose,
        outcome: "success",
        details: { by: digest.kind, found: hits.length },
      });
      return { found: false as const, ambiguous: hits.length > 1, minor: null };
    }
    const [hit] = hits;
    const [row] = await findVaultRows(tx, [hit.minorId]);
    const identity = openIdentity(keyring, row);
    await appendAuditEntry(tx, actor, {
      action: "registry.lookup",
      resourceType: "minor",
      resourceId: hit.minorId,
      minorPseudonym: hit.pseudonym,
      purpose: input.purpose,
      outcome: "success",
      details: { by: digest.kind, found: 1, identityRead: true },
    });
    return { found: true as const, ambiguous: false, minor: { pseudonym: hit.pseudonym, identity } };
  });
}

/** Outside the vault: pseudonym and non-identifying attributes, within the caller's scope. */
export async function getPseudonymousMinor(db: Database, actor: Actor, pseudonym: string, today: string) {
  // The role first: a role without the permission is refused alike for known and unknown minors.
  authorize(actor, "registry.read");
  const minor = await findMinorByPseudonym(db, pseudonym);
  if (!minor || !(await canSeeMinor(db, actor, minor.id, today)))
    throw new AppError("not-found", "Il minore richiesto non esiste.");
  return {
    pseudonym: minor.pseudonym,
    sex: minor.sex as "M" | "F",
    birthYearMonth: minor.birthYearMonth,
    citizenship: minor.citizenship,
    residenceComune: minor.residenceComune,
    isPossibleDuplicate: minor.isPossibleDuplicate,
  };
}
