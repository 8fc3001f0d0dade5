import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { type Executor, queryRows } from "../../../db/database.ts";
import { AppError, type AppErrorCode } from "../../../domain/errors/app-error.ts";
import { checkMinorIdentity, type MinorIdentity } from "../../../domain/registry/minor-identity.ts";
import { openField } from "../../core/vault-crypto.ts";
import type { Keyring } from "../../core/vault-keys.ts";
import { BatchIdentityDigests } from "./batch-identity-digests.ts";
import { candidateComparison, type Resolution } from "./candidate-comparison.ts";
import {
  type IndexEntry,
  type IndexKind,
  openIdentity,
  type StoredIdentity,
  sealIdentity,
  storedIdentityOf,
  type VaultRow,
} from "./identity-vault.ts";
import { newPseudonym } from "./pseudonym.ts";
import { findVaultRows } from "./registry.queries.ts";
import { type Candidate, type Write, writeResolutions } from "./resolve-minors-batch.writes.ts";

type Hit = { minorId: string; pseudonym: string };

/** What one identity needs from the registry: its lock digests and the index entries it looks up. */
type Prepared = {
  identity: StoredIdentity;
  residenceComune: string | null;
  fiscalDigest?: string;
  otherDigests: string[];
  blockDigests: string[];
  baseDigest?: string;
  locks: string[];
};

/** A resolution decided in memory: its effects count only once `commit` is called (the event accepted). */
export type PendingResolution = Resolution & { commit(): void };

const uniqueKinds = new Set<IndexKind>(["fiscal-code", "other-id"]);

/**
 * The one way every module names a child (a single identity is a batch of one). The same
 * identifier as written links; without one, a certain and unique match on names, birth date, sex
 * and birth place links; an uncertain match creates a new minor flagged for review; no match
 * creates a new minor. Identities are decided one after the other in request order, with one
 * lock statement, one index read and one vault read for the batch (the locks serialise every
 * resolution that could meet, so concurrent arrivals create one minor), and the writes of the
 * accepted ones made at the end with multi-row inserts. Each resolution sees the minors created or
 * enriched by the earlier accepted ones, as it would one by one.
 */
export class BatchMinorResolver {
  private readonly prepared = new Map<MinorIdentity, Prepared>();
  /** `kind|digest` → minors (survivors) holding it: the database's entries plus the batch's. */
  private readonly index = new Map<string, Hit[]>();
  private readonly hasFiscalCode = new Map<string, boolean>();
  private readonly vault = new Map<string, VaultRow | StoredIdentity>();
  private readonly pseudonyms = new Map<string, string>();
  private readonly fiscalCodes = new Map<string, string>();
  private readonly lookups = new Map<IndexKind, Set<string>>();
  private readonly locks = new Set<string>();
  private readonly writes: Write[] = [];
  private readonly digests: BatchIdentityDigests;
  /** Minors met in the index: every minor an identity of the batch can link to (created ones aside). */
  readonly knownMinorIds = new Set<string>();
  /** Among them, those found by an identifier as written (fiscal code, other identifier). */
  readonly identifiedMinorIds = new Set<string>();

  private constructor(
    private readonly keyring: Keyring,
    private readonly today: string,
  ) {
    this.digests = new BatchIdentityDigests(keyring);
  }

