import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { admit, recordCaseFacts, stayFact } from "../../../../test/support/case-fixtures.ts";
import { italianChild } from "../../../../test/support/registry-fixtures.ts";
import {
  type Client,
  createOrganisationFor,
  createTestApp,
  createUserFor,
  json,
  logInAs,
  type TestApp,
} from "../../../../test/support/test-app.ts";
import { queryRows } from "../../../db/database.ts";
import { applyDisclosureControl } from "../../../domain/reports/disclosure.ts";
import { attackRelease, hideEveryNonZeroCell } from "../../../domain/reports/disclosure-attacker.fixtures.ts";
import { createOrganisation } from "../access/index.ts";
import { buildReportWorld, nonZeroCells, type ReportWorld, tableOf } from "./report-world.fixtures.ts";

/**
 * Foster care in the out-of-family reports, counted by hand. The report world's stays (see
 * report-world.fixtures.ts: seven minors in residential structures on 31/12/2025, one young
 * adult), and the cases of the Florence social service:
 *
 *  f1 Sani Bea    F 2016-04  hetero-familial, judicial, full time, 7 nights, from 2025-03-01, open
 *  f2 Russo Teo   M 2013-08  intra-familial, consensual, residential, 5 nights, from 2025-05-01;
 *                            after the instant, corrected to hetero-familial
 *  f3 Orsi Lia    F 2019-02  daytime foster care from 2025-04-01: not out of family
 *  f4 Costa Ivo   M 2012-10  residential, 4 nights a week from 2025-04-01: not out of family
 *  f5 Villa Noa   F 2014-06  hetero-familial from 2025-02-01, ended 2025-10-01, outcome 1
 *  f6 Rota Elia   M 2011-01  intra-familial from 2025-06-01, case closed 2025-09-01 with no end
 *  m1 (residential in A since 2024-05-10, 11-14 M) intra-familial foster care from 2025-11-01:
 *     in both settings on D, counted once, in foster care (the more recent)
 *  f7 Gatti Pia   F 2007-03  hetero-familial from 2025-01-01, open: a young adult on D
 *  f8 Serra Ugo   M 2013-01  hetero-familial, judicial from 2025-07-01; after the instant, voided
 *
 * Every child is in the registry through a short stay in A, discharged before the foster care.
 */
let t: TestApp;
let world: ReportWorld;
let service: Client;
let asOfBefore = "";
let f2Start: string = randomUUID();
const f8Start: string = randomUUID();
let f8Case = "";
let f2Case = "";
let m1Case = "";
let f6Case = "";
const day = "2025-12-31";

const foster = (kind: string, form: string, extra: object = {}) => ({
  form,
  kind,
  duration: "1",
  character: "1",
  nightsPerWeek: 7,
  ...extra,
});
const fosterStart = (occurredOn: string, fosterCare: object, id: string = randomUUID()) => ({
  id,
  type: "foster-care-start",
  occurredOn,
  fosterCare,
});

async function childInCare(ref: string, child: ReturnType<typeof italianChild>, leftOn: string) {
  await admit(t, "ST000101", ref, "2024-12-01", child);
  await stayFact(t, "discharge", "ST000101", ref, leftOn, {
    discharge: { reason: "project-completed", destination: "foster-family" },
  });
  return child.fiscalCode as string;
}

/** The service finds the child by the exact search, opens its case on a day and records facts. */
async function caseWith(fiscalCode: string, openedOn: string, facts: object[]) {
  const lookup = await service.post("/api/v1/registry/lookups", { purpose: "admission", fiscalCode });
  const pseudonym = json<{ minor: { pseudonym: string } }>(lookup).minor.pseudonym;
  const caseId = randomUUID();
  const opened = await service.post("/api/v1/cases", {
    id: caseId,
    occurredOn: openedOn,
    opening: { minorRef: pseudonym, firstReportOn: openedOn.slice(0, 7), reportSource: "13" },
  });
  if (opened.statusCode !== 201) throw new Error(`case not opened: ${opened.body}`);
  await recordCaseFacts(service, caseId, facts);
  return caseId;
}

