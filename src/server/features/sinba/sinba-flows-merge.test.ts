import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { admit, openCaseFor, recordCaseFacts, stayFact } from "../../../../test/support/case-fixtures.ts";
import {
  admitToFlorenceStructure,
  completeSinbaCase,
  completingFacts,
  createFlorenceService,
  openSinbaCase,
  sinbaSituation,
} from "../../../../test/support/sinba-case-fixtures.ts";
import { italianChild } from "../../../../test/support/stay-fixtures.ts";
import { vatNumber } from "../../../../test/support/structure-fixtures.ts";
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
import { createOrganisation } from "../access/index.ts";
import { validateAgainstXsd } from "./xsd-validation.ts";

/**
 * The IDBeneficiario of the SINBA flows of a child whose two records the steward merges
 * (docs/sinba.md, merged records): a moved case keeps the pseudonym INPS already has it under, a
 * case never sent or opened after the merge carries the survivor's, and after an undo each case
 * goes back to its own record's; a second merge, of the survivor into an older record, keeps the
 * pseudonym too. Three services, so that the two records can have open cases
 * without the merge being refused (one open case per service and child).
 */
let t: TestApp;
let steward: Client;
let florence: Client;
let prato: Client;
let arezzo: Client;

const system = { system: true as const, label: "test" };

beforeAll(async () => {
  t = await createTestApp();
  await createFlorenceService(t);
  await createOrganisation(t.db, system, {
    code: "SST-PO",
    name: "Servizio sociale di Prato",
    kind: "social-service",
    fiscalCode: vatNumber("8400689048"),
    comune: "100005",
  });
  await createOrganisation(t.db, system, {
    code: "SST-AR",
    name: "Servizio sociale di Arezzo",
    kind: "social-service",
    fiscalCode: vatNumber("0009912051"),
    comune: "051002",
  });
  await createOrganisationFor(t, "REGIONE", "region");
  await createUserFor(t, "curatore", "registry-steward", "REGIONE");
  await createUserFor(t, "sociale-fi", "service-operator", "SST-FI");
  await createUserFor(t, "sociale-po", "service-operator", "SST-PO");
  await createUserFor(t, "sociale-ar", "service-operator", "SST-AR");
  steward = await logInAs(t.app, "curatore");
  florence = await logInAs(t.app, "sociale-fi");
  prato = await logInAs(t.app, "sociale-po");
  arezzo = await logInAs(t.app, "sociale-ar");
}, 120_000);
afterAll(() => t?.close());

/**
 * Two records of one child: the older one (hosted from 1 to 10 September 2026) survives a merge,
 * the younger one (a second name added, hosted from 11 September) is merged into it.
 */
async function twoRecordsOf(familyName: string, givenName: string, stayRef: string) {
  const identity = { familyName, sex: "F" as const, birthDate: "2013-02-11", residenceComune: "048017" };
  const older = italianChild({ ...identity, givenName });
  const younger = italianChild({ ...identity, givenName: `${givenName} Maria` });
  await admitToFlorenceStructure(t, `${stayRef}-1`, older);
  await stayFact(t, "discharge", "ST000001", `${stayRef}-1`, "2026-09-10", {
    discharge: { reason: "transferred", destination: "other-residential" },
  });
  await admit(t, "ST000001", `${stayRef}-2`, "2026-09-11", younger);
  return {
    olderFiscalCode: older.fiscalCode as string,
    youngerFiscalCode: younger.fiscalCode as string,
    fiscalCodes: [older.fiscalCode as string, younger.fiscalCode as string],
  };
}

