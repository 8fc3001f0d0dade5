import { baseFiscalCode } from "../../../domain/identity/fiscal-code.ts";
import { birthDateVariants, blockingKeys, normaliseName } from "../../../domain/registry/name-matching.ts";
import { blindIndex } from "../../core/vault-crypto.ts";
import type { Keyring } from "../../core/vault-keys.ts";
import {
  type IndexEntry,
  type IndexKind,
  normaliseIdentifier,
  type StoredIdentity,
} from "./identity-vault.ts";

type Named = { familyName: string; givenName: string; birthDate: string; sex: "M" | "F" };

/**
 * The blind indexes a batch of resolutions needs, each keyed digest computed once: an identity's
 * lookups when the batch is prepared and its stored entries when it is accepted share most of
 * them. The values are those of identity-vault.ts (indexEntriesOf, fiscalCodeDigest, otherIdDigest).
 */
export class BatchIdentityDigests {
  private readonly digests = new Map<string, string>();
  /** blockingKeys of each name and birth date met: phonetic keys are the costly part. */
  private readonly blockKeys = new Map<string, string[]>();

  constructor(private readonly keyring: Keyring) {}

  digest(kind: string, value: string): string {
    const key = `${kind}\u0000${value}`;
    let digest = this.digests.get(key);
    if (digest === undefined) {
      digest = blindIndex(this.keyring, kind, value);
      this.digests.set(key, digest);
    }
    return digest;
  }

  fiscalCode(fiscalCode: string) {
    return this.digest("fiscal-code", fiscalCode);
  }

  fiscalCodeBase(fiscalCode: string) {
    return this.digest("fiscal-code-base", baseFiscalCode(fiscalCode));
  }

  otherId(other: { kind: string; value: string }) {
    return this.digest("other-id", `${other.kind}:${normaliseIdentifier(other.value)}`);
  }

  /**
   * The block digests looked up for an identity: the keys of lookupBlockingKeys, in its order. The
   * keys of a date variant differ from those of the date as written only by their date prefix, so
   * the names' phonetic keys are computed once instead of once per variant.
   */
  lookupBlocks(named: Named): string[] {
    const written = this.writtenBlocks(named);
    const keys = new Set(written);
    const suffixes = written.map((key) => key.slice(named.birthDate.length));
    for (const variant of birthDateVariants(named.birthDate))
      for (const suffix of suffixes) keys.add(`${variant}${suffix}`);
    return [...keys].map((key) => this.digest("block", key));
  }

  private writtenBlocks(named: Named): string[] {
    const key = `${named.familyName}\u0000${named.givenName}\u0000${named.birthDate}\u0000${named.sex}`;
    let keys = this.blockKeys.get(key);
    if (keys === undefined) {
      keys = blockingKeys(named);
      this.blockKeys.set(key, keys);
    }
    return keys;
  }

  /** indexEntriesOf, with the digests shared with the lookups. */
  entriesOf(identity: StoredIdentity): IndexEntry[] {
    const entries: IndexEntry[] = [];
    const push = (kind: IndexKind, digest: string) => entries.push({ kind, digest });
    if (identity.fiscalCode) {
      push("fiscal-code", this.fiscalCode(identity.fiscalCode));
      if (identity.fiscalCode.length === 16)
        push("fiscal-code-base", this.fiscalCodeBase(identity.fiscalCode));
    }
    for (const other of identity.otherIds ?? []) push("other-id", this.otherId(other));
    if (identity.familyName && identity.givenName && identity.birthDate) {
      const named: Named = {
        familyName: identity.familyName,
        givenName: identity.givenName,
        birthDate: identity.birthDate,
        sex: identity.sex,
      };
      push(
        "name-birth",
        this.digest(
          "name-birth",
          `${normaliseName(named.familyName)}|${normaliseName(named.givenName)}|${named.birthDate}|${named.sex}`,
        ),
      );
      for (const key of this.writtenBlocks(named)) push("block", this.digest("block", key));
    }
    const unique = new Map(entries.map((entry) => [`${entry.kind}|${entry.digest}`, entry]));
    return [...unique.values()];
  }
}
