import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, it } from "vitest";
import { generateCaseHistory } from "../../../../test/support/case-history-generator.ts";
import {
  batchRequestBody,
  expectAnsweredWithoutServerError,
  oddValue,
} from "../../../../test/support/event-batch-fuzz.ts";
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
const requestBody = batchRequestBody(mutatedEvent);

describe("malformed case-event requests", () => {
  it("never answer 5xx: a 4xx problem, or 200 with one result per event, each with Italian messages", async () => {
    await fc.assert(
      fc.asyncProperty(requestBody, async (sent) => {
        expectAnsweredWithoutServerError(await postCaseEvents(t.app, client, sent.text), sent);
      }),
      { numRuns: 200 },
    );
  }, 240_000);
});
