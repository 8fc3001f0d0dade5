import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTestApp,
  enrolSecondFactorFor,
  json,
  logInAs,
  type TestApp,
} from "../../../test/support/test-app.ts";
import { addDays } from "../../domain/time/calendar.ts";
import { createDemoData } from "./demo-data.ts";
import { createDemoStays } from "./demo-stays.ts";

type Side = { givenName: string; familyName: string; stays: { structureName: string }[] };
type Review = { reasons: string[]; first: Side; second: Side; staysOverlap: boolean };

let t: TestApp;
let reviews: Review[] = [];

beforeAll(async () => {
  t = await createTestApp();
  const demo = await createDemoData(t.db, t.config.regionCode, t.today);
  // The same builder as `sirmi start`, over the last two months only: the whole demo takes minutes.
  const stays = await createDemoStays(t.db, t.keyring, t.today, addDays(t.today, -60));
  expect(stays.stays).toBeGreaterThan(0);
  const steward = demo.passwords.find((user) => user.username === "curatore");
  // The steward sees identities: a second factor, enrolled as the person would at first login.
  await enrolSecondFactorFor(t, "curatore");
  const client = await logInAs(t.app, "curatore", steward?.password);
  reviews = json<{ items: Review[] }>(await client.get("/api/v1/duplicate-reviews")).items;
});
afterAll(() => t.close());

const names = (review: Review) =>
  [review.first, review.second].map((side) => `${side.givenName} ${side.familyName}`).sort();

describe("a fresh demo leaves the steward possible duplicates to decide", () => {
  it("has at least two pairs in the queue", () => {
    expect(reviews.length).toBeGreaterThanOrEqual(2);
  });

  it("a boy without a fiscal code readmitted elsewhere with his name transliterated, stays one after the other", () => {
    const pair = reviews.find(
      (review) => names(review).join() === "Mohamed Abdelrahman,Muhammad Abdelrahman",
    );
    expect(pair?.reasons).toContain("name-spelling-variant");
    expect(pair?.staysOverlap).toBe(false);
    const hosts = [pair?.first, pair?.second].map((side) => side?.stays.map((stay) => stay.structureName));
    expect(hosts.every((list) => list?.length === 1)).toBe(true);
    expect(hosts[0]?.[0]).not.toBe(hosts[1]?.[0]);
  });

  it("a girl readmitted without her fiscal code and a typo in her surname", () => {
    const pair = reviews.find((review) => names(review).join() === "Giulia Berdini,Giulia Bertini");
    expect(pair?.reasons).toContain("name-typo");
    expect(pair?.staysOverlap).toBe(false);
  });

  it("two namesakes with the conventional birth date, hosted on the same days", () => {
    const pair = reviews.find((review) => names(review).join() === "Mamadou Diallo,Mamadou Diallo");
    expect(pair?.reasons).toContain("birth-date-conventional");
    expect(pair?.staysOverlap).toBe(true);
  });
});