  /** What the batch looks up, lock and index digests computed: needs no database (run it while a read is in flight). */
  static digest(keyring: Keyring, today: string, inputs: MinorIdentity[]): BatchMinorResolver {
    const resolver = new BatchMinorResolver(keyring, today);
    const { lookups, locks } = resolver;
    const want = (kind: IndexKind, digest: string) => {
      const set = lookups.get(kind) ?? new Set<string>();
      set.add(digest);
      lookups.set(kind, set);
    };
    for (const input of inputs) {
      const checked = checkMinorIdentity(input, today);
      if (!checked.ok) continue;
      const identity = storedIdentityOf(checked.identity);
      const digests = resolver.digests;
      const fiscalDigest = identity.fiscalCode ? digests.fiscalCode(identity.fiscalCode) : undefined;
      const otherDigests = (identity.otherIds ?? []).map((other) => digests.otherId(other));
      const blockLock = identity.birthDate
        ? digests.digest("lock", `${identity.birthDate}|${identity.sex}`)
        : undefined;
      const blockDigests =
        identity.familyName && identity.givenName && identity.birthDate
          ? digests.lookupBlocks({
              familyName: identity.familyName,
              givenName: identity.givenName,
              birthDate: identity.birthDate,
              sex: identity.sex,
            })
          : [];
      const baseDigest =
        identity.fiscalCode?.length === 16 ? digests.fiscalCodeBase(identity.fiscalCode) : undefined;
      const prepared: Prepared = {
        identity,
        residenceComune: checked.identity.residenceComune ?? null,
        fiscalDigest,
        otherDigests,
        blockDigests,
        baseDigest,
        locks: [fiscalDigest, ...otherDigests, blockLock].filter((d): d is string => !!d),
      };
      resolver.prepared.set(input, prepared);
      for (const lock of prepared.locks) locks.add(lock);
      if (fiscalDigest) want("fiscal-code", fiscalDigest);
      for (const digest of otherDigests) want("other-id", digest);
      for (const digest of blockDigests) want("block", digest);
      if (baseDigest) want("fiscal-code-base", baseDigest);
    }
    return resolver;
  }

  /** The locks and reads of the batch's identities: one lock statement, one index read, one vault read. */
  async read(tx: Executor): Promise<this> {
    const { lookups, locks } = this;
    // Serialised with every other resolution of the same identifiers or block, as one by one.
    const keys = [...locks].sort().map((digest) => BigInt(`0x${digest.slice(0, 15)}`).toString());
    if (keys.length > 0)
      await tx.execute(
        sql`select pg_advisory_xact_lock(k::bigint)
            from jsonb_array_elements_text(${JSON.stringify(keys)}::jsonb) with ordinality as t(k, n) order by n`,
      );
    for (const [kind, digests] of lookups) this.indexFor(kind, [...digests]);
    const wanted = [...lookups].flatMap(([kind, digests]) =>
      [...digests].map((digest) => ({ kind, digest })),
    );
    if (wanted.length > 0) {
      const rows = await queryRows<{
        kind: IndexKind;
        digest: string;
        minorId: string;
        pseudonym: string;
        hasFiscalCode: boolean;
      }>(
        tx,
        sql`select distinct i.kind, i.digest, coalesce(s.id, m.id) as "minorId", coalesce(s.pseudonym, m.pseudonym) as pseudonym,
              exists (select 1 from identity_index f where f.minor_id = coalesce(s.id, m.id) and f.kind = 'fiscal-code') as "hasFiscalCode"
            from identity_index i
            join minor m on m.id = i.minor_id
            left join minor s on s.id = m.merged_into
            where (i.kind, i.digest) in (
              select kind, digest from jsonb_to_recordset(${JSON.stringify(wanted)}::jsonb) as w(kind text, digest text))`,
      );
      for (const row of rows) {
        this.addHit(row.kind, row.digest, { minorId: row.minorId, pseudonym: row.pseudonym });
        this.hasFiscalCode.set(row.minorId, row.hasFiscalCode);
        this.pseudonyms.set(row.minorId, row.pseudonym);
        this.knownMinorIds.add(row.minorId);
        if (uniqueKinds.has(row.kind)) this.identifiedMinorIds.add(row.minorId);
      }
      for (const row of await findVaultRows(tx, [...this.knownMinorIds])) this.vault.set(row.minorId, row);
    }
    return this;
  }

  private indexFor(kind: IndexKind, digests: string[]) {
    for (const digest of digests)
      if (!this.index.has(`${kind}|${digest}`)) this.index.set(`${kind}|${digest}`, []);
  }

  private addHit(kind: IndexKind, digest: string, hit: Hit) {
    const key = `${kind}|${digest}`;
    const hits = this.index.get(key);
    if (hits === undefined) return; // never looked up by this batch
    if (!hits.some((other) => other.minorId === hit.minorId)) hits.push(hit);
  }

