import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  admissionEvent,
  createActiveStructures,
  dischargeEvent,
  italianChild,
  simpleEvent,
} from "../../../../test/support/stay-fixtures.ts";
import { vatNumber } from "../../../../test/support/structure-fixtures.ts";
import {
  type Client,
  createOrganisationFor,
  createTestApp,
  createUserFor,
  json,
  logInAs,
  type TestApp,
  testToday,
} from "../../../../test/support/test-app.ts";
import { queryRows } from "../../../db/database.ts";
import {
  validationErrorCodes,
  validationWarningCodes,
} from "../../../domain/code-lists/interchange-codes.ts";
import type { FlaggedStay } from "../../../domain/stays/stay-api.schema.ts";
import { addDays } from "../../../domain/time/calendar.ts";
import { type EventSource, ingestEvent } from "./ingest-event.ts";

let t: TestApp;
let analyst: Client;
let operatorOfFirst: Client;
let operatorOfSecond: Client;
const today = testToday;
const writer: EventSource = {
  kind: "user",
  id: randomUUID(),
  subject: { system: true, label: "test" },
  mayWrite: () => true,
};

beforeAll(async () => {
  t = await createTestApp();
  await createOrganisationFor(t, "COOP", "operator", vatNumber("0123456789"), "Cooperativa Sociale Esempio");
  await createOrganisationFor(t, "REGIONE", "region");
  await createActiveStructures(t.db, ["ST000061", "ST000062"]);
  const structures = await queryRows<{ id: string; code: string }>(
    t.db,
    sql`select id, code from structure where code in ('ST000061', 'ST000062') order by code`,
  );
  await createUserFor(t, "op-61", "structure-operator", "COOP", structures[0].id);
  await createUserFor(t, "op-62", "structure-operator", "COOP", structures[1].id);
  await createUserFor(t, "analista", "region-analyst", "REGIONE");
  operatorOfFirst = await logInAs(t.app, "op-61");
  operatorOfSecond = await logInAs(t.app, "op-62");
  analyst = await logInAs(t.app, "analista");
});
afterAll(() => t.close());

const ingest = (raw: unknown) => ingestEvent(t.db, { keyring: t.keyring, today }, writer, raw);
const codes = (problems: { code: string }[]) => problems.map((problem) => problem.code);
/** The warnings but late-report, which every event dated weeks before the test's day carries. */
const warned = (problems: { code: string }[]) => codes(problems).filter((code) => code !== "late-report");
/** The stays the list flags for an overlap (every test admission is also backdated: to be confirmed). */
const flagged = async (client: Client) =>
  json<{ items: FlaggedStay[] }>(await client.get("/api/v1/data-quality/stays")).items.filter((row) =>
    row.flags.includes("overlap"),
  );
const flagsOf = (stayRefs: string[]) =>
  queryRows<{ stay_ref: string; has_overlap: boolean }>(
    t.db,
    sql`select stay_ref, has_overlap from stay where stay_ref in ${stayRefs} order by stay_ref`,
  );

