import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, json, type TestApp } from "../../../../test/support/test-app.ts";

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({
    SIRMI_REGION_NAME: "Regione Umbria",
    SIRMI_REGION_CODE: "10",
    SIRMI_AUTHORISATION_WARNING_DAYS: "45",
    SIRMI_REGION_WEBSITE: "https://www.regione.umbria.it",
  });
});
afterAll(() => t.close());

describe("the instance's public settings", () => {
  it("tell anyone, before logging in, which Region runs the instance, its contacts and its warning days", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/v1/settings" });
    expect(response.statusCode).toBe(200);
    expect(json(response)).toEqual({
      regionName: "Regione Umbria",
      regionCode: "10",
      regionLogoUrl: null,
      regionWebsite: "https://www.regione.umbria.it",
      helpContact: "assistenza.sirmi@regione.example.it",
      privacyContact: "rpd@regione.example.it",
      accessibilityStatementUrl: null,
      authorisationWarningDays: 45,
    });
  });

  it("answer /status with 200 while the database answers", async () => {
    const response = await t.app.inject({ method: "GET", url: "/status" });
    expect(response.statusCode).toBe(200);
    expect(json(response)).toMatchObject({ status: 200, title: "OK" });
    expect(response.headers["cache-control"]).toBe("no-store");
  });
});
