import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  admissionEvent,
  arrivedChild,
  createActiveStructures,
  dischargeEvent,
} from "../../../../test/support/stay-fixtures.ts";
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
import { addDays } from "../../../domain/time/calendar.ts";
import { type EventSource, ingestEvent } from "../stays/ingest-event.ts";

type Side = {
  pseudonym: string;
  givenName: string;
  stays: { structureName: string; admissionDate: string; dischargeDate: string | null }[];
};
type Review = {
  id: string;
  first: Side;
  second: Side;
  staysOverlap: boolean;
  undoneMerge: { mergeReason: string; undoReason: string; undoneAt: string } | null;
};

let t: TestApp;
let steward: Client;
let auditor: Client;
const source: EventSource = {
  kind: "user",
  id: randomUUID(),
  subject: { system: true, label: "test" },
  mayWrite: () => true,
};

beforeAll(async () => {
  t = await createTestApp();
  await createOrganisationFor(t, "REGIONE", "region");
  await createOrganisationFor(t, "COOP", "operator", vatNumber("0123456789"), "Cooperativa Sociale Esempio");
  await createActiveStructures(t.db, ["ST000031", "ST000032"], 4);
  await createUserFor(t, "curatore", "registry-steward", "REGIONE");
  await createUserFor(t, "revisore", "auditor", "REGIONE");
  steward = await logInAs(t.app, "curatore");
  auditor = await logInAs(t.app, "revisore");
});
afterAll(() => t.close());

async function send(event: object) {
  const result = await ingestEvent(t.db, { keyring: t.keyring, today: t.today }, source, event);
  expect(result.status).toBe("accepted");
  return result;
}

async function pendingPairWith(givenName: string) {
  const items = json<{ items: Review[] }>(await steward.get("/api/v1/duplicate-reviews")).items;
  return items.find((item) => [item.first.givenName, item.second.givenName].includes(givenName));
}

describe("the steward's comparison of a pair", () => {
  it("shows where each record is hosted, lately or now, and that readmitted stays do not overlap", async () => {
    const ranAway = addDays(t.today, -120);
    await send(
      admissionEvent(
        "ST000031",
        "dup-1",
        addDays(t.today, -200),
        arrivedChild({ givenName: "Mohamed", familyName: "Hassan", birthDate: "2009-04-12" }),
      ),
    );
    await send(dischargeEvent("ST000031", "dup-1", ranAway));
    const readmitted = await send(
      admissionEvent(
        "ST000032",
        "dup-2",
        addDays(t.today, -100),
        arrivedChild({ givenName: "Muhammad", familyName: "Hassan", birthDate: "2009-04-12" }),
      ),
    );
    expect(readmitted.warnings.map((warning) => warning.code)).toContain("possible-duplicate-minor");

    const pair = await pendingPairWith("Muhammad");
    expect(pair).toBeDefined();
    const sides = [pair?.first, pair?.second];
    const mohamed = sides.find((side) => side?.givenName === "Mohamed");
    const muhammad = sides.find((side) => side?.givenName === "Muhammad");
    expect(mohamed?.stays).toEqual([
      { structureName: "Comunità di prova 1", admissionDate: addDays(t.today, -200), dischargeDate: ranAway },
    ]);
    expect(muhammad?.stays).toEqual([
      { structureName: "Comunità di prova 2", admissionDate: addDays(t.today, -100), dischargeDate: null },
    ]);
    expect(pair?.staysOverlap).toBe(false);
    expect(pair?.undoneMerge).toBeNull();
  });

  it("says when both records are hosted on the same days, and leaves out stays ended over a year ago", async () => {
    await send(
      admissionEvent(
        "ST000031",
        "old-1",
        addDays(t.today, -900),
        arrivedChild({ givenName: "Amine", familyName: "Benali", birthDate: "2010-08-08" }),
      ),
    );
    await send(dischargeEvent("ST000031", "old-1", addDays(t.today, -800)));
    await send(
      admissionEvent(
        "ST000031",
        "twin-1",
        addDays(t.today, -30),
        arrivedChild({ givenName: "Amine", familyName: "Benali", birthDate: "2010-08-08" }),
      ),
    );
    await send(
      admissionEvent(
        "ST000032",
        "twin-2",
        addDays(t.today, -20),
        arrivedChild({ givenName: "Amin", familyName: "Benali", birthDate: "2010-08-08" }),
      ),
    );
    const pair = await pendingPairWith("Amin");
    expect(pair?.staysOverlap).toBe(true);
    const amine = [pair?.first, pair?.second].find((side) => side?.givenName === "Amine");
    expect(amine?.stays.map((stay) => stay.admissionDate)).toEqual([addDays(t.today, -30)]);
  });
});

