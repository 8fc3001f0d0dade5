import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  admissionEvent,
  createActiveStructures,
  italianChild,
} from "../../../../test/support/stay-fixtures.ts";
import { structureRecord, vatNumber } from "../../../../test/support/structure-fixtures.ts";
import {
  type Client,
  createOrganisationFor,
  createTestApp,
  createUserFor,
  json,
  logInAs,
  type TestApp,
} from "../../../../test/support/test-app.ts";
import type { ReportResult } from "../../../domain/reports/report.ts";
import { addDays } from "../../../domain/time/calendar.ts";
import { importStructures } from "../structures/structures.import.ts";
import { ingestEvents } from "./ingest-event.ts";

type PlacesRow = { code: string; status: string; authorisedPlaces: number; present: number; free: number };
type FreePlaces = {
  structures: PlacesRow[];
  total: { structures: number; authorisedPlaces: number; present: number; free: number };
};

let t: TestApp;
let analyst: Client;
let social: Client;
let day = "";

const operator = {
  name: "Cooperativa Sociale Esempio",
  fiscalCode: vatNumber("0123456789"),
  legalNature: "cooperativa-sociale" as const,
};

/**
 * On the day: ST000031 active, 3 places, 1 present; ST000032 suspended for years, nobody;
 * ST000033 suspended five days before, still hosting the child admitted before; ST000034 active,
 * 1 place, 2 present (one on an emergency place).
 */
beforeAll(async () => {
  t = await createTestApp();
  day = t.today;
  await createOrganisationFor(t, "COOP", "operator", operator.fiscalCode, operator.name);
  await createOrganisationFor(t, "REGIONE", "region");
  await createOrganisationFor(t, "SST", "social-service");
  await createActiveStructures(t.db, ["ST000031"], 3);
  await createActiveStructures(t.db, ["ST000033"], 2);
  await createActiveStructures(t.db, ["ST000034"], 1);
  const suspended = (code: string, places: number, validFrom: string) =>
    structureRecord({ code, operator, authorisedPlaces: places, status: "suspended", validFrom });
  expect(
    (
      await importStructures(t.db, { system: true, label: "test" }, [suspended("ST000032", 4, "2015-01-01")])
    ).map((outcome) => outcome.outcome),
  ).toEqual(["created"]);
  const admissions = [
    admissionEvent(
      "ST000031",
      "A-1",
      addDays(day, -20),
      italianChild({ familyName: "Uno", givenName: "Ada" }),
    ),
    admissionEvent(
      "ST000033",
      "B-1",
      addDays(day, -10),
      italianChild({ familyName: "Due", givenName: "Bea" }),
    ),
    admissionEvent(
      "ST000034",
      "C-1",
      addDays(day, -8),
      italianChild({ familyName: "Tre", givenName: "Ciro" }),
    ),
    admissionEvent(
      "ST000034",
      "C-2",
      addDays(day, -2),
      italianChild({ familyName: "Quattro", givenName: "Dino" }),
    ),
  ];
  const results = await ingestEvents(
    t.db,
    { keyring: t.keyring, today: day },
    { kind: "user", id: randomUUID(), subject: { system: true, label: "test" }, mayWrite: () => true },
    admissions,
  );
  expect(results.map((result) => result.status)).toEqual(["accepted", "accepted", "accepted", "accepted"]);
  const laterVersion = await importStructures(t.db, { system: true, label: "test" }, [
    {
      ...structureRecord({ code: "ST000033", operator, authorisedPlaces: 2, emergencyExtraPlaces: 1 }),
      name: "Comunità di prova 1",
      status: "suspended",
      validFrom: addDays(day, -5),
    },
  ]);
  expect(laterVersion.map((outcome) => outcome.outcome)).toEqual(["new-version"]);
  await createUserFor(t, "analista", "region-analyst", "REGIONE");
  await createUserFor(t, "sociale", "service-operator", "SST");
  analyst = await logInAs(t.app, "analista");
  social = await logInAs(t.app, "sociale");
});
afterAll(() => t.close());

describe("one definition of free places", () => {
  it("counts active structures and those hosting someone; a suspended one offers no place, none is negative", async () => {
    const places = json<FreePlaces>(await analyst.get(`/api/v1/free-places?date=${day}`));
    const shown = places.structures.map(({ code, status, authorisedPlaces, present, free }) => ({
      code,
      status,
      authorisedPlaces,
      present,
      free,
    }));
    expect(shown).toEqual([
      { code: "ST000031", status: "active", authorisedPlaces: 3, present: 1, free: 2 },
      { code: "ST000033", status: "suspended", authorisedPlaces: 2, present: 1, free: 0 },
      { code: "ST000034", status: "active", authorisedPlaces: 1, present: 2, free: 0 },
    ]);
    expect(places.total).toMatchObject({ structures: 3, authorisedPlaces: 6, present: 4, free: 2 });
  });

  it("Posti liberi and the occupancy report (the Monitoraggio dashboard) agree on every figure", async () => {
    const places = json<FreePlaces>(await analyst.get(`/api/v1/free-places?date=${day}`));
    const report = json<ReportResult>(await analyst.get(`/api/v1/reports/occupancy?date=${day}`));
    const table = (id: string) => report.tables.find((candidate) => candidate.id === id);
    expect(table("region")?.rows).toEqual([
      {
        structures: places.total.structures,
        authorisedPlaces: places.total.authorisedPlaces,
        present: places.total.present,
        freePlaces: places.total.free,
      },
    ]);
    const byStructure = (table("by-structure")?.rows ?? []).map((row) => ({
      code: row.structure,
      status: row.structureStatus,
      authorisedPlaces: row.authorisedPlaces,
      present: row.present,
      free: row.freePlaces,
    }));
    expect(byStructure).toEqual(
      places.structures.map(({ code, status, authorisedPlaces, present, free }) => ({
        code,
        status,
        authorisedPlaces,
        present,
        free,
      })),
    );
    expect(table("by-zone")?.totals).toEqual(table("region")?.totals);
  });

  it("a day before the suspension, the structure still offers its free place", async () => {
    const before = addDays(day, -6);
    const places = json<FreePlaces>(await analyst.get(`/api/v1/free-places?date=${before}`));
    expect(places.structures.find((row) => row.code === "ST000033")).toMatchObject({
      status: "active",
      present: 1,
      free: 1,
    });
    const report = json<ReportResult>(await analyst.get(`/api/v1/reports/occupancy?date=${before}`));
    expect(report.tables.find((candidate) => candidate.id === "region")?.rows[0]).toMatchObject({
      structures: places.total.structures,
      freePlaces: places.total.free,
    });
  });

  it("social services see the active structures only, with the same figures", async () => {
    const places = json<FreePlaces>(await social.get(`/api/v1/free-places?date=${day}`));
    expect(places.structures.map((row) => [row.code, row.free])).toEqual([
      ["ST000031", 2],
      ["ST000034", 0],
    ]);
  });
});
