import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { admit } from "../../../../test/support/case-fixtures.ts";
import { italianChild } from "../../../../test/support/registry-fixtures.ts";
import { createActiveStructures } from "../../../../test/support/stay-fixtures.ts";
import { createTestApp, type TestApp } from "../../../../test/support/test-app.ts";
import { queryRows } from "../../../db/database.ts";
import { fillBirthDates } from "./birth-dates.ts";

let t: TestApp;
const children = [
  italianChild({ familyName: "Lodi", givenName: "Carla", sex: "F", birthDate: "2011-02-14" }),
  italianChild({ familyName: "Pace", givenName: "Dino", sex: "M", birthDate: "2013-07-31" }),
  italianChild({ familyName: "Riva", givenName: "Elsa", sex: "F", birthDate: "2009-11-03" }),
];

beforeAll(async () => {
  t = await createTestApp();
  await createActiveStructures(t.db, ["ST000001"]);
  for (const [n, child] of children.entries()) await admit(t, "ST000001", `b${n}`, "2026-09-01", child);
}, 60_000);
afterAll(() => t?.close());

const birthDates = () =>
  queryRows<{ birthDate: string | null; birthYearMonth: string }>(
    t.db,
    sql`select birth_date::text as "birthDate", birth_year_month as "birthYearMonth" from minor order by birth_year_month`,
  );

describe("the birth date in the pseudonymous record", () => {
  it("is stored with a new minor, beside the year and month", async () => {
    expect(await birthDates()).toEqual([
      { birthDate: "2009-11-03", birthYearMonth: "2009-11" },
      { birthDate: "2011-02-14", birthYearMonth: "2011-02" },
      { birthDate: "2013-07-31", birthYearMonth: "2013-07" },
    ]);
  });

  it("is filled from the vault for minors recorded before it, each read in the access log, once", async () => {
    await t.db.execute(sql`update minor set birth_date = null`);
    const before = await queryRows<{ entries: number }>(
      t.db,
      sql`select count(*)::int as entries from audit_entry where action = 'registry.birth-dates'`,
    );
    expect(before[0].entries).toBe(0);
    // Batches of two: the three minors take two transactions.
    expect(await fillBirthDates(t.db, t.keyring, { system: true, label: "test" }, 2)).toEqual({ read: 3 });
    expect((await birthDates()).map((row) => row.birthDate)).toEqual([
      "2009-11-03",
      "2011-02-14",
      "2013-07-31",
    ]);
    const reads = await queryRows<{ pseudonym: string | null; purpose: string; outcome: string }>(
      t.db,
      sql`select minor_pseudonym as pseudonym, purpose, outcome from audit_entry
          where action = 'registry.birth-dates' order by sequence`,
    );
    const pseudonyms = await queryRows<{ pseudonym: string }>(t.db, sql`select pseudonym from minor`);
    expect(reads.map((read) => read.pseudonym).sort()).toEqual(pseudonyms.map((row) => row.pseudonym).sort());
    expect(reads.every((read) => read.purpose === "statistics" && read.outcome === "success")).toBe(true);
    expect(await fillBirthDates(t.db, t.keyring, { system: true, label: "test" })).toEqual({ read: 0 });
  });
});