describe("a transfer reported by the new structure first (1.1)", () => {
  it("accepts the admission with overlapping-stay, flags both stays for both structures and the Region, and clears by the discharge", async () => {
    const child = italianChild({ familyName: "Ferri", givenName: "Elio", birthDate: "2012-02-02" });
    expect((await ingest(admissionEvent("ST000061", "tr-old", "2026-01-10", child))).status).toBe("accepted");
    const admission = await ingest(admissionEvent("ST000062", "tr-new", "2026-06-01", child));
    expect(admission.status).toBe("accepted");
    expect(warned(admission.warnings)).toEqual(["overlapping-stay"]);
    expect(admission.warnings.find((w) => w.code === "overlapping-stay")?.message).toMatch(/stessi giorni/);
    expect(await flagsOf(["tr-new", "tr-old"])).toEqual([
      { stay_ref: "tr-new", has_overlap: true },
      { stay_ref: "tr-old", has_overlap: true },
    ]);
    const region = (await flagged(analyst)).filter((row) => row.stayRef.startsWith("tr-"));
    expect(region.map((row) => [row.structureCode, row.stayRef])).toEqual([
      ["ST000061", "tr-old"],
      ["ST000062", "tr-new"],
    ]);
    expect(region[0].pseudonym).toBe(region[1].pseudonym);
    // Only this test's stays: the other tests of the file leave overlaps of their own.
    const own = (rows: FlaggedStay[]) => rows.filter((row) => row.stayRef.startsWith("tr-"));
    expect(own(await flagged(operatorOfFirst)).map((row) => row.stayRef)).toEqual(["tr-old"]);
    expect(own(await flagged(operatorOfSecond)).map((row) => row.stayRef)).toEqual(["tr-new"]);

    // The late discharge of the old structure, on the day of the transfer, removes the overlap.
    expect((await ingest(dischargeEvent("ST000061", "tr-old", "2026-06-01"))).status).toBe("accepted");
    expect(await flagsOf(["tr-new", "tr-old"])).toEqual([
      { stay_ref: "tr-new", has_overlap: false },
      { stay_ref: "tr-old", has_overlap: false },
    ]);
    expect((await flagged(analyst)).filter((row) => row.stayRef.startsWith("tr-"))).toEqual([]);
  });

  it("clears the flag when a correction of the discharge removes the overlap, and raises it again when voided", async () => {
    const child = italianChild({ familyName: "Ferri", givenName: "Gaia", sex: "F", birthDate: "2011-03-03" });
    await ingest(admissionEvent("ST000061", "co-old", "2026-01-10", child));
    const discharge = dischargeEvent("ST000061", "co-old", "2026-07-01");
    await ingest(discharge);
    await ingest(admissionEvent("ST000062", "co-new", "2026-06-15", child));
    expect(await flagsOf(["co-new", "co-old"])).toEqual([
      { stay_ref: "co-new", has_overlap: true },
      { stay_ref: "co-old", has_overlap: true },
    ]);
    const correction = simpleEvent("correction", "ST000061", "co-old", "2026-06-15", {
      corrects: discharge.id,
      discharge: { reason: "transferred", destination: "other-residential" },
    });
    expect((await ingest(correction)).status).toBe("accepted");
    expect((await flagsOf(["co-new", "co-old"])).every((row) => !row.has_overlap)).toBe(true);
    await ingest(simpleEvent("void", "ST000061", "co-old", "2026-06-15", { voids: correction.id }));
    expect((await flagsOf(["co-new", "co-old"])).every((row) => row.has_overlap)).toBe(true);
  });

  it("refuses the data-quality list to a role without aggregate reports", async () => {
    await createOrganisationFor(t, "REVISIONE", "region");
    await createUserFor(t, "revisore-q", "auditor", "REVISIONE");
    const auditor = await logInAs(t.app, "revisore-q");
    expect((await auditor.get("/api/v1/data-quality/stays")).statusCode).toBe(403);
  });
});

describe("corrections of one event in recording order", () => {
  it("applies a later correction to an earlier date, and voiding it brings back the one before", async () => {
    const admission = admissionEvent("ST000061", "ro-1", "2026-03-10", italianChild({ givenName: "Rita" }));
    await ingest(admission);
    const correct = (occurredOn: string) =>
      simpleEvent("correction", "ST000061", "ro-1", occurredOn, {
        corrects: admission.id,
        admission: admission.admission,
      });
    const first = correct("2026-03-12");
    const second = correct("2026-03-05");
    expect((await ingest(first)).status).toBe("accepted");
    expect((await ingest(second)).status).toBe("accepted");
    const dateOf = async () =>
      (
        await queryRows<{ day: string }>(
          t.db,
          sql`select admission_date::text as day from stay where stay_ref = 'ro-1'`,
        )
      )[0].day;
    expect(await dateOf()).toBe("2026-03-05");
    await ingest(simpleEvent("void", "ST000061", "ro-1", "2026-03-20", { voids: second.id }));
    expect(await dateOf()).toBe("2026-03-12");
  });
});