beforeAll(async () => {
  t = await createTestApp();
  world = await buildReportWorld(t);
  await createOrganisation(
    t.db,
    { system: true, label: "test" },
    {
      code: "SST-FI",
      name: "Servizio sociale di Firenze",
      kind: "social-service",
      fiscalCode: "01307110484",
      comune: "048017",
    },
  );
  await createUserFor(t, "sociale-fi", "service-operator", "SST-FI");
  service = await logInAs(t.app, "sociale-fi");
  const child = (familyName: string, givenName: string, sex: "M" | "F", birthDate: string) =>
    italianChild({ familyName, givenName, sex, birthDate });

  const f1 = await childInCare("f1", child("Sani", "Bea", "F", "2016-04-02"), "2025-02-20");
  await caseWith(f1, "2025-02-01", [fosterStart("2025-03-01", foster("2", "2"))]);
  const f2 = await childInCare("f2", child("Russo", "Teo", "M", "2013-08-03"), "2025-04-20");
  f2Start = randomUUID();
  f2Case = await caseWith(f2, "2025-04-01", [
    fosterStart("2025-05-01", foster("1", "1", { nightsPerWeek: 5 }), f2Start),
  ]);
  const f3 = await childInCare("f3", child("Orsi", "Lia", "F", "2019-02-04"), "2025-03-20");
  await caseWith(f3, "2025-03-01", [
    fosterStart("2025-04-01", foster("2", "1", { character: "2", nightsPerWeek: 0 })),
  ]);
  const f4 = await childInCare("f4", child("Costa", "Ivo", "M", "2012-10-05"), "2025-03-20");
  await caseWith(f4, "2025-03-01", [fosterStart("2025-04-01", foster("2", "1", { nightsPerWeek: 4 }))]);
  const f5 = await childInCare("f5", child("Villa", "Noa", "F", "2014-06-06"), "2025-01-20");
  const f5Start = randomUUID();
  await caseWith(f5, "2025-01-10", [
    fosterStart("2025-02-01", foster("2", "2"), f5Start),
    {
      id: randomUUID(),
      type: "foster-care-end",
      occurredOn: "2025-10-01",
      fosterCareStart: f5Start,
      outcome: "1",
    },
  ]);
  const f6 = await childInCare("f6", child("Rota", "Elia", "M", "2011-01-07"), "2025-05-20");
  f6Case = await caseWith(f6, "2025-05-01", [
    fosterStart("2025-06-01", foster("1", "2")),
    { id: randomUUID(), type: "closure", occurredOn: "2025-09-01", closure: { reason: "4", situation: "1" } },
  ]);
  m1Case = await caseWith(world.fiscalCodes.m1 as string, "2025-10-01", [
    fosterStart("2025-11-01", foster("1", "1")),
  ]);
  const f7 = await childInCare("f7", child("Gatti", "Pia", "F", "2007-03-08"), "2024-12-20");
  await caseWith(f7, "2024-12-10", [fosterStart("2025-01-01", foster("2", "2"))]);

  const f8 = await childInCare("f8", child("Serra", "Ugo", "M", "2013-01-09"), "2025-06-20");
  f8Case = await caseWith(f8, "2025-06-01", [fosterStart("2025-07-01", foster("2", "2"), f8Start)]);

  await new Promise((resolve) => setTimeout(resolve, 20));
  asOfBefore = new Date().toISOString();
  await new Promise((resolve) => setTimeout(resolve, 20));
  await recordCaseFacts(service, f2Case, [
    {
      id: randomUUID(),
      type: "correction",
      occurredOn: "2025-05-01",
      corrects: f2Start,
      fosterCare: foster("2", "1", { nightsPerWeek: 5 }),
      reason: "affido eterofamiliare, non intrafamiliare",
    },
  ]);
  await recordCaseFacts(service, f8Case, [
    {
      id: randomUUID(),
      type: "void",
      occurredOn: "2025-07-01",
      voids: f8Start,
      reason: "affido mai iniziato",
    },
  ]);
}, 180_000);
afterAll(() => t?.close());

