import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { structureRecord } from "../../../test/support/structure-fixtures.ts";
import {
  createOrganisationFor,
  createTestApp,
  createUserFor,
  logInAs,
  type TestApp,
} from "../../../test/support/test-app.ts";
import { createLogger } from "./logger.ts";

const fiscalCode = "RSSMRA80A01H501U";
const personName = "Mario Rossi";
const birthDate = "1980-01-01";
const secrets = [fiscalCode, personName, "Rossi", birthDate, "01/01/1980"];

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ SIRMI_LOG_LEVEL: "debug" });
  await createOrganisationFor(t, "COOP", "operator");
  await createOrganisationFor(t, "DITTA", "operator", fiscalCode, personName);
  await createUserFor(t, "gestore", "structure-manager", "COOP");
});
afterAll(() => t.close());

describe("no personal data in logs, URLs or errors", () => {
  it("keeps fiscal codes, names and birth dates out of every log line and error", async () => {
    const manager = await logInAs(t.app, "gestore");
    const responses = [
      await manager.get(`/api/v1/structures?q=${fiscalCode}&onDate=${birthDate}`),
      await manager.get(`/api/v1/structures?q=${encodeURIComponent(personName)}`),
      // The operator's code belongs to a person registered under another organisation: conflict.
      await manager.post(
        "/api/v1/structures",
        structureRecord({ operator: { name: "Altro nome", fiscalCode, legalNature: "altro-privato" } }),
      ),
      await manager.post("/api/v1/structures", {
        ...structureRecord(),
        name: personName,
        validFrom: "1980-13-01",
      }),
      await t.app.inject({
        method: "POST",
        url: "/api/v1/structures",
        headers: { ...manager.headers, "content-type": "application/json" },
        payload: `{"name": "${personName}", "fiscalCode": "${fiscalCode}", `,
      }),
      await t.app.inject({
        method: "POST",
        url: "/api/v1/session",
        payload: { username: fiscalCode, password: birthDate },
      }),
    ];
    expect(responses.map((response) => response.statusCode)).toEqual([200, 200, 409, 422, 400, 401]);
    for (const response of responses) {
      for (const secret of secrets) expect(response.body).not.toContain(secret);
    }
    const output = t.logLines.join("");
    expect(
      t.logLines.filter((line) => line.includes('"msg":"request completed"')).length,
    ).toBeGreaterThanOrEqual(6);
    expect(output).toContain('"queryKeys":["q","onDate"');
    for (const secret of secrets) expect(output).not.toContain(secret);
  });

  it("censors identity fields wherever a log call puts them", () => {
    const lines: string[] = [];
    const logger = createLogger(
      "info",
      new Writable({
        write(chunk, _encoding, callback) {
          lines.push(String(chunk));
          callback();
        },
      }),
    );
    logger.info({ minor: { fiscalCode, familyName: "Rossi", givenName: "Mario", birthDate } }, "resolved");
    logger.info({ fiscalCode, event: { minor: { fiscalCode } } }, "event");
    expect(lines).toHaveLength(2);
    for (const secret of secrets) expect(lines.join("")).not.toContain(secret);
    expect(lines.join("")).toContain("[riservato]");
  });
});
