import { compareIdentities } from "../../../domain/registry/identity-similarity.ts";
import type { StoredIdentity } from "./identity-vault.ts";

/** How a minor is named: linked to a stored one, new, or new with a pair queued for review. */
export type Resolution = {
  minorId: string;
  pseudonym: string;
  outcome: "linked" | "created" | "possible-duplicate";
};

/**
 * An arriving identity against one candidate of the registry: the score and reasons when they may
 * be the same child, undefined when they are different.
 */
export function candidateComparison(identity: StoredIdentity, other: StoredIdentity, minorId: string) {
  if (!identity.familyName || !identity.givenName || !identity.birthDate) return undefined;
  // Two different fiscal codes are two people; omocodia is looked at separately.
  if (identity.fiscalCode && other.fiscalCode && identity.fiscalCode !== other.fiscalCode) return undefined;
  if (!other.familyName || !other.givenName || !other.birthDate) return undefined;
  const comparison = compareIdentities(
    {
      familyName: identity.familyName,
      givenName: identity.givenName,
      sex: identity.sex,
      birthDate: identity.birthDate,
      birthPlace: placeOf(identity),
      citizenship: identity.citizenship ?? null,
    },
    {
      familyName: other.familyName,
      givenName: other.givenName,
      sex: other.sex,
      birthDate: other.birthDate,
      birthPlace: placeOf(other),
      citizenship: other.citizenship ?? null,
    },
  );
  if (comparison.verdict === "different") return undefined;
  const verdict: "same" | "possible" = comparison.verdict;
  return { minorId, score: Math.round(comparison.score * 100), reasons: comparison.reasons, verdict };
}

function placeOf(identity: StoredIdentity) {
  return identity.birthPlace ?? null;
}
