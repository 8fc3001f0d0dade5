import { baseFiscalCode } from "../../../domain/identity/fiscal-code.ts";
import type { CheckedIdentity } from "../../../domain/registry/minor-identity.ts";
import { blockingKeys, normaliseName } from "../../../domain/registry/name-matching.ts";
import { blindIndex, openField, sealField } from "../../core/vault-crypto.ts";
import type { Keyring } from "../../core/vault-keys.ts";

export type StoredIdentity = {
  fiscalCode?: string;
  otherIds?: { kind: string; value: string }[];
  familyName?: string;
  givenName?: string;
  sex: "M" | "F";
  birthDate?: string;
  birthPlace?: { comune: string } | { country: string };
  citizenship?: string;
};

export type VaultRow = {
  minorId: string;
  keyId: string;
  fiscalCode: string | null;
  familyName: string | null;
  givenName: string | null;
  sex: string;
  birthDate: string | null;
  birthPlace: string | null;
  citizenship: string | null;
  otherIds: string | null;
};

const sealedFields = [
  "fiscalCode",
  "familyName",
  "givenName",
  "birthDate",
  "birthPlace",
  "citizenship",
  "otherIds",
] as const;

function plainValue(identity: StoredIdentity, field: (typeof sealedFields)[number]): string | undefined {
  const value = identity[field];
  if (value === undefined) return undefined;
  return typeof value === "string" ? value : JSON.stringify(value);
}

export function sealIdentity(keyring: Keyring, minorId: string, identity: StoredIdentity): VaultRow {
  const row: VaultRow = {
    minorId,
    keyId: keyring.activeKeyId,
    fiscalCode: null,
    familyName: null,
    givenName: null,
    sex: sealField(keyring, `${minorId}|sex`, identity.sex),
    birthDate: null,
    birthPlace: null,
    citizenship: null,
    otherIds: null,
  };
  for (const field of sealedFields) {
    const value = plainValue(identity, field);
    if (value !== undefined) row[field] = sealField(keyring, `${minorId}|${field}`, value);
  }
  return row;
}

export function openIdentity(keyring: Keyring, row: VaultRow): StoredIdentity {
  const open = (field: string, value: string | null) =>
    value === null ? undefined : openField(keyring, row.keyId, `${row.minorId}|${field}`, value);
  const birthPlace = open("birthPlace", row.birthPlace);
  const otherIds = open("otherIds", row.otherIds);
  return {
    fiscalCode: open("fiscalCode", row.fiscalCode),
    otherIds: otherIds ? JSON.parse(otherIds) : undefined,
    familyName: open("familyName", row.familyName),
    givenName: open("givenName", row.givenName),
    sex: open("sex", row.sex) as "M" | "F",
    birthDate: open("birthDate", row.birthDate),
    birthPlace: birthPlace ? JSON.parse(birthPlace) : undefined,
    citizenship: open("citizenship", row.citizenship),
  };
}

export function storedIdentityOf(identity: CheckedIdentity): StoredIdentity {
  return {
    fiscalCode: identity.fiscalCode,
    otherIds: identity.otherIds?.map((other) => ({
      kind: other.kind,
      value: normaliseIdentifier(other.value),
    })),
    familyName: identity.familyName,
    givenName: identity.givenName,
    sex: identity.sex,
    birthDate: identity.birthDate,
    birthPlace: identity.birthPlace,
    citizenship: identity.citizenship,
  };
}

export function normaliseIdentifier(value: string): string {
  return value.replace(/\s+/g, "").toUpperCase();
}

export type IndexKind = "fiscal-code" | "fiscal-code-base" | "other-id" | "name-birth" | "block";
export type IndexEntry = { kind: IndexKind; digest: string };

export function fiscalCodeDigest(keyring: Keyring, fiscalCode: string) {
  return blindIndex(keyring, "fiscal-code", fiscalCode);
}

export function otherIdDigest(keyring: Keyring, other: { kind: string; value: string }) {
  return blindIndex(keyring, "other-id", `${other.kind}:${normaliseIdentifier(other.value)}`);
}

export function nameBirthDigest(
  keyring: Keyring,
  identity: { familyName: string; givenName: string; birthDate: string; sex: string },
) {
  return blindIndex(
    keyring,
    "name-birth",
    `${normaliseName(identity.familyName)}|${normaliseName(identity.givenName)}|${identity.birthDate}|${identity.sex}`,
  );
}

/** Every blind index of an identity; only these are stored outside the vault. */
export function indexEntriesOf(keyring: Keyring, identity: StoredIdentity): IndexEntry[] {
  const entries: IndexEntry[] = [];
  if (identity.fiscalCode) {
    entries.push({ kind: "fiscal-code", digest: fiscalCodeDigest(keyring, identity.fiscalCode) });
    if (identity.fiscalCode.length === 16) {
      entries.push({
        kind: "fiscal-code-base",
        digest: blindIndex(keyring, "fiscal-code-base", baseFiscalCode(identity.fiscalCode)),
      });
    }
  }
  for (const other of identity.otherIds ?? [])
    entries.push({ kind: "other-id", digest: otherIdDigest(keyring, other) });
  if (identity.familyName && identity.givenName && identity.birthDate) {
    const named = {
      familyName: identity.familyName,
      givenName: identity.givenName,
      birthDate: identity.birthDate,
      sex: identity.sex,
    };
    entries.push({ kind: "name-birth", digest: nameBirthDigest(keyring, named) });
    for (const key of blockingKeys(named))
      entries.push({ kind: "block", digest: blindIndex(keyring, "block", key) });
  }
  const unique = new Map(entries.map((entry) => [`${entry.kind}|${entry.digest}`, entry]));
  return [...unique.values()];
}
