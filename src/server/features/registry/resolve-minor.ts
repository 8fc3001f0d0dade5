import { randomUUID } from "node:crypto";
import type { Executor } from "../../../db/database.ts";
import { AppError, type AppErrorCode } from "../../../domain/errors/app-error.ts";
import { baseFiscalCode } from "../../../domain/identity/fiscal-code.ts";
import { compareIdentities } from "../../../domain/registry/identity-similarity.ts";
import { checkMinorIdentity, type MinorIdentity } from "../../../domain/registry/minor-identity.ts";
import { lookupBlockingKeys } from "../../../domain/registry/name-matching.ts";
import type { AuditSubject } from "../../core/actor.ts";
import { appendAuditEntry } from "../../core/audit.queries.ts";
import { blindIndex } from "../../core/vault-crypto.ts";
import type { Keyring } from "../../core/vault-keys.ts";
import {
  fiscalCodeDigest,
  indexEntriesOf,
  openIdentity,
  otherIdDigest,
  type StoredIdentity,
  sealIdentity,
  storedIdentityOf,
} from "./identity-vault.ts";
import { newPseudonym } from "./pseudonym.ts";
import {
  findMinorById,
  findMinorsByIndex,
  findVaultRows,
  insertMinor,
  insertVaultRow,
  lockDigest,
  queueReview,
  replaceIndexEntries,
  replaceVaultRow,
  setPossibleDuplicate,
} from "./registry.queries.ts";

export type ResolutionContext = {
  keyring: Keyring;
  subject: AuditSubject;
  purpose: "admission" | "care" | "legal-obligation";
  today: string;
  /** False when the caller audits the same access itself (the ASMI admission does, with the pseudonym). */
  audit?: boolean;
};

export type Resolution = {
  minorId: string;
  pseudonym: string;
  outcome: "linked" | "created" | "possible-duplicate";
};

type Candidate = { minorId: string; score: number; reasons: string[] };

/**
 * The one way every module names a child. The same identifier as written links; without one,
 * a certain and unique match on names, birth date, sex and birth place links; an uncertain match
 * creates a new minor flagged for review; no match creates a new minor. Runs in the caller's
 * transaction, serialised per identifier so that concurrent arrivals create one minor.
 */
export async function resolveMinor(
  tx: Executor,
  input: MinorIdentity,
  context: ResolutionContext,
): Promise<Resolution> {
  const checked = checkMinorIdentity(input, context.today);
  if (!checked.ok) {
    const first = checked.problems[0];
    throw new AppError(first.code as AppErrorCode, first.message, checked.problems);
  }
  const { keyring } = context;
  const identity = storedIdentityOf(checked.identity);
  const fiscalDigest = identity.fiscalCode ? fiscalCodeDigest(keyring, identity.fiscalCode) : undefined;
  const otherDigests = (identity.otherIds ?? []).map((other) => otherIdDigest(keyring, other));
  const blockLock = identity.birthDate
    ? blindIndex(keyring, "lock", `${identity.birthDate}|${identity.sex}`)
    : undefined;
  for (const digest of [
    ...new Set([fiscalDigest, ...otherDigests, blockLock].filter((d): d is string => !!d)),
  ].sort()) {
    await lockDigest(tx, digest);
  }

  if (fiscalDigest) {
    const [byFiscalCode] = await findMinorsByIndex(tx, "fiscal-code", [fiscalDigest]);
    if (byFiscalCode)
      return finish(tx, context, await enrich(tx, keyring, byFiscalCode.minorId, identity), "linked");
  }
  const byOtherId = uniqueMinors(await findMinorsByIndex(tx, "other-id", otherDigests));
  if (byOtherId.length === 1 && !(identity.fiscalCode && byOtherId[0].hasFiscalCode)) {
    return finish(tx, context, await enrich(tx, keyring, byOtherId[0].minorId, identity), "linked");
  }
  const doubtful: Candidate[] = byOtherId.map((hit) => ({
    minorId: hit.minorId,
    score: 50,
    reasons: ["other-identifier-conflict"],
  }));

  const matches = await compareWithCandidates(tx, keyring, identity);
  const certain = matches.filter((match) => match.verdict === "same");
  const possible = matches.filter((match) => match.verdict === "possible");
  if (doubtful.length === 0 && certain.length === 1 && possible.length === 0) {
    return finish(tx, context, await enrich(tx, keyring, certain[0].minorId, identity), "linked");
  }
  doubtful.push(...certain, ...possible);
  if (identity.fiscalCode?.length === 16) {
    const base = blindIndex(keyring, "fiscal-code-base", baseFiscalCode(identity.fiscalCode));
    for (const hit of await findMinorsByIndex(tx, "fiscal-code-base", [base])) {
      doubtful.push({ minorId: hit.minorId, score: 60, reasons: ["same-base-fiscal-code"] });
    }
  }

  const minorId = randomUUID();
  const pseudonym = newPseudonym();
  await insertMinor(tx, {
    id: minorId,
    pseudonym,
    sex: identity.sex,
    birthYearMonth: identity.birthDate?.slice(0, 7) ?? null,
    citizenship: identity.citizenship ?? null,
    residenceComune: checked.identity.residenceComune ?? null,
    isPossibleDuplicate: doubtful.length > 0,
  });
  await insertVaultRow(tx, sealIdentity(keyring, minorId, identity));
  await replaceIndexEntries(tx, minorId, indexEntriesOf(keyring, identity));
  const others = [...new Map(doubtful.map((candidate) => [candidate.minorId, candidate])).values()];
  for (const candidate of others) {
    await queueReview(tx, {
      id: randomUUID(),
      a: minorId,
      b: candidate.minorId,
      score: candidate.score,
      reasons: candidate.reasons,
    });
  }
  await setPossibleDuplicate(
    tx,
    others.map((candidate) => candidate.minorId),
  );
  return finish(tx, context, { minorId, pseudonym }, others.length > 0 ? "possible-duplicate" : "created");
}