describe("out-of-family-stock with foster care, 31/12/2025", () => {
  it("counts residential and foster care side by side and together, the minor in both once", async () => {
    const result = await world.run("out-of-family-stock", { date: day });
    // Residential: the world's seven but m1, now in foster care. Foster care: f1, f2, m1.
    expect(nonZeroCells(result, "by-setting")).toEqual({ residential: 6, "foster-care": 3 });
    expect(nonZeroCells(result, "by-age-class-sex")).toEqual({
      "6-10|F": 1,
      "11-14|M": 1,
      "11-14|F": 1,
      "15-17|M": 2,
      "15-17|F": 1,
    });
    // f1 9 years old (6-10 F), f2 12 (11-14 M), m1 13 (11-14 M).
    expect(nonZeroCells(result, "foster-care-by-age-class-sex")).toEqual({ "6-10|F": 1, "11-14|M": 2 });
    expect(nonZeroCells(result, "by-setting-age-class")).toEqual({
      "residential|6-10": 1,
      "residential|11-14": 2,
      "residential|15-17": 3,
      "foster-care|6-10": 1,
      "foster-care|11-14": 2,
    });
    expect(nonZeroCells(result, "foster-care-by-kind-form")).toEqual({
      "intra-familial|consensual": 1,
      "hetero-familial|judicial": 1,
      "hetero-familial|consensual": 1,
    });
    // f1 since March, f2 since May, m1 since November: all under a year.
    expect(nonZeroCells(result, "foster-care-by-length")).toEqual({ "<1y": 3 });
    expect(nonZeroCells(result, "foster-care-by-provenance")).toEqual({ "in-region": 3 });
    expect(nonZeroCells(result, "foster-care-by-citizenship-group")).toEqual({ italian: 3 });
    // The world's young adult in A, and f7 (18 since March 2025) in foster care.
    expect(nonZeroCells(result, "young-adults-by-setting-sex")).toEqual({
      "residential|M": 1,
      "foster-care|F": 1,
    });
    expect(nonZeroCells(result, "young-adults-by-sex-citizenship-group")).toEqual({ "M|italian": 1 });
    expect(nonZeroCells(result, "data-quality")).toEqual({
      "several-present-stays": 1,
      "in-both-settings": 1,
    });
  });

  it("makes the two halves slices of one population, so that their totals are the together table's cells", async () => {
    const result = await world.run("out-of-family-stock", { date: day });
    const bySetting = tableOf(result, "by-setting");
    const settingTotal = (setting: string) =>
      Number(bySetting.rows.find((row) => row.setting === setting)?.count);
    for (const table of result.tables.filter(
      (candidate) => candidate.population === `out-of-family-minors@${day}`,
    )) {
      if (table.slice) expect(table.total, table.id).toBe(settingTotal(table.slice.setting));
      else expect(table.total, table.id).toBe(9);
    }
    expect(tableOf(result, "by-zone").slice).toEqual({ setting: "residential" });
    expect(tableOf(result, "foster-care-by-kind-form").slice).toEqual({ setting: "foster-care" });
  });

  it("as known at an earlier instant: the later correction of the foster care's kind and the later void are not seen", async () => {
    const before = await world.run("out-of-family-stock", { date: day }, { asOf: asOfBefore });
    expect(nonZeroCells(before, "foster-care-by-kind-form")).toEqual({
      "intra-familial|consensual": 2,
      "hetero-familial|judicial": 2,
    });
    const again = await world.run("out-of-family-stock", { date: day }, { asOf: asOfBefore });
    expect(JSON.stringify(again.tables)).toBe(JSON.stringify(before.tables));
  });

  it("counts a foster care from its start, not on the day it ends or after the case's closure", async () => {
    // On 30/09/2025: f1, f2, f5 (ends 01/10), f7; f6's case closed on 01/09; m1 not yet.
    const september = await world.run("out-of-family-stock", { date: "2025-09-30" });
    expect(nonZeroCells(september, "by-setting")["foster-care"]).toBe(3);
    const october = await world.run("out-of-family-stock", { date: "2025-10-01" });
    expect(nonZeroCells(october, "by-setting")["foster-care"]).toBe(2);
    // On 31/08/2025 f6 (intra-familial, judicial) is still in foster care.
    const august = await world.run("out-of-family-stock", { date: "2025-08-31" });
    expect(nonZeroCells(august, "foster-care-by-kind-form")).toMatchObject({ "intra-familial|judicial": 1 });
  });

  it("publishes both halves and their sum without a hidden cell an attacker of the whole report recovers", async () => {
    for (const [id, parameters] of [
      ["out-of-family-stock", { date: day }],
      ["ministry-survey", { year: 2025 }],
    ] as const) {
      const result = await world.run(id, parameters);
      const published = applyDisclosureControl(result.tables, 3);
      const hidden = published.flatMap((table) => table.rows).filter((row) => row.count === null);
      expect(hidden.length, id).toBeGreaterThan(0);
      const key = (cell: { table: number; row: number }) => `${cell.table}/${cell.row}`;
      // What no suppression can protect (a line whose every other cell is a published zero).
      const unprotectable = new Set(
        attackRelease(result.tables, hideEveryNonZeroCell(result.tables)).map(key),
      );
      const recovered = attackRelease(result.tables, published).filter(
        (cell) => !unprotectable.has(key(cell)),
      );
      expect(recovered, id).toEqual([]);
    }
  });

  it("leaves foster care out of a report for some structures only, whose figures add up to the region's", async () => {
    const scoped = await world.run(
      "out-of-family-stock",
      { date: day },
      { scope: { kind: "structures", structureIds: [world.structureIds.A, world.structureIds.B] } },
    );
    // m1, in A and in foster care, is counted in foster care by the region: not by A either.
    expect(nonZeroCells(scoped, "by-setting")).toEqual({ residential: 6 });
  });
});

