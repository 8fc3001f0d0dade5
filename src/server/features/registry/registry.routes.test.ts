import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { arrivedChild, italianChild, resolveIdentity } from "../../../../test/support/registry-fixtures.ts";
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
import type { MinorIdentity } from "../../../domain/registry/minor-identity.ts";
import { findActorOfMembership } from "../../core/session.queries.ts";
import { findUserByUsername, listMembershipsOfUser } from "../access/access.queries.ts";
import { decideReview, undoMerge } from "./review.service.ts";

let t: TestApp;
let operator: Client;
let analyst: Client;
let steward: Client;
let auditor: Client;

beforeAll(async () => {
  t = await createTestApp();
  await createOrganisationFor(t, "REGIONE", "region");
  await createOrganisationFor(t, "COOP", "operator");
  await createUserFor(t, "operatore", "structure-operator", "COOP");
  await createUserFor(t, "analista", "region-analyst", "REGIONE");
  await createUserFor(t, "curatore", "registry-steward", "REGIONE");
  await createUserFor(t, "revisore", "auditor", "REGIONE");
  operator = await logInAs(t.app, "operatore");
  analyst = await logInAs(t.app, "analista");
  steward = await logInAs(t.app, "curatore");
  auditor = await logInAs(t.app, "revisore");
});
afterAll(() => t.close());

const resolve = (identity: MinorIdentity) =>
  resolveIdentity(t.db, identity, { keyring: t.keyring, today: t.today });

describe("registry lookup for admission", () => {
  it("finds a minor by exact fiscal code, shows the identity, and audits the read with its purpose", async () => {
    const child = italianChild({ familyName: "Conti", givenName: "Sara", sex: "F", birthDate: "2013-07-01" });
    const created = await resolve(child);
    const response = await operator.post("/api/v1/registry/lookups", {
      purpose: "admission",
      fiscalCode: child.fiscalCode,
    });
    expect(response.statusCode).toBe(200);
    expect(json(response)).toMatchObject({
      found: true,
      minor: {
        pseudonym: created.pseudonym,
        identity: { familyName: "Conti", givenName: "Sara", birthDate: "2013-07-01" },
      },
    });
    const audit = json<{
      items: { action: string; purpose: string; minorPseudonym: string; username: string }[];
    }>(await auditor.get("/api/v1/audit-entries?action=registry.lookup")).items;
    expect(audit[0]).toMatchObject({
      purpose: "admission",
      minorPseudonym: created.pseudonym,
      username: "operatore",
    });
  });

  it("finds by exact names, birth date and sex; answers 'not found' otherwise, revealing nothing else", async () => {
    await resolve(
      arrivedChild({ familyName: "Sow", givenName: "Aminata", sex: "F", birthDate: "2011-02-02" }),
    );
    const exact = await operator.post("/api/v1/registry/lookups", {
      purpose: "admission",
      familyName: "SOW",
      givenName: "aminata",
      birthDate: "2011-02-02",
      sex: "F",
    });
    expect(json(exact)).toMatchObject({ found: true });
    const other = await operator.post("/api/v1/registry/lookups", {
      purpose: "admission",
      familyName: "Sow",
      givenName: "Aminata",
      birthDate: "2011-02-03",
      sex: "F",
    });
    expect(json(other)).toEqual({ found: false, ambiguous: false, minor: null });
  });

  it("requires the purpose, a valid code, and a role that admits or takes in charge", async () => {
    expect(
      (await operator.post("/api/v1/registry/lookups", { fiscalCode: "RSSMRA80A01H501U" })).statusCode,
    ).toBe(422);
    const invalid = await operator.post("/api/v1/registry/lookups", {
      purpose: "admission",
      fiscalCode: "RSSMRA80A01H501X",
    });
    expect(json(invalid).code).toBe("fiscal-code-invalid");
    expect(invalid.body).not.toContain("RSSMRA80A01H501X");
    const forbidden = await analyst.post("/api/v1/registry/lookups", {
      purpose: "admission",
      fiscalCode: "RSSMRA80A01H501U",
    });
    expect(forbidden.statusCode).toBe(403);
  });
});

