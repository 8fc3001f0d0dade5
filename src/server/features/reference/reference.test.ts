import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Client,
  createOrganisationFor,
  createTestApp,
  createUserFor,
  json,
  logInAs,
  type TestApp,
} from "../../../../test/support/test-app.ts";
import {
  defaultRegionalStructureTypes,
  nationalStructureTypes,
} from "../../../domain/code-lists/structure-codes.ts";

let t: TestApp;
let admin: Client;
let analyst: Client;

beforeAll(async () => {
  t = await createTestApp();
  await createOrganisationFor(t, "REGIONE", "region");
  await createUserFor(t, "admin", "region-admin", "REGIONE");
  await createUserFor(t, "analista", "region-analyst", "REGIONE");
  admin = await logInAs(t.app, "admin");
  analyst = await logInAs(t.app, "analista");
});
afterAll(() => t.close());

describe("reference data", () => {
  it("finds current comuni by name prefix or ISTAT code", async () => {
    const byName = json<{ items: { istatCode: string; name: string }[] }>(
      await analyst.get("/api/v1/comuni?q=Firen&regionCode=09"),
    );
    expect(byName.items).toContainEqual(expect.objectContaining({ istatCode: "048017", name: "Firenze" }));
    const byCode = json<{ items: { name: string }[] }>(await analyst.get("/api/v1/comuni?q=048017"));
    expect(byCode.items.map((item) => item.name)).toEqual(["Firenze"]);
  });

  it("lists the demo zones of Tuscany and the code lists with Italian labels", async () => {
    const zones = json<{ items: { code: string; comuniCount: number }[] }>(
      await analyst.get("/api/v1/zones"),
    ).items;
    expect(zones.length).toBeGreaterThan(20);
    expect(zones.reduce((sum, zone) => sum + zone.comuniCount, 0)).toBe(273);
    const lists = json<Record<string, { code: string; label: string }[]>>(
      await analyst.get("/api/v1/code-lists"),
    );
    expect(lists.nationalStructureTypes).toContainEqual({
      code: "comunita-familiare",
      label: expect.any(String),
    });
    expect(lists.countries).toContainEqual({ code: "100", label: "Italia" });
    expect(Object.keys(lists).some((name) => name.startsWith("sinba"))).toBe(true);
  });

  it("lists the regional structure types, each with the national type it counts as", async () => {
    const response = await analyst.get("/api/v1/regional-structure-types");
    expect(response.statusCode).toBe(200);
    const types = json<{ items: { code: string; label: string; nationalType: string }[] }>(response).items;
    expect(types.map((type) => type.code).sort()).toEqual(
      defaultRegionalStructureTypes.map((type) => type.code).sort(),
    );
    expect(types).toContainEqual({
      code: "comunita-a-dimensione-familiare",
      label: "Comunità a dimensione familiare",
      nationalType: "comunita-familiare",
    });
    const national = new Set<string>(nationalStructureTypes.map((type) => type.code));
    expect(types.every((type) => national.has(type.nationalType))).toBe(true);
    expect((await t.app.inject({ method: "GET", url: "/api/v1/regional-structure-types" })).statusCode).toBe(
      401,
    );
  });

  it("lets the Region redefine a zone, one zone per comune, only its own comuni", async () => {
    const ok = await admin.put("/api/v1/zones/firenze", { name: "Firenze città", comuni: ["048017"] });
    expect(ok.statusCode).toBe(200);
    const taken = await admin.put("/api/v1/zones/nuova", { name: "Nuova", comuni: ["048017"] });
    expect(taken.statusCode).toBe(422);
    expect(json<{ problems: { code: string }[] }>(taken).problems[0].code).toBe("comune-in-other-zone");
    const outside = await admin.put("/api/v1/zones/nuova", { name: "Nuova", comuni: ["058091"] });
    expect(json<{ problems: { code: string }[] }>(outside).problems[0].code).toBe("comune-outside-region");
    expect((await analyst.put("/api/v1/zones/nuova", { name: "Nuova", comuni: [] })).statusCode).toBe(403);
    expect(json<{ items: string[] }>(await analyst.get("/api/v1/zones/firenze/comuni")).items).toEqual([
      "048017",
    ]);
  });
});