describe("admissions and discharges 2025 with foster care", () => {
  it("counts the foster cares started in the year, by age at the start, kind and form", async () => {
    const result = await world.run("admissions", { year: 2025 });
    // f7 (17 on 01/01), f5, f1, f2, f6, m1; f3 (daytime) and f4 (four nights) are not out of family.
    expect(nonZeroCells(result, "foster-care-starts-by-age-class-sex")).toEqual({
      "6-10|F": 2,
      "11-14|M": 3,
      "15-17|F": 1,
    });
    expect(nonZeroCells(result, "foster-care-starts-by-kind-form")).toEqual({
      "intra-familial|consensual": 1,
      "intra-familial|judicial": 1,
      "hetero-familial|consensual": 1,
      "hetero-familial|judicial": 3,
    });
  });

  it("counts the foster cares ended in the year, by outcome, length and age at the end", async () => {
    const result = await world.run("discharges", { year: 2025 });
    expect(nonZeroCells(result, "foster-care-ends-by-outcome")).toEqual({ "1": 1, unknown: 1 });
    expect(nonZeroCells(result, "foster-care-ends-by-length")).toEqual({ "<1y": 2 });
    expect(nonZeroCells(result, "foster-care-ends-by-age-class-sex")).toEqual({ "11-14|F": 1, "11-14|M": 1 });
  });
});

describe("trend with foster care", () => {
  it("draws both lines at each month's end, and December agrees with the stock", async () => {
    const result = await world.run("trend", { from: "2025-09", to: "2025-12" });
    const cells = nonZeroCells(result, "by-month-setting");
    // 30/09: f1, f2, f5 (f6's case closed on 01/09; f7 is 18); 31/10: f5 ended on 01/10;
    // 30/11 and 31/12: m1 too.
    expect(Object.fromEntries(Object.entries(cells).filter(([key]) => key.endsWith("foster-care")))).toEqual({
      "2025-09|foster-care": 3,
      "2025-10|foster-care": 2,
      "2025-11|foster-care": 3,
      "2025-12|foster-care": 3,
    });
    expect(cells["2025-12|residential"]).toBe(6);
    const december = tableOf(result, "by-month-citizenship-group").rows.filter(
      (row) => row.month === "2025-12",
    );
    expect(december.reduce((sum, row) => sum + Number(row.count), 0)).toBe(6);
  });
});

