import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Executor } from "../../../db/database.ts";
import type { minor } from "../../../db/schema/index.ts";
import type { IndexEntry, VaultRow } from "./identity-vault.ts";
import {
  queueReview,
  replaceIndexEntries,
  replaceVaultRow,
  setPossibleDuplicate,
} from "./registry.queries.ts";

export type Candidate = { minorId: string; score: number; reasons: string[] };

/** The writes of a batch's resolutions, in the order the one-by-one resolutions would have made them. */
export type Write =
  | {
      kind: "create";
      minor: typeof minor.$inferInsert;
      vault: VaultRow;
      entries: IndexEntry[];
      reviews: Candidate[];
    }
  | { kind: "enrich"; vault: VaultRow; entries: IndexEntry[] };

/** Writes the accepted resolutions in their order: consecutive creations in multi-row inserts. */
export async function writeResolutions(tx: Executor, writes: Write[]) {
  for (let start = 0; start < writes.length; ) {
    const write = writes[start];
    if (write.kind === "enrich") {
      await replaceVaultRow(tx, write.vault);
      await replaceIndexEntries(tx, write.vault.minorId, write.entries);
      start += 1;
      continue;
    }
    let end = start;
    while (end < writes.length && writes[end].kind === "create") end += 1;
    const creates = writes.slice(start, end) as Extract<Write, { kind: "create" }>[];
    for (let chunk = 0; chunk < creates.length; chunk += 500) {
      const part = creates.slice(chunk, chunk + 500);
      await tx.execute(sql`
          insert into minor (id, pseudonym, sex, birth_year_month, birth_date, citizenship, residence_comune, is_possible_duplicate)
          select * from jsonb_to_recordset(${JSON.stringify(part.map((create) => create.minor))}::jsonb) as x(id uuid,
            pseudonym text, sex text, "birthYearMonth" text, "birthDate" date, citizenship text, "residenceComune" text,
            "isPossibleDuplicate" boolean)`);
      await tx.execute(sql`
          insert into identity_vault (minor_id, key_id, fiscal_code, family_name, given_name, sex, birth_date, birth_place, citizenship, other_ids)
          select * from jsonb_to_recordset(${JSON.stringify(part.map((create) => create.vault))}::jsonb) as x("minorId" uuid,
            "keyId" text, "fiscalCode" text, "familyName" text, "givenName" text, sex text, "birthDate" text, "birthPlace" text,
            citizenship text, "otherIds" text)`);
      const entries = part
        .flatMap((create) => create.entries.map((entry) => ({ ...entry, minorId: create.vault.minorId })))
        .map((entry, n) => ({ ...entry, n }));
      await tx.execute(sql`
          insert into identity_index (kind, digest, minor_id)
          select kind, digest, "minorId" from jsonb_to_recordset(${JSON.stringify(entries)}::jsonb) as x(kind text, digest text, "minorId" uuid, n integer)
          order by n
          on conflict do nothing`);
    }
    for (const create of creates) {
      if (create.reviews.length === 0) continue;
      for (const candidate of create.reviews) {
        await queueReview(tx, {
          id: randomUUID(),
          a: create.vault.minorId,
          b: candidate.minorId,
          score: candidate.score,
          reasons: candidate.reasons,
        });
      }
      await setPossibleDuplicate(
        tx,
        create.reviews.map((candidate) => candidate.minorId),
      );
    }
    start = end;
  }
}
