import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { admissionEvent, createActiveStructures } from "../../../../test/support/stay-fixtures.ts";
import {
  createOrganisationFor,
  createTestApp,
  json,
  type TestApp,
} from "../../../../test/support/test-app.ts";
import { queryRows } from "../../../db/database.ts";
import { caseProblemMessages } from "../../../domain/cases/case-problems.ts";
import {
  type KeyedClient,
  postCaseEvents,
  postEvents,
  publicUrl,
  registerClient,
  registerServiceClient,
} from "../events/machine-request.fixtures.ts";

/**
 * The examples of docs/case-interchange.md, sent as printed in the order of the page: each bare
 * event in a request of its own (accepted, or a duplicate of an earlier request), each request
 * with the results printed after it compared field by field. The only value filled in is the
 * placement's stay id, which a service learns from S.I.R.MI.
 */
const documentPath = path.resolve(import.meta.dirname, "../../../../docs/case-interchange.md");
const printedStayId = "5a7d3c1e-0b2f-4d6a-8e9c-1f3b5d7a9001";
const document = fs.readFileSync(documentPath, "utf8");

type Result = { id: string; status: string; warnings: unknown[]; errors: unknown[]; caseId?: string };

let t: TestApp;
let sending: KeyedClient;
let receiving: KeyedClient;
let stayId = "";

beforeAll(async () => {
  t = await createTestApp({ SIRMI_PUBLIC_URL: publicUrl });
  await createActiveStructures(t.db, ["ST000123"]);
  await createOrganisationFor(t, "SST-048017-01", "social-service");
  await createOrganisationFor(t, "SST-048017-02", "social-service");
  sending = await registerServiceClient(t.db, "SST-048017-01");
  receiving = await registerServiceClient(t.db, "SST-048017-02");
  // The child of the examples, hosted in a structure: the placement links that stay.
  const structure = await registerClient(t.db, ["ST000123"]);
  const admitted = await postEvents(t.app, structure, {
    events: [
      admissionEvent("ST000123", "2026-031", "2026-10-01", {
        fiscalCode: "BNCGLI13E48D612R",
        familyName: "Bianchi",
        givenName: "Giulia",
        sex: "F",
        birthDate: "2013-05-08",
      }),
    ],
  });
  expect(json<{ results: { status: string }[] }>(admitted).results[0].status).toBe("accepted");
  const [row] = await queryRows<{ id: string }>(t.db, sql`select id from stay where stay_ref = '2026-031'`);
  stayId = row.id;
});
afterAll(() => t.close());

function jsonBlocks(text: string): unknown[] {
  return [...text.matchAll(/```json\n([\s\S]*?)```/g)].map((match) => JSON.parse(match[1]));
}

describe("docs/case-interchange.md", () => {
  it("has its examples accepted as printed, and every printed response is the server's", async () => {
    expect(stayId).toMatch(/^[0-9a-f-]{36}$/);
    const blocks = jsonBlocks(document.replaceAll(printedStayId, stayId));
    expect(blocks.length).toBeGreaterThan(15);
    const sentTypes = new Set<string>();
    let last: Result[] | null = null;
    for (const block of blocks) {
      const value = block as { events?: { type: string }[]; results?: Result[]; type?: string };
      if (value.results) {
        expect(last, "a printed response follows a request").not.toBeNull();
        expect(last).toEqual(value.results);
        last = null;
        continue;
      }
      const events = value.events ?? [value as { type: string }];
      const client = events.every((event) => event.type === "transfer-accepted") ? receiving : sending;
      const response = await postCaseEvents(t.app, client, { events });
      expect(response.statusCode, response.body).toBe(200);
      last = json<{ results: Result[] }>(response).results;
      if (!value.events) {
        for (const event of events) sentTypes.add(event.type);
        expect(last[0].errors, JSON.stringify(value)).toEqual([]);
        expect(["accepted", "duplicate"]).toContain(last[0].status);
        last = null;
      }
    }
    expect([...sentTypes].sort()).toEqual(
      [
        "case-opened",
        "situation",
        "family",
        "assessment",
        "judicial-measure",
        "intervention-start",
        "intervention-end",
        "foster-care-start",
        "foster-care-end",
        "placement",
        "correction",
        "void",
        "transfer-requested",
        "transfer-accepted",
        "closure",
      ].sort(),
    );
  });

  it("lists every error and warning code of the case file with its message", () => {
    for (const [code, message] of Object.entries(caseProblemMessages))
      expect(document, code).toContain(
        `| \`${code}\`${code === "possible-duplicate-minor" ? " (warning: accepted)" : ""} | ${message} |`,
      );
  });

  it("names the request errors the server gives", async () => {
    const notJson = await postCaseEvents(t.app, sending, "{non è json");
    const noEvents = await postCaseEvents(t.app, sending, { eventi: [] });
    const structureClient = await registerClient(t.db, ["ST000123"]);
    const forbidden = await postCaseEvents(t.app, structureClient, { events: [] });
    const codes = [notJson, noEvents, forbidden].map(
      (response) => `${response.statusCode} ${json<{ code: string }>(response).code}`,
    );
    for (const code of codes) {
      const [status, name] = code.split(" ");
      expect(document).toMatch(new RegExp(`\\| ${status} \\| \`${name}\``));
    }
  });
});
