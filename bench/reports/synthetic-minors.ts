/**
 * The registry of minors of the reports base: the synthetic registry of bench/registry, loaded in
 * bulk into `minor` (and, unless told otherwise, `identity_vault` and `identity_index`, as the
 * registry benchmark does). Ten years of stays need children born over some 33 years, so the
 * registry is generated in sixteen slices whose "today" steps back one year at a time. Near-duplicate
 * records are left out, as in the registry benchmark.
 *
 * Returns the minors by birth month, in two pools (children who arrived unaccompanied, and the
 * others), for the stays to draw from.
 */
import { randomUUID } from "node:crypto";
import type { Database } from "../../src/db/database.ts";
import type { Keyring } from "../../src/server/core/vault-keys.ts";
import {
  indexEntriesOf,
  type StoredIdentity,
  sealIdentity,
} from "../../src/server/features/registry/identity-vault.ts";
import { newPseudonym } from "../../src/server/features/registry/pseudonym.ts";
import { generateSyntheticRegistry, type SyntheticMinor } from "../registry/synthetic-registry.ts";
import { insertRows, monthOf } from "./bulk.ts";

/** Minor ids by birth month (year × 12 + month − 1). */
export type MinorPool = Map<number, string[]>;
export type RegistryPools = { unaccompanied: MinorPool; others: MinorPool; loaded: number };

const slices = 16;
const minorColumns = ["id", "pseudonym", "sex", "birth_year_month", "birth_date", "citizenship"] as const;
const vaultColumns = [
  "minor_id",
  "key_id",
  "fiscal_code",
  "family_name",
  "given_name",
  "sex",
  "birth_date",
  "birth_place",
  "citizenship",
  "other_ids",
] as const;

const identityOf = (record: SyntheticMinor): StoredIdentity => ({
  fiscalCode: record.fiscalCode ?? undefined,
  familyName: record.familyName,
  givenName: record.givenName,
  sex: record.sex,
  birthDate: record.birthDate,
  birthPlace: record.birthPlace,
  citizenship: record.citizenship,
});

export async function loadSyntheticRegistry(
  db: Database,
  options: {
    size: number;
    today: string;
    keyring: Keyring;
    /** Also seal identities into the vault and write the blind indexes (slower; reports read neither). */
    withVault: boolean;
    onProgress?: (loaded: number) => void;
  },
): Promise<RegistryPools> {
  const pools: RegistryPools = { unaccompanied: new Map(), others: new Map(), loaded: 0 };
  let batch: { id: string; record: SyntheticMinor }[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const rows = batch;
    batch = [];
    await db.transaction(async (tx) => {
      await insertRows(
        tx,
        "minor",
        minorColumns,
        rows.map(({ id, record }) => ({
          id,
          pseudonym: newPseudonym(),
          sex: record.sex,
          birth_year_month: record.birthDate.slice(0, 7),
          birth_date: record.birthDate,
          citizenship: record.citizenship,
        })),
      );
      if (!options.withVault) return;
      await insertRows(
        tx,
        "identity_vault",
        vaultColumns,
        rows.map(({ id, record }) => {
          const sealed = sealIdentity(options.keyring, id, identityOf(record));
          return {
            minor_id: id,
            key_id: sealed.keyId,
            fiscal_code: sealed.fiscalCode,
            family_name: sealed.familyName,
            given_name: sealed.givenName,
            sex: sealed.sex,
            birth_date: sealed.birthDate,
            birth_place: sealed.birthPlace,
            citizenship: sealed.citizenship,
            other_ids: sealed.otherIds,
          };
        }),
      );
      await insertRows(
        tx,
        "identity_index",
        ["kind", "digest", "minor_id"],
        rows.flatMap(({ id, record }) =>
          indexEntriesOf(options.keyring, identityOf(record)).map((entry) => ({
            kind: entry.kind,
            digest: entry.digest,
            minor_id: id,
          })),
        ),
        { batch: 20_000, onConflict: "do nothing" },
      );
    });
    options.onProgress?.(pools.loaded);
  };

  for (let slice = 0; slice < slices; slice++) {
    const target =
      Math.floor((options.size * (slice + 1)) / slices) - Math.floor((options.size * slice) / slices);
    const yearsBack = slices - 1 - slice;
    const referenceDate = `${Number(options.today.slice(0, 4)) - yearsBack}${options.today.slice(4)}`;
    let taken = 0;
    const records = generateSyntheticRegistry({
      size: Math.ceil(target / 0.97) + 100,
      seed: 4242 + slice,
      referenceDate: referenceDate.endsWith("02-29") ? referenceDate.replace("29", "28") : referenceDate,
    });
    for (const record of records) {
      if (taken === target) break;
      if (record.duplicateOf !== null) continue;
      taken++;
      const id = randomUUID();
      batch.push({ id, record });
      const pool =
        record.fiscalCode === null && record.citizenship !== "100" ? pools.unaccompanied : pools.others;
      const month = monthOf(record.birthDate);
      const ids = pool.get(month);
      if (ids) ids.push(id);
      else pool.set(month, [id]);
      pools.loaded++;
      if (batch.length === 5000) await flush();
    }
  }
  await flush();
  return pools;
}
