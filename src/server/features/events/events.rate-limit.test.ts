import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createActiveStructures, dischargeEvent } from "../../../../test/support/stay-fixtures.ts";
import { createTestApp, json, type TestApp } from "../../../../test/support/test-app.ts";
import { type KeyedClient, postEvents, publicUrl, registerClient } from "./machine-request.fixtures.ts";

let t: TestApp;
let busy: KeyedClient;
let quiet: KeyedClient;

beforeAll(async () => {
  t = await createTestApp({ SIRMI_PUBLIC_URL: publicUrl, SIRMI_RATE_LIMIT_PER_MINUTE: "3" });
  await createActiveStructures(t.db, ["ST000601"]);
  busy = await registerClient(t.db, ["ST000601"]);
  quiet = await registerClient(t.db, ["ST000601"]);
});
afterAll(() => t.close());

describe("rate limit of the machine endpoints", () => {
  it("counts requests per client, not per address", async () => {
    const send = (client: KeyedClient) =>
      postEvents(t.app, client, { events: [dischargeEvent("ST000601", "rate", "2026-11-20")] });
    for (let request = 0; request < 3; request++) expect((await send(busy)).statusCode).toBe(200);
    const limited = await send(busy);
    expect(limited.statusCode).toBe(429);
    expect(json(limited).code).toBe("rate-limited");
    expect((await send(quiet)).statusCode).toBe(200);
  });
});