function uniqueMinors<Hit extends { minorId: string }>(hits: Hit[]): Hit[] {
  return [...new Map(hits.map((hit) => [hit.minorId, hit])).values()];
}

/** Candidates met through the blocking keys, compared on the decrypted identities (also measured by bench/registry). */
export async function compareWithCandidates(tx: Executor, keyring: Keyring, identity: StoredIdentity) {
  if (!identity.familyName || !identity.givenName || !identity.birthDate) return [];
  const named = {
    familyName: identity.familyName,
    givenName: identity.givenName,
    birthDate: identity.birthDate,
    sex: identity.sex,
  };
  const digests = lookupBlockingKeys(named).map((key) => blindIndex(keyring, "block", key));
  const candidates = uniqueMinors(await findMinorsByIndex(tx, "block", digests));
  const rows = await findVaultRows(
    tx,
    candidates.map((candidate) => candidate.minorId),
  );
  return rows.flatMap((row) => {
    const found = candidateComparison(identity, openIdentity(keyring, row), row.minorId);
    return found ? [found] : [];
  });
}

/**
 * An arriving identity against one candidate of the registry: the score and reasons when they may
 * be the same child, undefined when they are different (also for the batch resolution).
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

/**
 * Adds what the arriving identity knows and the stored one does not (a fiscal code obtained
 * later, another identifier): the minor keeps its record and its pseudonym.
 */
async function enrich(tx: Executor, keyring: Keyring, minorId: string, incoming: StoredIdentity) {
  const [row] = await findVaultRows(tx, [minorId]);
  const stored = openIdentity(keyring, row);
  const knownIds = new Set((stored.otherIds ?? []).map((other) => `${other.kind}:${other.value}`));
  const newIds = (incoming.otherIds ?? []).filter((other) => !knownIds.has(`${other.kind}:${other.value}`));
  const freeIds = [];
  for (const other of newIds) {
    const taken = await findMinorsByIndex(tx, "other-id", [otherIdDigest(keyring, other)]);
    if (taken.length === 0) freeIds.push(other);
  }
  const addsFiscalCode = !stored.fiscalCode && incoming.fiscalCode;
  if (addsFiscalCode || freeIds.length > 0) {
    const updated: StoredIdentity = {
      ...stored,
      fiscalCode: stored.fiscalCode ?? incoming.fiscalCode,
      otherIds: [...(stored.otherIds ?? []), ...freeIds],
    };
    await replaceVaultRow(tx, sealIdentity(keyring, minorId, updated));
    await replaceIndexEntries(tx, minorId, indexEntriesOf(keyring, updated));
  }
  const minorRow = await findMinorById(tx, minorId);
  return { minorId, pseudonym: minorRow?.pseudonym as string };
}

async function finish(
  tx: Executor,
  context: ResolutionContext,
  found: { minorId: string; pseudonym: string },
  outcome: Resolution["outcome"],
): Promise<Resolution> {
  if (context.audit === false) return { ...found, outcome };
  await appendAuditEntry(tx, context.subject, {
    action: "registry.resolve",
    resourceType: "minor",
    resourceId: found.minorId,
    minorPseudonym: found.pseudonym,
    purpose: context.purpose,
    outcome: "success",
    details: { result: outcome },
  });
  return { ...found, outcome };
}