/** The steward decides that the two records are one child; the pair is queued unless already pending. */
async function merge(firstPseudonym: string, secondPseudonym: string) {
  const ids = (
    await queryRows<{ id: string }>(
      t.db,
      sql`select id::text from minor where pseudonym in (${firstPseudonym}, ${secondPseudonym})`,
    )
  )
    .map((row) => row.id)
    .sort();
  await t.db.execute(sql`insert into duplicate_review (id, first_minor_id, second_minor_id, score, reasons, state)
    values (${randomUUID()}::uuid, ${ids[0]}::uuid, ${ids[1]}::uuid, 80, '["test"]'::jsonb, 'pending')
    on conflict (first_minor_id, second_minor_id) do nothing`);
  const [{ reviewId }] = await queryRows<{ reviewId: string }>(
    t.db,
    sql`select id::text as "reviewId" from duplicate_review
        where first_minor_id = ${ids[0]}::uuid and second_minor_id = ${ids[1]}::uuid and state = 'pending'`,
  );
  const decided = await steward.post(`/api/v1/duplicate-reviews/${reviewId}/decision`, {
    decision: "same",
    reason: "Stessa ragazza, secondo nome omesso",
  });
  expect(decided.statusCode, decided.body).toBe(200);
  return json<{ mergeId: string; survivor: string }>(decided);
}

async function undo(mergeId: string) {
  const undone = await steward.post(`/api/v1/minor-merges/${mergeId}/undo`, {
    reason: "Due ragazze diverse, confermato dai servizi",
  });
  expect(undone.statusCode, undone.body).toBe(200);
}

/** A change of an exported attribute (ScuolaFrequentata): the case's next check records a flow. */
function schoolChange(occurredOn: string, school: string) {
  return [{ id: randomUUID(), type: "situation", occurredOn, situation: { ...sinbaSituation, school } }];
}

type StoredFlow = { reason: string; beneficiaryId: string; xml: string };

/** The case's flows as recorded, oldest first. */
async function flowsOfCase(caseId: string) {
  return queryRows<StoredFlow>(
    t.db,
    sql`select reason, record->>'IDBeneficiario' as "beneficiaryId", xml from sinba_flow
        where case_id = ${caseId}::uuid order by sequence`,
  );
}

/** Each flow: its reason and IDBeneficiario; its XML valid against SINBA.xsd and without a fiscal code. */
async function beneficiariesOf(caseId: string, fiscalCodes: string[]) {
  const flows = await flowsOfCase(caseId);
  for (const flow of flows) {
    expect(validateAgainstXsd(flow.xml, "sinba")).toEqual({ ok: true });
    expect(flow.xml).toContain(`IDBeneficiario="${flow.beneficiaryId}"`);
    for (const fiscalCode of fiscalCodes) {
      expect(flow.beneficiaryId).not.toBe(fiscalCode);
      expect(flow.xml).not.toContain(fiscalCode);
    }
  }
  return flows.map((flow) => [flow.reason, flow.beneficiaryId]);
}