describe("absences, activities and discharges against the stay", () => {
  it("absence-end-before-start, outside-stay and discharge-exists", async () => {
    await ingest(admissionEvent("ST000062", "ab-1", "2026-02-01", italianChild({ givenName: "Aldo" })));
    await ingest(
      simpleEvent("absence-start", "ST000062", "ab-1", "2026-04-10", { absence: { kind: "ran-away" } }),
    );
    const early = await ingest(simpleEvent("absence-end", "ST000062", "ab-1", "2026-04-09"));
    expect(early.status).toBe("rejected");
    expect(codes(early.errors)).toEqual(["absence-end-before-start"]);
    expect(early.errors[0].message).toMatch(/rientro/);
    expect((await ingest(simpleEvent("absence-end", "ST000062", "ab-1", "2026-04-10"))).status).toBe(
      "accepted",
    );
    const before = await ingest(
      simpleEvent("activity", "ST000062", "ab-1", "2026-01-20", { activity: { code: "school" } }),
    );
    expect(before.status).toBe("accepted");
    expect(warned(before.warnings)).toEqual(["outside-stay"]);
    const counted = async () =>
      queryRows<{ activities: number; absences: number }>(
        t.db,
        sql`select (select count(*)::int from stay_activity a where a.stay_id = s.id) as activities,
                   (select count(*)::int from stay_absence a where a.stay_id = s.id) as absences
            from stay s where s.stay_ref = 'ab-1'`,
      );
    expect(await counted()).toEqual([{ activities: 0, absences: 1 }]);
    const discharge = dischargeEvent("ST000062", "ab-1", "2026-05-01");
    await ingest(discharge);
    const after = await ingest(
      simpleEvent("absence-start", "ST000062", "ab-1", "2026-05-03", { absence: { kind: "hospital" } }),
    );
    expect(warned(after.warnings)).toEqual(["outside-stay"]);
    const second = await ingest(dischargeEvent("ST000062", "ab-1", "2026-05-02"));
    expect(codes(second.errors)).toEqual(["discharge-exists"]);
    // The stay's dates change: what falls inside counts again, what falls outside stops counting.
    const admission = (
      await queryRows<{ id: string }>(
        t.db,
        sql`select e.id from stay_event e join stay s on s.id = e.stay_id where s.stay_ref = 'ab-1' and e.type = 'admission'`,
      )
    )[0];
    await ingest(
      simpleEvent("correction", "ST000062", "ab-1", "2026-01-15", {
        corrects: admission.id,
        admission: admissionEvent("ST000062", "ab-1", "2026-01-15").admission,
      }),
    );
    await ingest(
      simpleEvent("correction", "ST000062", "ab-1", "2026-05-05", {
        corrects: discharge.id,
        discharge: discharge.discharge,
      }),
    );
    expect(await counted()).toEqual([{ activities: 1, absences: 2 }]);
  });
});

describe("Italian messages", () => {
  it("every error and warning of the standard has its Italian message, and the warnings sent carry it", async () => {
    for (const entry of [...validationErrorCodes, ...validationWarningCodes])
      expect(entry.label).toMatch(/^[A-ZÈÀ].*\.$/s);
    const late = await ingest(
      admissionEvent("ST000061", "msg-1", addDays(today, -30), italianChild({ givenName: "Lia", sex: "F" })),
    );
    const waiting = await ingest(dischargeEvent("ST000061", "msg-2", addDays(today, -1)));
    for (const warning of [...late.warnings, ...waiting.warnings]) {
      expect(warning.message).not.toBe(warning.code);
      expect(warning.message).toMatch(/[a-zàèéìòù] [a-zàèéìòù]/);
    }
    expect(codes(late.warnings)).toContain("late-report");
    expect(codes(waiting.warnings)).toContain("waiting-for-admission");
  });
});