describe("undoing a merge", () => {
  it("puts the pair back in the queue with the reason of the undo, and both minors flagged again", async () => {
    // A pair of its own: the comparison's tests above may run before or after this one.
    await send(
      admissionEvent(
        "ST000031",
        "undo-1",
        addDays(t.today, -300),
        arrivedChild({ givenName: "Youssef", familyName: "Karimi", birthDate: "2008-02-02" }),
      ),
    );
    await send(dischargeEvent("ST000031", "undo-1", addDays(t.today, -250)));
    const readmitted = await send(
      admissionEvent(
        "ST000032",
        "undo-2",
        addDays(t.today, -150),
        arrivedChild({ givenName: "Yusuf", familyName: "Karimi", birthDate: "2008-02-02" }),
      ),
    );
    expect(readmitted.warnings.map((warning) => warning.code)).toContain("possible-duplicate-minor");
    const pair = (await pendingPairWith("Yusuf")) as Review;
    expect(pair).toBeDefined();
    const decided = await steward.post(`/api/v1/duplicate-reviews/${pair.id}/decision`, {
      decision: "same",
      reason: "Stesso ragazzo, nome trascritto in due modi",
    });
    expect(decided.statusCode).toBe(200);
    expect(await pendingPairWith("Yusuf")).toBeUndefined();
    const { mergeId } = json<{ mergeId: string }>(decided);
    type Merge = { id: string; survivor: string; merged: string; reason: string; undoneAt: string | null };
    const merges = async () => json<{ items: Merge[] }>(await steward.get("/api/v1/minor-merges")).items;
    const merge = (await merges()).find((item) => item.id === mergeId);
    expect(merge).toMatchObject({ reason: "Stesso ragazzo, nome trascritto in due modi", undoneAt: null });
    expect([merge?.survivor, merge?.merged].sort()).toEqual(
      [pair.first.pseudonym, pair.second.pseudonym].sort(),
    );

    const undone = await steward.post(`/api/v1/minor-merges/${mergeId}/undo`, {
      reason: "La struttura conferma che sono due ragazzi diversi",
    });
    expect(undone.statusCode).toBe(200);
    const undoneMerge = (await merges()).find((item) => item.id === mergeId);
    expect(Number.isNaN(Date.parse(undoneMerge?.undoneAt ?? ""))).toBe(false);
    const back = await pendingPairWith("Yusuf");
    expect(back?.id).toBe(pair.id);
    expect(back?.undoneMerge).toMatchObject({
      mergeReason: "Stesso ragazzo, nome trascritto in due modi",
      undoReason: "La struttura conferma che sono due ragazzi diversi",
    });
    expect(Number.isNaN(Date.parse(back?.undoneMerge?.undoneAt ?? ""))).toBe(false);
    // The stays went back to their own records: each side is hosted where it was.
    expect(back?.first.stays).toHaveLength(1);
    expect(back?.second.stays).toHaveLength(1);
    const flags = await queryRows<{ flagged: boolean }>(
      t.db,
      sql`select is_possible_duplicate as flagged from minor
          where pseudonym in (${back?.first.pseudonym}, ${back?.second.pseudonym})`,
    );
    expect(flags).toEqual([{ flagged: true }, { flagged: true }]);

    // Decided again, for good this time: different, and the pair leaves the queue.
    const different = await steward.post(`/api/v1/duplicate-reviews/${pair.id}/decision`, {
      decision: "different",
      reason: "Verificato con i documenti: due ragazzi",
    });
    expect(json(different)).toMatchObject({ state: "different" });
    expect(await pendingPairWith("Yusuf")).toBeUndefined();
    const reads = json<{ items: { purpose: string }[] }>(
      await auditor.get("/api/v1/audit-entries?action=registry.review-read"),
    ).items;
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.every((entry) => entry.purpose === "duplicate-review")).toBe(true);
  });

  it("is not cached by the browser", async () => {
    const response = await steward.get("/api/v1/duplicate-reviews");
    expect(response.headers["cache-control"]).toBe("no-store");
  });
});