describe("ministry-survey 2025 with foster care", () => {
  it("has both parts, and the foster-care ends of the year by outcome", async () => {
    const result = await world.run("ministry-survey", { year: 2025 });
    // Excluding MSNA: residential 5 (m6 is MSNA), foster care 3.
    expect(nonZeroCells(result, "stock-by-setting")).toEqual({ residential: 5, "foster-care": 3 });
    expect(nonZeroCells(result, "foster-stock-by-kind-form")).toEqual({
      "intra-familial|consensual": 1,
      "hetero-familial|judicial": 1,
      "hetero-familial|consensual": 1,
    });
    // f5 ended with outcome 1; f6's case closed with no end: outcome not given.
    expect(nonZeroCells(result, "foster-ends-by-outcome")).toEqual({ "1": 1, unknown: 1 });
    expect(tableOf(result, "foster-ends-young-adults-by-outcome").total).toBe(0);
    expect(tableOf(result, "stock-msna-share").slice).toEqual({ setting: "residential" });
  });
});

describe("a merged record", () => {
  const minorOf = async (caseId: string) =>
    (
      await queryRows<{ id: string }>(
        t.db,
        sql`select minor_id as id from social_case where id = ${caseId}::uuid`,
      )
    )[0].id;
  const pause = () => new Promise((resolve) => setTimeout(resolve, 20));

  it("keeps the foster-care counts when a merge moves the case: one child once; as known before the merge, as it was", async () => {
    // f6 (foster care until its case's closure on 01/09) merged into m1 (residential in A): on
    // 31/08 one child, in both settings, counted once, in foster care (the more recent episode).
    await createOrganisationFor(t, "REG-09", "region");
    await createUserFor(t, "curatore", "registry-steward", "REG-09");
    const steward = await logInAs(t.app, "curatore");
    const august = { date: "2025-08-31" };
    const before = await world.run("out-of-family-stock", august);
    const bySetting = nonZeroCells(before, "by-setting");
    const inBoth = nonZeroCells(before, "data-quality")["in-both-settings"] ?? 0;
    const f6Minor = await minorOf(f6Case);
    const m1Minor = await minorOf(m1Case);
    const pair = [f6Minor, m1Minor].sort();
    const reviewId = randomUUID();
    await t.db.execute(sql`insert into duplicate_review (id, first_minor_id, second_minor_id, score, reasons, state)
      values (${reviewId}::uuid, ${pair[0]}::uuid, ${pair[1]}::uuid, 80, '["test"]'::jsonb, 'pending')`);
    await pause();
    const asOfBeforeMerge = new Date().toISOString();
    await pause();
    const decided = await steward.post(`/api/v1/duplicate-reviews/${reviewId}/decision`, {
      decision: "same",
      reason: "Stesso ragazzo",
    });
    expect(decided.statusCode).toBe(200);
    const { mergeId } = json<{ mergeId: string }>(decided);
    expect(await minorOf(f6Case)).toBe(m1Minor);

    const after = await world.run("out-of-family-stock", august);
    expect(nonZeroCells(after, "by-setting")).toEqual({
      ...bySetting,
      residential: (bySetting.residential ?? 0) - 1,
    });
    expect(nonZeroCells(after, "foster-care-by-kind-form")).toEqual(
      nonZeroCells(before, "foster-care-by-kind-form"),
    );
    expect(nonZeroCells(after, "data-quality")["in-both-settings"]).toBe(inBoth + 1);
    // The move is recorded as new versions: known before the merge, the episode is f6's record's.
    const knownBefore = await world.run("out-of-family-stock", august, { asOf: asOfBeforeMerge });
    expect(JSON.stringify(knownBefore.tables)).toBe(JSON.stringify(before.tables));

    const undone = await steward.post(`/api/v1/minor-merges/${mergeId}/undo`, { reason: "Due ragazzi" });
    expect(undone.statusCode).toBe(200);
    expect(await minorOf(f6Case)).toBe(f6Minor);
    const again = await world.run("out-of-family-stock", august);
    expect(JSON.stringify(again.tables)).toBe(JSON.stringify(before.tables));
  });

  it("counts a case left on its record by a merge made before merges moved cases under the survivor, from that merge on", async () => {
    // f2's record merged into m1's (both in foster care on D) the way merges were recorded before:
    // the case stays on f2's record. One minor, in the more recent episode, once the merge stands.
    const f2Minor = await minorOf(f2Case);
    const m1Minor = await minorOf(m1Case);
    const knownEarlier = await world.run("out-of-family-stock", { date: day }, { asOf: asOfBefore });
    const mergeId = randomUUID();
    await t.db.execute(sql`insert into minor_merge (id, survivor_id, merged_id, reason, repointed, snapshot)
      values (${mergeId}::uuid, ${m1Minor}::uuid, ${f2Minor}::uuid, 'unione precedente', '{}'::jsonb, '{}'::jsonb)`);
    await t.db.execute(sql`update minor set merged_into = ${m1Minor}::uuid where id = ${f2Minor}::uuid`);
    try {
      const result = await world.run("out-of-family-stock", { date: day });
      expect(nonZeroCells(result, "by-setting")).toEqual({ residential: 6, "foster-care": 2 });
      expect(nonZeroCells(result, "data-quality")).toMatchObject({ "in-both-settings": 1 });
      // Known at an instant before that merge, the two records were two children.
      const known = await world.run("out-of-family-stock", { date: day }, { asOf: asOfBefore });
      expect(JSON.stringify(known.tables)).toBe(JSON.stringify(knownEarlier.tables));
    } finally {
      await t.db.execute(sql`update minor set merged_into = null where id = ${f2Minor}::uuid`);
      await t.db.execute(sql`delete from minor_merge where id = ${mergeId}::uuid`);
    }
  });
});

