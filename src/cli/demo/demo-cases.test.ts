import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTestApp,
  enrolSecondFactorFor,
  json,
  logInAs,
  type TestApp,
} from "../../../test/support/test-app.ts";
import { queryRows } from "../../db/database.ts";
import { addDays } from "../../domain/time/calendar.ts";
import { createDemoCases } from "./demo-cases.ts";
import { actorOf, createDemoData } from "./demo-data.ts";
import { createDemoStays } from "./demo-stays.ts";

let t: TestApp;
let passwords: { username: string; password: string }[] = [];
let outcome = { cases: 0, events: 0 };

beforeAll(async () => {
  t = await createTestApp();
  passwords = (await createDemoData(t.db, t.config.regionCode, t.today)).passwords;
  // The same builders as `sirmi start`, over a shorter past and 24 cases: the whole demo takes minutes.
  await createDemoStays(t.db, t.keyring, t.today, addDays(t.today, -200));
  outcome = await createDemoCases(
    t.db,
    t.keyring,
    { today: t.today, now: t.clock.now() },
    (username) => actorOf(t.db, username),
    24,
  );
}, 600_000);
afterAll(() => t.close());

describe("the demo's case files", () => {
  it("are opened in the three services through the case pipeline, each with its facts", async () => {
    expect(outcome.cases).toBe(24);
    const rows = await queryRows<{ code: string; cases: number }>(
      t.db,
      sql`select o.code, count(*)::int as cases from social_case c join organisation o on o.id = c.service_organisation_id
          group by o.code order by o.code`,
    );
    expect(rows).toEqual([
      { code: "SST-FIRENZE", cases: 8 },
      { code: "SST-PISA", cases: 8 },
      { code: "SST-PRATO", cases: 8 },
    ]);
    const [facts] = await queryRows<{ opened: number; rejected: number }>(
      t.db,
      sql`select count(*) filter (where type = 'case-opened')::int as opened,
            count(*) filter (where status = 'rejected')::int as rejected from case_event`,
    );
    expect(facts).toEqual({ opened: 24, rejected: 0 });
  });

  it("a third in foster care, the others placed in their demo stay; some closed, one transferred", async () => {
    const [row] = await queryRows<{ foster: number; placed: number; closed: number; transferred: number }>(
      t.db,
      sql`select count(*) filter (where jsonb_array_length(projection->'fosterCare') > 0)::int as foster,
            count(*) filter (where jsonb_array_length(projection->'placements') > 0)::int as placed,
            count(*) filter (where status = 'closed')::int as closed,
            count(*) filter (where projection->'transfer' <> 'null'::jsonb)::int as transferred
          from social_case`,
    );
    expect(row).toEqual({ foster: 8, placed: 16, closed: 2, transferred: 1 });
  });

  it("the demo social worker of Florence is told of a runaway of a child in charge", async () => {
    const password = passwords.find((user) => user.username === "assistente")?.password;
    await enrolSecondFactorFor(t, "assistente");
    const client = await logInAs(t.app, "assistente", password);
    const inbox = json<{ items: { kind: string; caseId: string | null }[] }>(
      await client.get("/api/v1/notifications?kind=runaway"),
    );
    expect(inbox.items.length).toBeGreaterThanOrEqual(1);
    expect(inbox.items[0]?.caseId).toBeTruthy();
  });
});
