import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testToday } from "../../../test/support/test-app.ts";
import { openTestDatabase } from "../../../test/support/test-database.ts";
import { loadBelfioreRegistry } from "../../server/features/reference/belfiore-registry.queries.ts";
import { queryRows } from "../database.ts";
import type { DatabaseHandle } from "../open-database.ts";
import comuni from "./comuni.generated.json" with { type: "json" };
import { loadReferenceData } from "./reference-data.ts";
import suppressed from "./suppressed-comuni.generated.json" with { type: "json" };

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await openTestDatabase();
});

afterAll(async () => {
  await handle.close();
});

async function firenze() {
  const [row] = await queryRows<{ belfiore: string | null; valid_from: string; version: string }>(
    handle.db,
    sql`select belfiore, valid_from::text, xmin::text as version from comune where istat_code = '048017'`,
  );
  return row;
}

describe("reference data loader", () => {
  it("fills the Belfiore codes and validity of a database loaded by an older seed", async () => {
    // What a database loaded before Belfiore codes looks like: none, every comune from 1900.
    await handle.db.execute(sql`update comune set belfiore = null, valid_from = '1900-01-01'`);
    await handle.db.execute(sql`delete from suppressed_comune`);
    await handle.db.execute(sql`delete from reference_seed`);
    const zonesBefore = await queryRows<{ count: number }>(
      handle.db,
      sql`select count(*)::int as count from zone_comune`,
    );

    const { comuni: total } = await loadReferenceData(handle.db);

    expect(total).toBe(comuni.length);
    expect(await firenze()).toMatchObject({ belfiore: "D612", valid_from: "1869-12-10" });
    const [counts] = await queryRows<{ missing: number; suppressed: number; merged: number }>(
      handle.db,
      sql`select (select count(*)::int from comune where belfiore is null) as missing,
                 (select count(*)::int from suppressed_comune) as suppressed,
                 (select count(*)::int from suppressed_comune where merged_into is not null) as merged`,
    );
    expect(counts).toEqual({
      missing: 0,
      suppressed: suppressed.length,
      merged: suppressed.filter((comune) => comune.mergedInto !== null).length,
    });
    const zonesAfter = await queryRows<{ count: number }>(
      handle.db,
      sql`select count(*)::int as count from zone_comune`,
    );
    expect(zonesAfter).toEqual(zonesBefore);
  });

  it("does not rewrite rows that already match the seed", async () => {
    const before = await firenze();
    await loadReferenceData(handle.db);
    expect(await firenze()).toEqual(before);
    // Even when the seeds must be compared again row by row (another seed was loaded last).
    await handle.db.execute(sql`update reference_seed set digest = 'older'`);
    await loadReferenceData(handle.db);
    expect(await firenze()).toEqual(before);
    const [seed] = await queryRows<{ digest: string }>(handle.db, sql`select digest from reference_seed`);
    expect(seed.digest).toMatch(/^[0-9a-f]{64}$/);
  });

  it("serves the Belfiore registry from the tables", async () => {
    const registry = await loadBelfioreRegistry(handle.db);
    expect(registry.findComuneBelfiore("048017", testToday)).toBe("D612");
    expect(registry.findComuneBelfiore("048054", "2018-06-01")).toBeUndefined();
    expect(registry.findPlace("A633", "2010-01-01")).toMatchObject({
      isSuppressed: true,
      mergedInto: "M408",
    });
    expect(registry.findPlace("Z110")).toMatchObject({ kind: "foreign-state", istatCountryCode: "215" });
  });
});
