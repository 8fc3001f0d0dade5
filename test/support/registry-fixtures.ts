import type { Database } from "../../src/db/database.ts";
import { encodeFiscalCode } from "../../src/domain/identity/fiscal-code-encoding.ts";
import type { MinorIdentity } from "../../src/domain/registry/minor-identity.ts";
import type { Keyring } from "../../src/server/core/vault-keys.ts";
import type { Resolution } from "../../src/server/features/registry/candidate-comparison.ts";
import { BatchMinorResolver } from "../../src/server/features/registry/resolve-minors-batch.ts";

/**
 * One identity resolved on its own, in its own transaction: the registry's batch resolution with
 * a batch of one (what an admission sent alone does), its writes made before the commit.
 */
export function resolveIdentity(
  db: Database,
  identity: MinorIdentity,
  context: { keyring: Keyring; today: string },
): Promise<Resolution> {
  return db.transaction(async (tx) => {
    const resolver = await BatchMinorResolver.digest(context.keyring, context.today, [identity]).read(tx);
    const { minorId, pseudonym, outcome, commit } = resolver.resolve(identity);
    commit();
    await resolver.flush(tx);
    return { minorId, pseudonym, outcome };
  });
}

/** An Italian-born child with a real-format fiscal code computed from the same data. */
export function italianChild(
  overrides: Partial<MinorIdentity> & { omocodiaLevel?: number } = {},
): MinorIdentity {
  const familyName = overrides.familyName ?? "Rossi";
  const givenName = overrides.givenName ?? "Mario";
  const sex = overrides.sex ?? "M";
  const birthDate = overrides.birthDate ?? "2012-03-14";
  const { omocodiaLevel, ...rest } = overrides;
  return {
    fiscalCode: encodeFiscalCode({
      familyName,
      givenName,
      sex,
      birthDate,
      birthPlaceCode: "D612",
      omocodiaLevel,
    }),
    familyName,
    givenName,
    sex,
    birthDate,
    birthPlace: { comune: "048017" },
    citizenship: "100",
    ...rest,
  };
}

/** A newly arrived unaccompanied child: no fiscal code yet. */
export function arrivedChild(overrides: Partial<MinorIdentity> = {}): MinorIdentity {
  return {
    familyName: "Haddad",
    givenName: "Youssef",
    sex: "M",
    birthDate: "2010-06-02",
    birthPlace: { country: "436" },
    citizenship: "436",
    unaccompaniedForeignMinor: true,
    ...overrides,
  };
}
