import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Client,
  createTestApp,
  enrolSecondFactorFor,
  json,
  logInAs,
  type TestApp,
} from "../../../test/support/test-app.ts";
import { queryRows } from "../../db/database.ts";
import type { SinbaNotSendableList } from "../../domain/sinba/sinba-api.schema.ts";
import { addDays } from "../../domain/time/calendar.ts";
import { validateAgainstXsd } from "../../server/features/sinba/index.ts";
import { createDemoCases, demoCasesAwaitingAssessment, demoServices } from "./demo-cases.ts";
import { actorOf, createDemoData } from "./demo-data.ts";
import { createDemoStays } from "./demo-stays.ts";

let t: TestApp;
let passwords: { username: string; password: string }[] = [];
let outcome: Awaited<ReturnType<typeof createDemoCases>> = { cases: 0, events: 0, awaitingAssessment: [] };

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

const clients = new Map<string, Client>();
/** A demo user, logged in once with the second factor. */
async function clientOf(username: string) {
  const known = clients.get(username);
  if (known) return known;
  const password = passwords.find((user) => user.username === username)?.password;
  await enrolSecondFactorFor(t, username);
  const client = await logInAs(t.app, username, password);
  clients.set(username, client);
  return client;
}

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
    const client = await clientOf("assistente");
    const inbox = json<{ items: { kind: string; caseId: string | null }[] }>(
      await client.get("/api/v1/notifications?kind=runaway"),
    );
    expect(inbox.items.length).toBeGreaterThanOrEqual(1);
    expect(inbox.items[0]?.caseId).toBeTruthy();
  });

  it("produce SINBA flows that validate against the XSD, but for the few that wait for their assessment", async () => {
    const production = await t.app.sinbaFlowWorker.drain();
    expect(production.checked).toBe(24);
    expect(production.notSendable).toBe(demoCasesAwaitingAssessment);
    expect(production.recorded).toBe(24 - demoCasesAwaitingAssessment);
    const flows = await queryRows<{ caseId: string; xml: string }>(
      t.db,
      sql`select case_id as "caseId", xml from sinba_flow order by id_flusso`,
    );
    expect(flows).toHaveLength(production.recorded);
    for (const flow of flows) expect(validateAgainstXsd(flow.xml, "sinba")).toEqual({ ok: true });
    const checks = await queryRows<{ caseId: string; fields: string[] }>(
      t.db,
      sql`select case_id as "caseId", coalesce((select array_agg(m->>'field' order by m->>'field')
            from jsonb_array_elements(missing) m), '{}') as fields
          from sinba_case_check where state = 'not-sendable' order by case_id`,
    );
    // Exactly the cases opened lately, each missing its assessment and its first intervention.
    expect(checks.map((check) => check.caseId)).toEqual([...outcome.awaitingAssessment].sort());
    for (const check of checks)
      expect(check.fields).toEqual(["Prestazioni", "ValutazioneFamigliaMinore", "ValutazioneMinore"]);
    expect(flows.some((flow) => outcome.awaitingAssessment.includes(flow.caseId))).toBe(false);
  });

  it("a service's page of cases not sendable lists its own, each with the form part to fill", async () => {
    const [first] = await queryRows<{ code: string }>(
      t.db,
      sql`select o.code from social_case c join organisation o on o.id = c.service_organisation_id
          where c.id = ${outcome.awaitingAssessment[0]}`,
    );
    const service = demoServices.find((candidate) => candidate.code === first?.code);
    const client = await clientOf(service?.username ?? "");
    const { items } = json<SinbaNotSendableList>(await client.get("/api/v1/sinba/not-sendable"));
    expect(items.map((item) => item.caseId)).toContain(outcome.awaitingAssessment[0]);
    for (const item of items) {
      expect(outcome.awaitingAssessment).toContain(item.caseId);
      expect(item.missing.map((field) => field.part).sort()).toEqual([
        "assessment",
        "assessment",
        "interventions",
      ]);
      expect(item.missing[0]?.message).toMatch(/^Manca /);
    }
  });
});
