import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateCaseHistory } from "../../../../test/support/case-history-generator.ts";
import { createOrganisationFor, createTestApp, type TestApp } from "../../../../test/support/test-app.ts";
import {
  type KeyedClient,
  postCaseEvents,
  publicUrl,
  registerServiceClient,
} from "../events/machine-request.fixtures.ts";

let t: TestApp;
let client: KeyedClient;

beforeAll(async () => {
  t = await createTestApp({ SIRMI_PUBLIC_URL: publicUrl });
  await createOrganisationFor(t, "SST-FZ", "social-service");
  client = await registerServiceClient(t.db, "SST-FZ");
});
afterAll(() => t.close());

const hugeString = fc.nat({ max: 100_000 }).map((length) => "é".repeat(length));
const deepValue = fc.nat({ max: 400 }).map((depth) => {
  let value: unknown = "fondo";
  for (let level = 0; level < depth; level++) value = level % 2 ? [value] : { annidato: value };
  return value;
});
const oddValue = fc.oneof(fc.jsonValue({ maxDepth: 4 }), hugeString, deepValue);
const templates = generateCaseHistory(5, { cases: 1 }).events;
/** A valid event of a generated case with one field (or one field of its content) replaced, removed or added. */
const mutatedEvent = fc
  .tuple(
    fc.constantFrom(...templates),
    fc.constantFrom("id", "type", "caseId", "occurredOn", "opening", "minor", "content", "extra"),
    oddValue,
    fc.boolean(),
  )
  .map(([template, field, value, remove]) => {
    const event: Record<string, unknown> = structuredClone(template);
    event.id = randomUUID();
    const contentKey = Object.keys(event).find(
      (key) => !["id", "type", "caseId", "occurredOn"].includes(key),
    );
    if (field === "minor" && event.type === "case-opened") {
      const opening = event.opening as Record<string, unknown>;
      if (remove) delete opening.minor;
      else opening.minor = value;
    } else if (field === "content" && contentKey) {
      event[contentKey] = remove ? {} : value;
    } else if (remove) delete event[field];
    else event[field] = value;
    return event;
  });
const requestBody = fc.oneof(
  fc
    .oneof(
      oddValue,
      fc.record({ events: oddValue }),
      fc.record({ events: fc.array(fc.oneof(oddValue, mutatedEvent), { maxLength: 6 }), other: oddValue }),
    )
    .map((value) => ({ value, text: JSON.stringify(value) })),
  fc.string({ maxLength: 200 }).map((text) => ({ value: undefined, text })),
);

describe("malformed case-event requests", () => {
  it("never answer 5xx: a 4xx problem, or 200 with one result per event, each with Italian messages", async () => {
    await fc.assert(
      fc.asyncProperty(requestBody, async (sent) => {
        const response = await postCaseEvents(t.app, client, sent.text);
        expect(response.statusCode, response.body.slice(0, 300)).toBeLessThan(500);
        if (response.statusCode === 200) {
          const events = (sent.value as { events: unknown[] }).events;
          const results = (
            response.json() as {
              results: { status: string; errors: { code: string; message: string }[] }[];
            }
          ).results;
          expect(results).toHaveLength(events.length);
          for (const result of results) {
            expect(["accepted", "duplicate", "rejected"]).toContain(result.status);
            for (const error of result.errors) expect(error.message).not.toBe(error.code);
          }
        } else {
          expect(response.statusCode).toBeGreaterThanOrEqual(400);
          expect(response.headers["content-type"]).toContain("application/problem+json");
        }
      }),
      { numRuns: 200 },
    );
  }, 240_000);
});