describe("pseudonymous view, review, merge and undo", () => {
  it("shows regional users only pseudonym and non-identifying attributes", async () => {
    const created = await resolve(
      italianChild({ familyName: "Gallo", givenName: "Pietro", birthDate: "2010-10-10" }),
    );
    const response = await analyst.get(`/api/v1/minors/${created.pseudonym}`);
    expect(json(response)).toEqual({
      pseudonym: created.pseudonym,
      sex: "M",
      birthYearMonth: "2010-10",
      citizenship: "100",
      residenceComune: null,
      isPossibleDuplicate: false,
    });
    expect(response.body).not.toContain("Gallo");
    expect((await operator.get(`/api/v1/minors/${created.pseudonym}`)).statusCode).toBe(404);
  });

  it("merges a pair decided to be the same child, and undoes the merge exactly", async () => {
    await t.db.execute(sql`create table test_stay (id text primary key, minor_id uuid not null)`);
    const first = await resolve(
      arrivedChild({ familyName: "Kone", givenName: "Ibrahim", birthDate: "2009-05-06" }),
    );
    const second = await resolve(
      arrivedChild({ familyName: "Kone", givenName: "Ibrahim", birthDate: "2009-06-05" }),
    );
    expect(second.outcome).toBe("possible-duplicate");
    await t.db.execute(
      sql`insert into test_stay values ('s1', ${first.minorId}), ('s2', ${second.minorId}), ('s3', ${second.minorId})`,
    );
    const minorsBefore = await queryRows(
      t.db,
      sql`select * from minor where id in (${first.minorId}, ${second.minorId}) order by id`,
    );

    const queue = json<{ items: { id: string; first: { pseudonym: string; familyName: string } }[] }>(
      await steward.get("/api/v1/duplicate-reviews"),
    ).items;
    const review = queue.find((item) => [first.pseudonym, second.pseudonym].includes(item.first.pseudonym));
    expect(review?.first.familyName).toBe("Kone");
    expect((await analyst.get("/api/v1/duplicate-reviews")).statusCode).toBe(403);

    const stewardUser = await findUserByUsername(t.db, "curatore");
    const [membership] = await listMembershipsOfUser(t.db, stewardUser?.id as string);
    const actor = await findActorOfMembership(
      t.db,
      { userId: stewardUser?.id as string, username: "curatore", displayName: "Curatore" },
      membership.membershipId,
    );
    const references = [{ table: "test_stay", column: "minor_id", key: "id" }];
    const merged = await decideReview(
      t.db,
      actor as never,
      review?.id as string,
      { decision: "same", reason: "Stessa foto" },
      references,
    );
    expect(merged.state).toBe("merged");
    const stays = await queryRows<{ minor_id: string }>(t.db, sql`select distinct minor_id from test_stay`);
    expect(stays).toHaveLength(1);
    const [survivorPseudonym, mergedPseudonym] =
      merged.survivor === first.pseudonym
        ? [first.pseudonym, second.pseudonym]
        : [second.pseudonym, first.pseudonym];
    const alias = json<{ pseudonym: string }>(await analyst.get(`/api/v1/minors/${mergedPseudonym}`));
    expect(alias.pseudonym).toBe(survivorPseudonym);

    await undoMerge(t.db, actor as never, merged.mergeId as string, "Erano fratelli", references);
    const staysAfter = await queryRows<{ id: string; minor_id: string }>(
      t.db,
      sql`select * from test_stay order by id`,
    );
    expect(staysAfter).toEqual([
      { id: "s1", minor_id: first.minorId },
      { id: "s2", minor_id: second.minorId },
      { id: "s3", minor_id: second.minorId },
    ]);
    const minorsAfter = await queryRows(
      t.db,
      sql`select * from minor where id in (${first.minorId}, ${second.minorId}) order by id`,
    );
    expect(minorsAfter).toEqual(minorsBefore);
    const pairState = await queryRows<{ state: string }>(
      t.db,
      sql`select state from duplicate_review where id = ${review?.id}`,
    );
    expect(pairState[0].state).toBe("pending");
  });

  it("decides 'different' through the API and does not propose the pair again", async () => {
    const first = await resolve(
      arrivedChild({ familyName: "Traore", givenName: "Moussa", birthDate: "2010-03-02" }),
    );
    await resolve(arrivedChild({ familyName: "Traore", givenName: "Moussa", birthDate: "2010-02-03" }));
    const queue = json<{
      items: { id: string; first: { pseudonym: string }; second: { pseudonym: string } }[];
    }>(await steward.get("/api/v1/duplicate-reviews")).items;
    const review = queue.find((item) =>
      [item.first.pseudonym, item.second.pseudonym].includes(first.pseudonym),
    );
    const response = await steward.post(`/api/v1/duplicate-reviews/${review?.id}/decision`, {
      decision: "different",
      reason: "Date di nascita verificate",
    });
    expect(json(response)).toMatchObject({ state: "different" });
    const again = await steward.post(`/api/v1/duplicate-reviews/${review?.id}/decision`, {
      decision: "same",
      reason: "Ripensamento",
    });
    expect(json(again).code).toBe("review-not-pending");
    const pending = json<{ items: { id: string }[] }>(await steward.get("/api/v1/duplicate-reviews")).items;
    expect(pending.map((item) => item.id)).not.toContain(review?.id);
    const reads = json<{ items: { purpose: string }[] }>(
      await auditor.get("/api/v1/audit-entries?action=registry.review-read"),
    ).items;
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.every((entry) => entry.purpose === "duplicate-review")).toBe(true);
  });
});
