import { sql } from "drizzle-orm";
import { type Executor, queryRows } from "../../../../db/database.ts";
import type { FileLabels } from "./report-labels.ts";

/** The names files print for codes the Region defines itself: its zones. */
export async function findFileLabels(db: Executor, regionCode: string): Promise<FileLabels> {
  const zones = await queryRows<{ code: string; name: string }>(
    db,
    sql`select code, name from zone where region_code = ${regionCode}`,
  );
  return { zoneNames: new Map(zones.map((zone) => [zone.code, zone.name])) };
}