  private lookup(kind: IndexKind, digests: string[]): Hit[] {
    const found = new Map<string, Hit>();
    for (const digest of digests) {
      const hits = this.index.get(`${kind}|${digest}`);
      if (hits === undefined) throw new Error(`index entry ${kind} not prepared for this batch`);
      for (const hit of hits) found.set(hit.minorId, hit);
    }
    return [...found.values()];
  }

  private identityOf(minorId: string): StoredIdentity {
    const stored = this.vault.get(minorId);
    if (!stored) throw new Error("vault row not prepared for this batch");
    if ("keyId" in stored) {
      const opened = openIdentity(this.keyring, stored as VaultRow);
      this.vault.set(minorId, opened);
      return opened;
    }
    return stored;
  }

  /** A stored minor's fiscal code, decrypting that field alone while the rest is not needed. */
  private fiscalCodeOf(minorId: string): string | undefined {
    const stored = this.vault.get(minorId) as VaultRow | StoredIdentity;
    if (!("keyId" in stored)) return stored.fiscalCode;
    if (stored.fiscalCode === null) return undefined;
    let opened = this.fiscalCodes.get(minorId);
    if (opened === undefined) {
      opened = openField(this.keyring, stored.keyId, `${minorId}|fiscalCode`, stored.fiscalCode);
      this.fiscalCodes.set(minorId, opened);
    }
    return opened;
  }

  /** The batch's index after a minor's entries are replaced: an identifier held by another minor stays there. */
  private replaceEntries(minorId: string, entries: IndexEntry[], isNew = false) {
    if (!isNew)
      for (const hits of this.index.values()) {
        const at = hits.findIndex((hit) => hit.minorId === minorId);
        if (at >= 0) hits.splice(at, 1);
      }
    let fiscal = false;
    for (const entry of entries) {
      const hits = this.index.get(`${entry.kind}|${entry.digest}`);
      if (uniqueKinds.has(entry.kind) && hits?.some((hit) => hit.minorId !== minorId)) continue;
      if (entry.kind === "fiscal-code") fiscal = true;
      this.addHit(entry.kind, entry.digest, { minorId, pseudonym: this.pseudonyms.get(minorId) as string });
    }
    this.hasFiscalCode.set(minorId, fiscal);
  }

  /** One identity of the batch, against the registry as the batch has left it (after `read`). */
  resolve(input: MinorIdentity): PendingResolution {
    const prepared = this.prepared.get(input);
    if (!prepared) {
      const checked = checkMinorIdentity(input, this.today);
      const first = checked.ok ? undefined : checked.problems[0];
      if (first && !checked.ok)
        throw new AppError(first.code as AppErrorCode, first.message, checked.problems);
      throw new Error("identity not prepared for this batch");
    }
    const { identity, fiscalDigest, otherDigests } = prepared;
    if (fiscalDigest) {
      const [byFiscalCode] = this.lookup("fiscal-code", [fiscalDigest]);
      if (byFiscalCode) return this.enrich(byFiscalCode.minorId, identity, "linked");
    }
    const byOtherId = this.lookup("other-id", otherDigests);
    if (byOtherId.length === 1 && !(identity.fiscalCode && this.hasFiscalCode.get(byOtherId[0].minorId))) {
      return this.enrich(byOtherId[0].minorId, identity, "linked");
    }
    const doubtful: Candidate[] = byOtherId.map((hit) => ({
      minorId: hit.minorId,
      score: 50,
      reasons: ["other-identifier-conflict"],
    }));
    const matches = this.compareWithCandidates(identity, prepared.blockDigests);
    const certain = matches.filter((match) => match.verdict === "same");
    const possible = matches.filter((match) => match.verdict === "possible");
    if (doubtful.length === 0 && certain.length === 1 && possible.length === 0) {
      return this.enrich(certain[0].minorId, identity, "linked");
    }
    doubtful.push(...certain, ...possible);
    if (prepared.baseDigest) {
      for (const hit of this.lookup("fiscal-code-base", [prepared.baseDigest]))
        doubtful.push({ minorId: hit.minorId, score: 60, reasons: ["same-base-fiscal-code"] });
    }
    const minorId = randomUUID();
    const pseudonym = newPseudonym();
    const others = [...new Map(doubtful.map((candidate) => [candidate.minorId, candidate])).values()];
    const outcome = others.length > 0 ? "possible-duplicate" : "created";
    return {
      minorId,
      pseudonym,
      outcome,
      commit: () => {
        const entries = this.digests.entriesOf(identity);
        this.writes.push({
          kind: "create",
          minor: {
            id: minorId,
            pseudonym,
            sex: identity.sex,
            birthYearMonth: identity.birthDate?.slice(0, 7) ?? null,
            birthDate: identity.birthDate ?? null,
            citizenship: identity.citizenship ?? null,
            residenceComune: prepared.residenceComune,
            isPossibleDuplicate: others.length > 0,
          },
          vault: sealIdentity(this.keyring, minorId, identity),
          entries,
          reviews: others,
        });
        this.pseudonyms.set(minorId, pseudonym);
        this.vault.set(minorId, identity);
        this.replaceEntries(minorId, entries, true);
      },
    };
  }

