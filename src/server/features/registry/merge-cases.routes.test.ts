import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { admit, openCaseFor, recordCaseFacts, stayFact } from "../../../../test/support/case-fixtures.ts";
import { createActiveStructures, italianChild } from "../../../../test/support/stay-fixtures.ts";
import {
  type Client,
  createOrganisationFor,
  createTestApp,
  createUserFor,
  json,
  logInAs,
  type TestApp,
  testToday,
} from "../../../../test/support/test-app.ts";
import { queryRows } from "../../../db/database.ts";
import type { CaseTimeline } from "../../../domain/cases/case-timeline-api.schema.ts";
import { addDays } from "../../../domain/time/calendar.ts";

/**
 * A merge of two records of one child moves their SINBA case files with them: the cases, their
 * facts and their placement requests go to the survivor, and an undo brings them back exactly.
 * The pairs are queued by hand (the steward decides on them whatever the pipeline proposed).
 */
let t: TestApp;
let steward: Client;
let auditor: Client;
let serviceA: Client;
let serviceB: Client;

const child = (familyName: string, givenName: string, birthDate: string) =>
  italianChild({ familyName, givenName, sex: "M", birthDate });

beforeAll(async () => {
  t = await createTestApp();
  await createActiveStructures(t.db, ["ST000041", "ST000042"]);
  await createOrganisationFor(t, "REGIONE", "region");
  await createOrganisationFor(t, "SST-A", "social-service", undefined, "Servizio sociale A");
  await createOrganisationFor(t, "SST-B", "social-service", undefined, "Servizio sociale B");
  await createUserFor(t, "curatore", "registry-steward", "REGIONE");
  await createUserFor(t, "revisore", "auditor", "REGIONE");
  await createUserFor(t, "sociale-a", "service-operator", "SST-A");
  await createUserFor(t, "sociale-b", "service-operator", "SST-B");
  steward = await logInAs(t.app, "curatore");
  auditor = await logInAs(t.app, "revisore");
  serviceA = await logInAs(t.app, "sociale-a");
  serviceB = await logInAs(t.app, "sociale-b");
}, 120_000);
afterAll(() => t?.close());

async function minorIdOf(pseudonym: string) {
  const [row] = await queryRows<{ id: string }>(
    t.db,
    sql`select id from minor where pseudonym = ${pseudonym}`,
  );
  return row.id;
}

/** A pending pair between two records, smaller id first (the table's order). */
async function queuePair(firstPseudonym: string, secondPseudonym: string) {
  const ids = [await minorIdOf(firstPseudonym), await minorIdOf(secondPseudonym)].sort();
  const id = randomUUID();
  await t.db.execute(sql`insert into duplicate_review (id, first_minor_id, second_minor_id, score, reasons, state)
    values (${id}::uuid, ${ids[0]}::uuid, ${ids[1]}::uuid, 80, '["test"]'::jsonb, 'pending')`);
  return id;
}

/** Where every row of the case file of two minors points: what a merge moves and an undo restores. */
async function caseFileOf(minorIds: string[]) {
  return queryRows<{ tableName: string; id: string; minorId: string }>(
    t.db,
    sql`select 'social_case' as "tableName", id::text, minor_id::text as "minorId" from social_case
          where minor_id in (${minorIds[0]}::uuid, ${minorIds[1]}::uuid)
        union all
        select 'case_event', id::text, minor_id::text from case_event
          where minor_id in (${minorIds[0]}::uuid, ${minorIds[1]}::uuid)
        order by 1, 2`,
  );
}

