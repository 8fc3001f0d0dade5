import { isNotNull } from "drizzle-orm";
import type { Executor } from "../../../db/database.ts";
import { comune, suppressedComune } from "../../../db/schema/index.ts";
import {
  type BelfioreRegistry,
  createBelfioreRegistry,
} from "../../../domain/territory/belfiore-registry.ts";

/**
 * The Belfiore registry over the comune and suppressed_comune tables (about 10,000 small rows),
 * read once by whoever needs many look-ups: a fiscal code's birthplace, the SINBA flow's ente code.
 */
export async function loadBelfioreRegistry(db: Executor): Promise<BelfioreRegistry> {
  const current = await db
    .select({
      belfiore: comune.belfiore,
      istatCode: comune.istatCode,
      name: comune.name,
      provinceAbbreviation: comune.provinceAbbreviation,
      validFrom: comune.validFrom,
      validTo: comune.validTo,
    })
    .from(comune)
    .where(isNotNull(comune.belfiore));
  const suppressed = await db
    .select({
      belfiore: suppressedComune.belfiore,
      name: suppressedComune.name,
      provinceAbbreviation: suppressedComune.provinceAbbreviation,
      validFrom: suppressedComune.validFrom,
      validTo: suppressedComune.validTo,
      mergedInto: suppressedComune.mergedInto,
    })
    .from(suppressedComune);
  return createBelfioreRegistry([
    ...current.map((row) => ({ ...row, belfiore: row.belfiore as string })),
    ...suppressed.map((row) => ({ ...row, istatCode: null })),
  ]);
}