  private compareWithCandidates(identity: StoredIdentity, blockDigests: string[]) {
    if (!identity.familyName || !identity.givenName || !identity.birthDate) return [];
    const results: (Candidate & { verdict: "same" | "possible" | "different" })[] = [];
    for (const candidate of this.lookup("block", blockDigests)) {
      if (!this.vault.has(candidate.minorId)) continue;
      // Two different fiscal codes are two children: only that field is decrypted to find out.
      const otherFiscalCode = identity.fiscalCode ? this.fiscalCodeOf(candidate.minorId) : undefined;
      if (identity.fiscalCode && otherFiscalCode && identity.fiscalCode !== otherFiscalCode) continue;
      const found = candidateComparison(identity, this.identityOf(candidate.minorId), candidate.minorId);
      if (found) results.push(found);
    }
    return results;
  }

  /**
   * Adds what the arriving identity knows and the stored one does not (a fiscal code obtained
   * later, another identifier): the minor keeps its record and its pseudonym.
   */
  private enrich(
    minorId: string,
    incoming: StoredIdentity,
    outcome: Resolution["outcome"],
  ): PendingResolution {
    const pseudonym = this.pseudonyms.get(minorId) as string;
    const row = this.vault.get(minorId);
    // Nothing to add (no free identifier sent, a fiscal code already stored or none sent): the
    // stored identity need not be decrypted.
    if (
      row &&
      "keyId" in row &&
      (incoming.otherIds ?? []).length === 0 &&
      (row.fiscalCode !== null || !incoming.fiscalCode)
    )
      return { minorId, pseudonym, outcome, commit: () => {} };
    const stored = this.identityOf(minorId);
    const knownIds = new Set((stored.otherIds ?? []).map((other) => `${other.kind}:${other.value}`));
    const newIds = (incoming.otherIds ?? []).filter((other) => !knownIds.has(`${other.kind}:${other.value}`));
    const freeIds = newIds.filter(
      (other) => this.lookup("other-id", [this.digests.otherId(other)]).length === 0,
    );
    const addsFiscalCode = !stored.fiscalCode && incoming.fiscalCode;
    return {
      minorId,
      pseudonym,
      outcome,
      commit: () => {
        if (!addsFiscalCode && freeIds.length === 0) return;
        const updated: StoredIdentity = {
          ...stored,
          fiscalCode: stored.fiscalCode ?? incoming.fiscalCode,
          otherIds: [...(stored.otherIds ?? []), ...freeIds],
        };
        const entries = this.digests.entriesOf(updated);
        this.writes.push({ kind: "enrich", vault: sealIdentity(this.keyring, minorId, updated), entries });
        this.vault.set(minorId, updated);
        this.replaceEntries(minorId, entries);
      },
    };
  }

  /** Writes what the accepted resolutions decided, in their order. */
  async flush(tx: Executor) {
    await writeResolutions(tx, this.writes);
  }
}