describe("a merge of two records with case files", () => {
  it("moves the merged record's cases and facts to the survivor, reads the child through it, and an undo restores them exactly", async () => {
    const older = child("Ferrante", "Davide", "2011-05-06");
    const newer = child("Ferrante", "Davide Maria", "2011-05-06");
    await admit(t, "ST000041", "m-1", "2026-09-01", older);
    await stayFact(t, "discharge", "ST000041", "m-1", "2026-09-15", {
      discharge: { reason: "transferred", destination: "other-residential" },
    });
    const newerStay = (await admit(t, "ST000042", "m-2", "2026-09-16", newer)).stayId;
    const survivorCase = await openCaseFor(serviceB, older.fiscalCode as string, "2026-10-02");
    const movedCase = await openCaseFor(serviceA, newer.fiscalCode as string, "2026-10-02");
    await recordCaseFacts(serviceA, movedCase.caseId, [
      {
        id: randomUUID(),
        type: "assessment",
        occurredOn: "2026-10-03",
        assessment: { child: { values: ["2"], prevalent: "2" } },
      },
      { id: randomUUID(), type: "placement", occurredOn: "2026-10-04", placement: { stayId: newerStay } },
    ]);
    const ids = [await minorIdOf(survivorCase.pseudonym), await minorIdOf(movedCase.pseudonym)];
    const before = await caseFileOf(ids);
    expect(before.filter((row) => row.tableName === "social_case")).toHaveLength(2);
    const reviewId = await queuePair(survivorCase.pseudonym, movedCase.pseudonym);

    const decided = await steward.post(`/api/v1/duplicate-reviews/${reviewId}/decision`, {
      decision: "same",
      reason: "Stesso ragazzo, secondo nome omesso",
    });
    expect(decided.statusCode).toBe(200);
    const { mergeId, survivor } = json<{ mergeId: string; survivor: string }>(decided);
    expect(survivor).toBe(survivorCase.pseudonym);

    // Every case and every fact of the child now names the survivor.
    const merged = await caseFileOf(ids);
    expect(merged.map((row) => row.id)).toEqual(before.map((row) => row.id));
    expect(new Set(merged.map((row) => row.minorId))).toEqual(new Set([ids[0]]));
    const audit = json<{ items: { details: { movedCases?: number; mergeId?: string } }[] }>(
      await auditor.get("/api/v1/audit-entries?action=registry.merge"),
    ).items.find((entry) => entry.details.mergeId === mergeId);
    expect(audit?.details.movedCases).toBe(1);

    // The service in charge of the merged record's case still reads the child, by either pseudonym.
    for (const pseudonym of [movedCase.pseudonym, survivorCase.pseudonym]) {
      expect((await serviceA.get(`/api/v1/minors/${pseudonym}/identity`)).statusCode).toBe(200);
    }
    const read = json<{ minorPseudonym: string; stays: { stayId: string }[] }>(
      await serviceA.get(`/api/v1/cases/${movedCase.caseId}`),
    );
    expect(read.minorPseudonym).toBe(survivorCase.pseudonym);
    expect(read.stays).toHaveLength(2);
    // The case's timeline is whole: its facts, and the child's stays on both records.
    const timeline = json<CaseTimeline>(await serviceA.get(`/api/v1/cases/${movedCase.caseId}/timeline`));
    const kinds = timeline.entries.map((entry) => entry.kind);
    expect(kinds).toEqual(expect.arrayContaining(["case-opened", "assessment", "placement"]));
    expect(timeline.entries.filter((entry) => entry.kind === "admission").map((entry) => entry.date)).toEqual(
      ["2026-09-16", "2026-09-01"],
    );

    // A fact recorded while the merge stands names the survivor, and goes back with its case.
    await recordCaseFacts(serviceA, movedCase.caseId, [
      {
        id: randomUUID(),
        type: "judicial-measure",
        occurredOn: addDays(testToday, -32),
        measure: { authority: "1", kind: "5" },
      },
    ]);
    const undone = await steward.post(`/api/v1/minor-merges/${mergeId}/undo`, {
      reason: "Due ragazzi diversi, confermato dai servizi",
    });
    expect(undone.statusCode).toBe(200);
    const restored = await caseFileOf(ids);
    const later = restored.filter((row) => !before.some((earlier) => earlier.id === row.id));
    expect(later).toEqual([expect.objectContaining({ tableName: "case_event", minorId: ids[1] })]);
    expect(restored.filter((row) => row !== later[0])).toEqual(before);
    const unmerge = json<{ items: { details: { movedCases?: number; mergeId?: string } }[] }>(
      await auditor.get("/api/v1/audit-entries?action=registry.unmerge"),
    ).items.find((entry) => entry.details.mergeId === mergeId);
    expect(unmerge?.details.movedCases).toBe(1);
  });

  it("is refused, changing nothing, when both records have an open case at the same service", async () => {
    const first = child("Galli", "Enea", "2012-02-03");
    const second = child("Galli", "Enea Luca", "2012-02-03");
    await admit(t, "ST000041", "c-1", "2026-09-01", first);
    await stayFact(t, "discharge", "ST000041", "c-1", "2026-09-10", {
      discharge: { reason: "transferred", destination: "other-residential" },
    });
    await admit(t, "ST000042", "c-2", "2026-09-11", second);
    const firstCase = await openCaseFor(serviceA, first.fiscalCode as string, "2026-10-02");
    const secondCase = await openCaseFor(serviceA, second.fiscalCode as string, "2026-10-02");
    const ids = [await minorIdOf(firstCase.pseudonym), await minorIdOf(secondCase.pseudonym)];
    const before = await caseFileOf(ids);
    const minorsBefore = await queryRows(
      t.db,
      sql`select * from minor where id in (${ids[0]}::uuid, ${ids[1]}::uuid) order by id`,
    );
    const reviewId = await queuePair(firstCase.pseudonym, secondCase.pseudonym);

    const refused = await steward.post(`/api/v1/duplicate-reviews/${reviewId}/decision`, {
      decision: "same",
      reason: "Stesso ragazzo",
    });
    expect(refused.statusCode).toBe(409);
    const problem = json<{ code: string; detail: string }>(refused);
    expect(problem.code).toBe("merge-open-cases-conflict");
    expect(problem.detail).toContain("Servizio sociale A");
    expect(problem.detail).toContain("chiudere una delle due cartelle");

    expect(await caseFileOf(ids)).toEqual(before);
    expect(
      await queryRows(
        t.db,
        sql`select * from minor where id in (${ids[0]}::uuid, ${ids[1]}::uuid) order by id`,
      ),
    ).toEqual(minorsBefore);
    const [{ state }] = await queryRows<{ state: string }>(
      t.db,
      sql`select state from duplicate_review where id = ${reviewId}::uuid`,
    );
    expect(state).toBe("pending");
    const [{ merges }] = await queryRows<{ merges: number }>(
      t.db,
      sql`select count(*)::int as merges from minor_merge where merged_id in (${ids[0]}::uuid, ${ids[1]}::uuid)`,
    );
    expect(merges).toBe(0);

    // Once the service has closed one of the two cases, the same pair merges.
    await recordCaseFacts(serviceA, secondCase.caseId, [
      {
        id: randomUUID(),
        type: "closure",
        occurredOn: "2026-10-10",
        closure: { reason: "4", situation: "1" },
      },
    ]);
    const merged = await steward.post(`/api/v1/duplicate-reviews/${reviewId}/decision`, {
      decision: "same",
      reason: "Stesso ragazzo",
    });
    expect(merged.statusCode).toBe(200);
    expect(new Set((await caseFileOf(ids)).map((row) => row.minorId))).toEqual(new Set([ids[0]]));
  });
});
