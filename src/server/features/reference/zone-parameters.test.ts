import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { structureRecord } from "../../../../test/support/structure-fixtures.ts";
import {
  type Client,
  createOrganisationFor,
  createTestApp,
  createUserFor,
  json,
  logInAs,
  type TestApp,
} from "../../../../test/support/test-app.ts";
import { zoneCodeMaxLength } from "../../../domain/territory/zone.ts";
import { importStructures } from "../structures/structures.import.ts";

/** The demo's longest zone code: 44 characters, longer than the 40 the parameters once allowed. */
const longZone = "amiata-senese-val-d-orcia-valdichiana-senese";
const tooLong = "z".repeat(zoneCodeMaxLength + 1);

let t: TestApp;
let analyst: Client;
let admin: Client;

beforeAll(async () => {
  t = await createTestApp();
  await createOrganisationFor(t, "REGIONE", "region");
  await createUserFor(t, "analista", "region-analyst", "REGIONE");
  await createUserFor(t, "admin", "region-admin", "REGIONE");
  // Abbadia San Salvatore (052001) is one of the zone's comuni.
  const [outcome] = await importStructures(t.db, { system: true, label: "test" }, [
    structureRecord({
      code: "ST000444",
      name: "Comunità della Val d'Orcia",
      address: { street: "Via del Poggio 1", comune: "052001" },
    }),
  ]);
  expect(outcome.outcome).not.toBe("rejected");
  analyst = await logInAs(t.app, "analista");
  admin = await logInAs(t.app, "admin");
});
afterAll(() => t.close());

describe("a zone code of 44 characters", () => {
  it("is a zone of the demo", async () => {
    expect(longZone).toHaveLength(44);
    const comuni = await analyst.get(`/api/v1/zones/${longZone}/comuni`);
    expect(comuni.statusCode, comuni.body).toBe(200);
    expect(json<{ items: string[] }>(comuni).items).toContain("052001");
  });

  it("finds the zone's structures, free places and report", async () => {
    const structures = await analyst.get(`/api/v1/structures?zone=${longZone}`);
    expect(structures.statusCode, structures.body).toBe(200);
    expect(json<{ items: { code: string }[] }>(structures).items.map((item) => item.code)).toEqual([
      "ST000444",
    ]);

    const places = await analyst.get(`/api/v1/free-places?zone=${longZone}&date=${t.today}`);
    expect(places.statusCode, places.body).toBe(200);
    const free = json<{ structures: { code: string; zoneCode: string }[] }>(places);
    expect(free.structures.map((row) => [row.code, row.zoneCode])).toEqual([["ST000444", longZone]]);

    const report = await analyst.get(`/api/v1/reports/occupancy?date=${t.today}&zone=${longZone}`);
    expect(report.statusCode, report.body).toBe(200);
    expect(json<{ parameters: Record<string, string> }>(report).parameters.zone).toBe(longZone);
  });

  it("can be redefined by the Region", async () => {
    const response = await admin.put(`/api/v1/zones/${longZone}`, {
      name: "Amiata Senese e Val d'Orcia-Valdichiana Senese",
      comuni: ["052001"],
    });
    expect(response.statusCode, response.body).toBe(200);
  });

  it("while a code longer than the limit is refused everywhere with the field named", async () => {
    for (const url of [
      `/api/v1/structures?zone=${tooLong}`,
      `/api/v1/free-places?zone=${tooLong}`,
      `/api/v1/reports/occupancy?date=${t.today}&zone=${tooLong}`,
      `/api/v1/zones/${tooLong}/comuni`,
    ]) {
      const response = await analyst.get(url);
      expect(response.statusCode, url).toBe(422);
      const problem = json<{ code: string; problems: { path: string }[] }>(response);
      expect(problem.code).toBe("validation-failed");
      expect(problem.problems.map((item) => item.path)).toContainEqual(
        expect.stringMatching(/^\/(querystring\/zone|params\/code)$/),
      );
    }
  });
});
