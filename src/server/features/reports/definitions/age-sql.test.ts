import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../../../test/support/test-database.ts";
import { queryRows } from "../../../../db/database.ts";
import type { DatabaseHandle } from "../../../../db/open-database.ts";
import { ageInMonthsOn } from "../../../../domain/reports/report-classes.ts";
import { ageMonthsSql } from "./common-sql.ts";

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await openTestDatabase();
}, 60_000);
afterAll(() => handle?.close());

const iso = (date: Date) => date.toISOString().slice(0, 10);
const dayBetween = (from: string, to: string) =>
  fc
    .date({ min: new Date(`${from}T00:00:00Z`), max: new Date(`${to}T00:00:00Z`), noInvalidDate: true })
    .map(iso);

/** The SQL of the reports and the domain's reading of "age at D", on the same pairs. */
async function agesInSql(pairs: { birth: string | null; yearMonth: string | null; day: string }[]) {
  const rows = await queryRows<{ n: number; months: number | null }>(
    handle.db,
    sql`select x.n, ${ageMonthsSql(sql`x.birth`, sql`x.year_month`, sql`x.day`)} as months
        from jsonb_to_recordset(${JSON.stringify(pairs.map((pair, n) => ({ n, birth: pair.birth, year_month: pair.yearMonth, day: pair.day })))}::jsonb)
          as x(n int, birth date, year_month text, day date)
        order by x.n`,
  );
  return rows.map((row) => (row.months === null ? undefined : Number(row.months)));
}

describe("age at D in the reports' SQL", () => {
  it("is the completed years from the birth date: 18 on the birthday, not on the first of the month", async () => {
    const pairs = [
      { birth: "2008-02-10", yearMonth: "2008-02", day: "2026-02-09" },
      { birth: "2008-02-10", yearMonth: "2008-02", day: "2026-02-10" },
      { birth: "2008-02-29", yearMonth: "2008-02", day: "2026-02-28" },
      { birth: "2008-02-29", yearMonth: "2008-02", day: "2026-03-01" },
      { birth: "2012-01-31", yearMonth: "2012-01", day: "2012-02-29" },
      { birth: "2012-01-31", yearMonth: "2012-01", day: "2012-03-01" },
      { birth: "2026-05-02", yearMonth: "2026-05", day: "2026-05-01" },
      // Without the birth date, the month rule; without either, unknown.
      { birth: null, yearMonth: "2008-02", day: "2026-02-01" },
      { birth: null, yearMonth: null, day: "2026-02-01" },
    ];
    expect(await agesInSql(pairs)).toEqual([215, 216, 215, 216, 0, 1, undefined, 216, undefined]);
    expect(pairs.map((pair) => ageInMonthsOn(pair.birth ?? pair.yearMonth, pair.day))).toEqual(
      await agesInSql(pairs),
    );
  });

  it("agrees with the domain's count of completed months on any birth date and day", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            birth: dayBetween("1996-01-01", "2030-12-31"),
            day: dayBetween("2000-01-01", "2031-12-31"),
          }),
          {
            minLength: 1,
            maxLength: 200,
          },
        ),
        async (samples) => {
          const pairs = samples.map((sample) => ({ ...sample, yearMonth: sample.birth.slice(0, 7) }));
          expect(await agesInSql(pairs)).toEqual(pairs.map((pair) => ageInMonthsOn(pair.birth, pair.day)));
        },
      ),
      { numRuns: 25 },
    );
  });
});