describe("the IDBeneficiario of SINBA flows after a merge of two records of one child", () => {
  it("a moved case keeps the merged record's pseudonym; the survivor's cases, a case never sent and one opened after the merge carry the survivor's", async () => {
    const { olderFiscalCode, youngerFiscalCode, fiscalCodes } = await twoRecordsOf("Marchi", "Elisa", "e");
    const survivorCase = await openSinbaCase(prato, olderFiscalCode);
    await completeSinbaCase(prato, survivorCase.caseId);
    const movedCase = await openSinbaCase(florence, youngerFiscalCode);
    await completeSinbaCase(florence, movedCase.caseId);
    const neverSent = await openSinbaCase(arezzo, youngerFiscalCode);
    expect(await t.app.sinbaFlowWorker.drain()).toEqual({ checked: 3, recorded: 2, notSendable: 1 });
    const older = survivorCase.pseudonym;
    const younger = movedCase.pseudonym;
    expect(neverSent.pseudonym).toBe(younger);
    expect(older).not.toBe(younger);
    expect(await beneficiariesOf(movedCase.caseId, fiscalCodes)).toEqual([["opened", younger]]);

    const { survivor } = await merge(older, younger);
    expect(survivor).toBe(older);
    await recordCaseFacts(florence, movedCase.caseId, schoolChange("2026-10-21", "4"));
    await recordCaseFacts(prato, survivorCase.caseId, schoolChange("2026-10-21", "4"));
    await completeSinbaCase(arezzo, neverSent.caseId);
    expect(await t.app.sinbaFlowWorker.drain()).toEqual({ checked: 3, recorded: 3, notSendable: 0 });

    // INPS has the moved case under the merged record's pseudonym: its national history stays one.
    expect(await beneficiariesOf(movedCase.caseId, fiscalCodes)).toEqual([
      ["opened", younger],
      ["changed", younger],
    ]);
    expect(await beneficiariesOf(survivorCase.caseId, fiscalCodes)).toEqual([
      ["opened", older],
      ["changed", older],
    ]);
    expect(await beneficiariesOf(neverSent.caseId, fiscalCodes)).toEqual([["opened", older]]);

    // The service closes its case; a new one, opened after the merge through the merged record's
    // fiscal code, is the survivor's.
    await recordCaseFacts(prato, survivorCase.caseId, [
      {
        id: randomUUID(),
        type: "closure",
        occurredOn: "2026-11-02",
        closure: { reason: "4", situation: "1" },
      },
    ]);
    const openedAfter = await openCaseFor(prato, youngerFiscalCode, "2026-11-03");
    expect(openedAfter.pseudonym).toBe(older);
    await recordCaseFacts(
      prato,
      openedAfter.caseId,
      completingFacts().map((fact) => ({ ...fact, occurredOn: "2026-11-04" })),
    );
    expect(await t.app.sinbaFlowWorker.drain()).toEqual({ checked: 2, recorded: 2, notSendable: 0 });
    expect(await beneficiariesOf(survivorCase.caseId, fiscalCodes)).toEqual([
      ["opened", older],
      ["changed", older],
      ["closed", older],
    ]);
    expect(await beneficiariesOf(openedAfter.caseId, fiscalCodes)).toEqual([["opened", older]]);
    // The flows list shows each flow under the IDBeneficiario it was sent with.
    const listed = json<{ items: { caseId: string; minorPseudonym: string }[] }>(
      await florence.get("/api/v1/sinba/flows"),
    ).items.filter((flow) => flow.caseId === movedCase.caseId);
    expect(listed.map((flow) => flow.minorPseudonym)).toEqual([younger, younger]);
  });

  it("after an undo of the merge, each case's next flow carries its own record's pseudonym", async () => {
    const { olderFiscalCode, youngerFiscalCode, fiscalCodes } = await twoRecordsOf("Serra", "Giulia", "g");
    const movedCase = await openSinbaCase(florence, youngerFiscalCode);
    await completeSinbaCase(florence, movedCase.caseId);
    const neverSent = await openSinbaCase(arezzo, youngerFiscalCode);
    const survivorCase = await openSinbaCase(prato, olderFiscalCode);
    await completeSinbaCase(prato, survivorCase.caseId);
    expect(await t.app.sinbaFlowWorker.drain()).toEqual({ checked: 3, recorded: 2, notSendable: 1 });
    const older = survivorCase.pseudonym;
    const younger = movedCase.pseudonym;

    const { mergeId } = await merge(older, younger);
    await recordCaseFacts(florence, movedCase.caseId, schoolChange("2026-10-21", "4"));
    await completeSinbaCase(arezzo, neverSent.caseId);
    expect(await t.app.sinbaFlowWorker.drain()).toEqual({ checked: 2, recorded: 2, notSendable: 0 });
    expect(await beneficiariesOf(neverSent.caseId, fiscalCodes)).toEqual([["opened", older]]);

    await undo(mergeId);
    await recordCaseFacts(florence, movedCase.caseId, schoolChange("2026-10-25", "3"));
    await recordCaseFacts(arezzo, neverSent.caseId, schoolChange("2026-10-25", "4"));
    await recordCaseFacts(prato, survivorCase.caseId, schoolChange("2026-10-25", "4"));
    expect(await t.app.sinbaFlowWorker.drain()).toEqual({ checked: 3, recorded: 3, notSendable: 0 });

    expect(await beneficiariesOf(movedCase.caseId, fiscalCodes)).toEqual([
      ["opened", younger],
      ["changed", younger],
      ["changed", younger],
    ]);
    // Sent under the survivor's pseudonym while the merge stood, it goes back to its own record's:
    // the survivor's is no longer this child's.
    expect(await beneficiariesOf(neverSent.caseId, fiscalCodes)).toEqual([
      ["opened", older],
      ["changed", younger],
    ]);
    expect(await beneficiariesOf(survivorCase.caseId, fiscalCodes)).toEqual([
      ["opened", older],
      ["changed", older],
    ]);
  });

  it("a second merge keeps it too: the survivor of the first merge merged into an older record", async () => {
    const identity = {
      familyName: "Conti",
      sex: "F" as const,
      birthDate: "2013-02-11",
      residenceComune: "048017",
    };
    const [oldest, middle, youngest] = ["Lia", "Lia Maria", "Lia Anna"].map((givenName) =>
      italianChild({ ...identity, givenName }),
    );
    await admitToFlorenceStructure(t, "l-1", oldest);
    await stayFact(t, "discharge", "ST000001", "l-1", "2026-09-05", {
      discharge: { reason: "transferred", destination: "other-residential" },
    });
    await admit(t, "ST000001", "l-2", "2026-09-06", middle);
    await stayFact(t, "discharge", "ST000001", "l-2", "2026-09-08", {
      discharge: { reason: "transferred", destination: "other-residential" },
    });
    await admit(t, "ST000001", "l-3", "2026-09-09", youngest);
    const fiscalCodes = [oldest, middle, youngest].map((child) => child.fiscalCode as string);
    const movedCase = await openSinbaCase(florence, youngest.fiscalCode as string);
    await completeSinbaCase(florence, movedCase.caseId);
    expect(await t.app.sinbaFlowWorker.drain()).toEqual({ checked: 1, recorded: 1, notSendable: 0 });
    const youngestPseudonym = movedCase.pseudonym;
    const [middlePseudonym, oldestPseudonym] = await Promise.all(
      [middle, oldest].map(async (child) => {
        const lookup = await florence.post("/api/v1/registry/lookups", {
          purpose: "admission",
          fiscalCode: child.fiscalCode,
        });
        return json<{ minor: { pseudonym: string } }>(lookup).minor.pseudonym;
      }),
    );

    expect((await merge(middlePseudonym, youngestPseudonym)).survivor).toBe(middlePseudonym);
    await recordCaseFacts(florence, movedCase.caseId, schoolChange("2026-10-21", "4"));
    expect(await t.app.sinbaFlowWorker.drain()).toEqual({ checked: 1, recorded: 1, notSendable: 0 });
    const second = await merge(oldestPseudonym, middlePseudonym);
    expect(second.survivor).toBe(oldestPseudonym);
    await recordCaseFacts(florence, movedCase.caseId, schoolChange("2026-10-22", "3"));
    expect(await t.app.sinbaFlowWorker.drain()).toEqual({ checked: 1, recorded: 1, notSendable: 0 });
    // Undoing the second merge leaves the first: the youngest record is still merged into the case's.
    await undo(second.mergeId);
    await recordCaseFacts(florence, movedCase.caseId, schoolChange("2026-10-23", "4"));
    expect(await t.app.sinbaFlowWorker.drain()).toEqual({ checked: 1, recorded: 1, notSendable: 0 });
    expect(await beneficiariesOf(movedCase.caseId, fiscalCodes)).toEqual([
      ["opened", youngestPseudonym],
      ["changed", youngestPseudonym],
      ["changed", youngestPseudonym],
      ["changed", youngestPseudonym],
    ]);
  });
});
