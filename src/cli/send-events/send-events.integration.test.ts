import { randomUUID } from "node:crypto";
import fs from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { exportJWK } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  admissionEvent,
  createActiveStructures,
  dischargeEvent,
  italianChild,
} from "../../../test/support/stay-fixtures.ts";
import { createTestApp, type TestApp } from "../../../test/support/test-app.ts";
import { type KeyedClient, registerClient } from "../../server/features/events/machine-request.fixtures.ts";
import { type SendOptions, sendEventsText } from "./client.ts";
import { exitCodeOf, rejectionLines } from "./report.ts";
import { loadSigningKey } from "./token.ts";

let t: TestApp;
let client: KeyedClient;
let url: string;
let directory: string;

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

beforeAll(async () => {
  const port = await freePort();
  t = await createTestApp({ SIRMI_PUBLIC_URL: `http://127.0.0.1:${port}` });
  await t.app.listen({ port, host: "127.0.0.1" });
  url = `http://127.0.0.1:${port}/api/v1/events`;
  await createActiveStructures(t.db, ["ST000501"]);
  client = await registerClient(t.db, ["ST000501"], { requireIntegrity: true });
  directory = fs.mkdtempSync(path.join(os.tmpdir(), "sirmi-send-events-"));
});
afterAll(async () => {
  await t?.close();
  if (directory) fs.rmSync(directory, { recursive: true, force: true });
});

describe("send-events against a running server", () => {
  it("sends in batches with integrity, reports rejections by line, and a second run is all duplicates", async () => {
    const first = admissionEvent("ST000501", "cli-1", "2026-11-20", italianChild({ givenName: "Anna" }));
    const second = admissionEvent("ST000501", "cli-2", "2026-11-20", italianChild({ givenName: "Bruno" }));
    const third = admissionEvent("ST000501", "cli-3", "2026-11-21", italianChild({ givenName: "Carla" }));
    const early = dischargeEvent("ST000501", "cli-1", "2026-11-01");
    const lines = [first, second, "{ non json", "", third, early].map((item) =>
      typeof item === "string" ? item : JSON.stringify(item),
    );
    const file = path.join(directory, "eventi.jsonl");
    fs.writeFileSync(file, `${lines.join("\n")}\n`);
    const jwk = { ...(await exportJWK(client.privateKey)), kid: client.kid };
    const options: SendOptions = {
      url,
      clientId: client.id,
      signing: await loadSigningKey(jwk),
      batchSize: 2,
      integrity: true,
    };
    const progress: number[] = [];
    const summary = await sendEventsText(fs.readFileSync(file, "utf8"), {
      ...options,
      onProgress: (sent) => progress.push(sent),
    });
    expect(progress).toEqual([0, 2, 4]);
    expect(summary).toMatchObject({ accepted: 3, duplicate: 0, rejected: 1 });
    expect(summary.unreadable.map((item) => item.line)).toEqual([3]);
    expect(summary.rejections).toEqual([
      expect.objectContaining({
        line: 6,
        id: early.id,
        code: "discharge-before-admission",
        previously: false,
      }),
    ]);
    expect(rejectionLines(summary)[1]).toMatch(
      new RegExp(`^riga 6 \\(${early.id}\\): discharge-before-admission `),
    );
    expect(exitCodeOf(summary)).toBe(3);

    const again = await sendEventsText(fs.readFileSync(file, "utf8"), options);
    expect(again).toMatchObject({ accepted: 0, duplicate: 4, rejected: 0 });
    expect(again.rejections).toEqual([
      expect.objectContaining({
        line: 6,
        id: early.id,
        code: "discharge-before-admission",
        previously: true,
      }),
    ]);
    expect(rejectionLines(again)[1]).toMatch(/^riga 6 \(.*\) già respinto: discharge-before-admission /);
    expect(exitCodeOf(again)).toBe(3);
  });

  it("stops with the server's problem when the client is unknown", async () => {
    const jwk = { ...(await exportJWK(client.privateKey)), kid: client.kid };
    const sending = sendEventsText(JSON.stringify(admissionEvent("ST000501", "cli-9", "2026-11-20")), {
      url,
      clientId: randomUUID(),
      signing: await loadSigningKey(jwk),
    });
    await expect(sending).rejects.toThrow(/HTTP 401\).*\[invalid-client-token\]/);
  });
});
