import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair } from "jose";
import { afterEach, describe, expect, it } from "vitest";
import { postBatch, SendEventsError, type SendOptions, sendEventsText } from "./client.ts";
import { loadSigningKey } from "./token.ts";

type Handler = (request: IncomingMessage, response: ServerResponse, body: string) => void;

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

async function serve(handler: Handler): Promise<string> {
  const started = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => {
      body += chunk;
    });
    request.on("end", () => handler(request, response, body));
  });
  server = started;
  await new Promise<void>((resolve) => started.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(started.address() as AddressInfo).port}/api/v1/events`;
}

async function options(url: string, extra: Partial<SendOptions> = {}): Promise<SendOptions> {
  const { privateKey } = await generateKeyPair("ES256", { extractable: true });
  const signing = await loadSigningKey({ ...(await exportJWK(privateKey)), kid: "k1" });
  return {
    url,
    clientId: "6f1c6a2e-3b7d-4a51-9c1e-0d2b3a4c5e6f",
    signing,
    backoff: { baseDelayMs: 1, maxDelayMs: 5 },
    sleep: async () => {},
    ...extra,
  };
}

const accepted = (body: string) =>
  JSON.stringify({
    results: (JSON.parse(body) as { events: { id: string }[] }).events.map((event) => ({
      id: event.id,
      status: "accepted",
      warnings: [],
      errors: [],
    })),
  });

describe("postBatch retries", () => {
  it("retries twice after 503, with a fresh token each time, then returns the results", async () => {
    const tokens: string[] = [];
    const url = await serve((request, response, body) => {
      tokens.push(String(request.headers.authorization));
      if (tokens.length <= 2) {
        response.writeHead(503, { "content-type": "application/problem+json" }).end("{}");
        return;
      }
      response.writeHead(200, { "content-type": "application/json" }).end(accepted(body));
    });
    const retries: string[] = [];
    const results = await postBatch(
      [{ id: "e1" }, { id: "e2" }],
      await options(url, { onRetry: ({ reason }) => retries.push(reason) }),
    );
    expect(results.map((result) => [result.id, result.status])).toEqual([
      ["e1", "accepted"],
      ["e2", "accepted"],
    ]);
    expect(retries).toEqual(["HTTP 503", "HTTP 503"]);
    expect(new Set(tokens).size).toBe(3);
  });

  it("honours Retry-After on 429", async () => {
    let calls = 0;
    const url = await serve((_request, response, body) => {
      calls += 1;
      if (calls === 1) response.writeHead(429, { "retry-after": "2" }).end();
      else response.writeHead(200, { "content-type": "application/json" }).end(accepted(body));
    });
    const waits: number[] = [];
    await postBatch([{ id: "e1" }], await options(url, { onRetry: ({ delayMs }) => waits.push(delayMs) }));
    expect(waits).toEqual([2000]);
  });

  it("gives up after the configured attempts, and retries a refused connection", async () => {
    const url = await serve((_request, response) => response.writeHead(502).end());
    await expect(postBatch([{ id: "e1" }], await options(url, { attempts: 3 }))).rejects.toThrow(
      /dopo 3 tentativi \(ultimo errore: HTTP 502\)/,
    );
    await new Promise<void>((resolve) => server?.close(() => resolve()));
    server = undefined;
    const reasons: string[] = [];
    await expect(
      postBatch(
        [{ id: "e1" }],
        await options(url, { attempts: 2, onRetry: ({ reason }) => reasons.push(reason) }),
      ),
    ).rejects.toThrow(SendEventsError);
    expect(reasons).toEqual(["ECONNREFUSED"]);
  });

  it("stops at once on another 4xx, with the problem's detail and code", async () => {
    let calls = 0;
    const url = await serve((_request, response) => {
      calls += 1;
      response
        .writeHead(401, { "content-type": "application/problem+json" })
        .end(JSON.stringify({ detail: "Token non valido.", code: "invalid-client-token" }));
    });
    const sending = sendEventsText('{"id":"e1"}\n', await options(url));
    await expect(sending).rejects.toThrow("HTTP 401): Token non valido. [invalid-client-token]");
    expect(calls).toBe(1);
  });
});
