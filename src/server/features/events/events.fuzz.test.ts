import fc from "fast-check";
import { afterAll, beforeAll, describe, it } from "vitest";
import {
  batchRequestBody,
  expectAnsweredWithoutServerError,
  oddValue,
} from "../../../../test/support/event-batch-fuzz.ts";
import { admissionEvent, createActiveStructures } from "../../../../test/support/stay-fixtures.ts";
import { createTestApp, type TestApp, testToday } from "../../../../test/support/test-app.ts";
import { addDays } from "../../../domain/time/calendar.ts";
import { type KeyedClient, postEvents, publicUrl, registerClient } from "./machine-request.fixtures.ts";

let t: TestApp;
let client: KeyedClient;

beforeAll(async () => {
  t = await createTestApp({ SIRMI_PUBLIC_URL: publicUrl });
  await createActiveStructures(t.db, ["ST000501"]);
  client = await registerClient(t.db, ["ST000501"]);
});
afterAll(() => t.close());

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
    const event: Record<string, unknown> = admissionEvent("ST000501", "fuzz", addDays(testToday, -1));
    if (remove) delete event[field];
    else event[field] = value;
    return event;
  });
const requestBody = batchRequestBody(mutatedEvent);

describe("malformed requests", () => {
  it("never answer 5xx: a 4xx problem, or 200 with one result per event, each with Italian messages", async () => {
    await fc.assert(
      fc.asyncProperty(requestBody, async (sent) => {
        expectAnsweredWithoutServerError(await postEvents(t.app, client, sent.text), sent);
      }),
      { numRuns: 200 },
    );
  }, 240_000);
});
