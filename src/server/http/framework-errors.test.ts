import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, json, type TestApp } from "../../../test/support/test-app.ts";
import { appErrorCodes } from "../../domain/errors/app-error.ts";

type ProblemBody = { code: string; status: number; detail: string; requestId: string };

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ SIRMI_BODY_LIMIT_BYTES: "4096" });
});
afterAll(() => t.close());

/** A problem with a stable code whose text says nothing of what was sent. */
function expectProblem(
  response: { statusCode: number; headers: Record<string, unknown>; body: string },
  status: number,
  code: string,
  sent: string[] = [],
) {
  expect(response.statusCode, response.body).toBe(status);
  expect(String(response.headers["content-type"])).toMatch(/^application\/problem\+json/);
  const problem = JSON.parse(response.body) as ProblemBody;
  expect(problem).toMatchObject({ status, code });
  expect(Object.keys(appErrorCodes)).toContain(problem.code);
  expect(problem.detail).not.toMatch(/[A-Za-z]+ (is|are|must|cannot) /);
  for (const text of sent) expect(response.body).not.toContain(text);
}

describe("Fastify's own errors are problems with a stable code", () => {
  it("a bad percent-encoding in the path (FST_ERR_BAD_URL), without echoing the path", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/v1/structures/%E0%A4%A" });
    expectProblem(response, 400, "invalid-request", ["%E0", "structures/"]);
    expect(response.headers["x-request-id"]).toBe(json<ProblemBody>(response).requestId);
  });

  it("a path parameter over the router's limit (FST_ERR_MAX_PARAM_LENGTH), without echoing it", async () => {
    const long = "a".repeat(300);
    const response = await t.app.inject({ method: "GET", url: `/api/v1/structures/${long}` });
    expectProblem(response, 414, "uri-too-long", [long.slice(0, 50)]);
  });

  it("empty, invalid, poisoned, too large and unsupported bodies", async () => {
    const post = (payload: string, contentType = "application/json") =>
      t.app.inject({
        method: "POST",
        url: "/api/v1/session",
        headers: { "content-type": contentType },
        payload,
      });
    expectProblem(await post(""), 400, "invalid-request");
    expectProblem(await post('{"username": "segreto'), 400, "invalid-request", ["segreto"]);
    expectProblem(await post('{"__proto__": {"isAdmin": true}}'), 400, "invalid-request", ["isAdmin"]);
    expectProblem(await post(JSON.stringify({ username: "u".repeat(5000) })), 413, "payload-too-large");
    expectProblem(await post("<a/>", "application/xml"), 415, "unsupported-media-type");
    expectProblem(
      await post("username=a", "application/x-www-form-urlencoded"),
      415,
      "unsupported-media-type",
    );
  });

  it("an unknown path or method", async () => {
    expectProblem(await t.app.inject({ method: "GET", url: "/api/v1/nothing-here" }), 404, "not-found");
    expectProblem(await t.app.inject({ method: "PATCH", url: "/api/v1/session" }), 404, "not-found");
  });
});

/** Raw bytes to the listening server: requests Node's HTTP parser refuses never reach a route. */
async function sendRaw(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1");
    let received = "";
    socket.on("data", (chunk) => {
      received += chunk.toString("utf8");
    });
    socket.on("close", () => resolve(received));
    socket.on("error", (error) => (received ? resolve(received) : reject(error)));
    socket.write(request);
  });
}

describe("requests the HTTP parser refuses", () => {
  it("get a problem written on the connection", async () => {
    await t.app.listen({ host: "127.0.0.1", port: 0 });
    const address = t.app.server.address() as net.AddressInfo;
    const malformed = await sendRaw(address.port, "GET /status HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n");
    expect(malformed).toMatch(/^HTTP\/1\.1 400 /);
    expect(malformed).toMatch(/content-type: application\/problem\+json/i);
    expect(JSON.parse(malformed.slice(malformed.indexOf("\r\n\r\n") + 4))).toMatchObject({
      status: 400,
      code: "invalid-request",
    });
    const oversized = await sendRaw(
      address.port,
      `GET /status HTTP/1.1\r\nHost: x\r\nX-Big: ${"b".repeat(20_000)}\r\n\r\n`,
    );
    expect(oversized).toMatch(/^HTTP\/1\.1 431 /);
    expect(JSON.parse(oversized.slice(oversized.indexOf("\r\n\r\n") + 4))).toMatchObject({
      status: 431,
      code: "headers-too-large",
    });
  });
});
