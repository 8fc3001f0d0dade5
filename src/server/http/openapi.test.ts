import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/support/test-app.ts";
import { readTestSettings } from "../config.ts";
import { serverOf } from "./openapi.ts";

const ruleset = path.resolve("../shared/reference/agid-oas-rules/italian-guidelines.yml");
const hasRuleset = fs.existsSync(ruleset);

let t: TestApp;
let document: Record<string, unknown>;

beforeAll(async () => {
  // The document as `npm start` serves it, on plain http; `npm run check:openapi` lints the https one.
  t = await createTestApp({ SIRMI_PUBLIC_URL: "http://localhost:3000" });
  document = t.app.swagger() as unknown as Record<string, unknown>;
});
afterAll(() => t.close());

describe("OpenAPI document", () => {
  it("is generated from the routes, with /status and problem+json errors", () => {
    const paths = document.paths as Record<
      string,
      Record<string, { responses: Record<string, { content?: object }> }>
    >;
    expect(Object.keys(paths)).toEqual(
      expect.arrayContaining(["/status", "/api/v1/structures", "/api/v1/session"]),
    );
    const errorResponse = paths["/api/v1/structures"].post.responses["422"];
    expect(Object.keys(errorResponse.content ?? {})).toEqual(["application/problem+json"]);
  });

  it("declares a plain http server a development one (x-sandbox), an https server a real one", () => {
    expect(document.servers).toEqual([
      expect.objectContaining({ url: "http://localhost:3000", "x-sandbox": true }),
    ]);
    const real = serverOf({ publicUrl: "https://sirmi.regione.example", regionName: "Regione" });
    expect(real).toEqual({
      url: "https://sirmi.regione.example",
      description: "Regione – istanza di S.I.R.MI",
    });
  });

  it.skipIf(!hasRuleset && !readTestSettings().isCi)(
    "passes the AgID ruleset with 0 errors",
    async () => {
      expect(hasRuleset, "the AgID ruleset in ../shared is required in CI").toBe(true);
      const folder = fs.mkdtempSync(path.join(os.tmpdir(), "sirmi-oas-"));
      const file = path.join(folder, "openapi.json");
      fs.writeFileSync(file, JSON.stringify(document));
      const spectral = path.resolve("node_modules/.bin/spectral");
      const run = await promisify(execFile)(
        spectral,
        ["lint", "-q", "-f", "json", "--ruleset", ruleset, file],
        {
          maxBuffer: 64 * 1024 * 1024,
        },
      ).catch((error: { stdout?: string; stderr?: string }) => ({
        stdout: error.stdout ?? "",
        stderr: error.stderr ?? "",
      }));
      fs.rmSync(folder, { recursive: true, force: true });
      const results = JSON.parse(run.stdout || "[]") as { code: string; severity: number; path: string[] }[];
      const errors = results.filter((result) => result.severity === 0);
      expect(errors.map((error) => `${error.code} at ${error.path.join(".")}`)).toEqual([]);
      expect(run.stderr).not.toMatch(/error/i);
    },
    120_000,
  );
});
