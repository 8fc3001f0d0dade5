import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { admissionEvent, createActiveStructures } from "../../../../test/support/stay-fixtures.ts";
import { createTestApp, type TestApp } from "../../../../test/support/test-app.ts";
import { type KeyedClient, postEvents, publicUrl, registerClient } from "./machine-request.fixtures.ts";

let t: TestApp;
let client: KeyedClient;

beforeAll(async () => {
  t = await createTestApp({ SIRMI_PUBLIC_URL: publicUrl });
  await createActiveStructures(t.db, ["ST000501"]);
  client = await registerClient(t.db, ["ST000501"]);
});
afterAll(() => t.close());

const hugeString = fc.nat({ max: 100_000 }).map((length) => "é".repeat(length));
const deepValue = fc.nat({ max: 400 }).map((depth) => {
  let value: unknown = "fondo";
  for (let level = 0; level < depth; level++) value = level % 2 ? [value] : { annidato: value };
  return value;
});
const oddValue = fc.oneof(fc.jsonValue({ maxDepth: 4 }), hugeString, deepValue);
/** A valid admission with one field replaced, removed or added. */
const mutatedEvent = fc
  .tuple(
    fc.constantFrom(
      "id",
      "type",
      "structureCode",
      "stayRef",
      "occurredOn",
      "minor",
      "admission",
      "sequence",
      "extra",
    ),
    oddValue,
    fc.boolean(),
  )
  .map(([field, value, remove]) => {
    const event: Record<string, unknown> = admissionEvent("ST000501", "fuzz", "2026-11-20");
    if (remove) delete event[field];
    else event[field] = value;
    return event;
  });
/** Either a JSON value sent as JSON, or arbitrary text that may not be JSON at all. */
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

describe("malformed requests", () => {
  it("never answer 5xx: a 4xx problem, or 200 with one result per event", async () => {
    await fc.assert(
      fc.asyncProperty(requestBody, async (sent) => {
        const response = await postEvents(t.app, client, sent.text);
        expect(response.statusCode, response.body.slice(0, 300)).toBeLessThan(500);
        if (response.statusCode === 200) {
          const events = (sent.value as { events: unknown[] }).events;
          const results = (response.json() as { results: { status: string }[] }).results;
          expect(results).toHaveLength(events.length);
          for (const result of results)
            expect(["accepted", "duplicate", "rejected"]).toContain(result.status);
        } else {
          expect(response.statusCode).toBeGreaterThanOrEqual(400);
          expect(response.headers["content-type"]).toContain("application/problem+json");
        }
      }),
      { numRuns: 200 },
    );
  }, 240_000);
});