describe("foster_care_history", () => {
  it("holds what the migration's backfill would take from the cases: the current versions, no carer", async () => {
    const migration = readFileSync(
      new URL("../../../db/migrations/0024_foster-care-history.sql", import.meta.url),
      "utf8",
    );
    const backfill = migration.split("--> statement-breakpoint").at(-1) as string;
    const select = backfill.slice(backfill.indexOf("SELECT")).replace(/;\s*$/, "");
    const columns = `episode_id::text, case_id::text, minor_id::text, start_date::text, end_date::text,
      case_closed_on::text, form, kind, duration, character, nights_per_week, outcome`;
    const fromCases = await queryRows(
      t.db,
      sql.raw(`select ${columns} from (${select.replace(/, c\.updated_at\s*FROM/, ", c.updated_at as recorded_from FROM")}) as b(
        episode_id, case_id, minor_id, service_organisation_id, start_date, end_date, case_closed_on,
        form, kind, duration, character, nights_per_week, outcome, recorded_from) order by 1`),
    );
    const current = await queryRows(
      t.db,
      sql.raw(`select ${columns} from foster_care_history where recorded_to is null order by 1`),
    );
    // Every episode recorded but f8's, voided.
    expect(current).toHaveLength(8);
    expect(fromCases).toEqual(current);
    const [{ columnsWithCarers }] = await queryRows<{ columnsWithCarers: number }>(
      t.db,
      sql`select count(*)::int as "columnsWithCarers" from information_schema.columns
          where table_name = 'foster_care_history' and column_name ~ 'carer|name|fiscal'`,
    );
    expect(columnsWithCarers).toBe(0);
  });
});
