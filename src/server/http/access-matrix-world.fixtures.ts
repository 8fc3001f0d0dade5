import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { admissionEvent, dischargeEvent, italianChild } from "../../../test/support/stay-fixtures.ts";
import { structureRecord, vatNumber } from "../../../test/support/structure-fixtures.ts";
import {
  type Client,
  createOrganisationFor,
  createUserFor,
  json,
  logInAs,
  type TestApp,
} from "../../../test/support/test-app.ts";
import { queryRows } from "../../db/database.ts";
import { accessPolicy } from "../../domain/access/policy.ts";
import { organisationKindOfRole, type Role, roleCodes } from "../../domain/access/roles.ts";
import type { MinorIdentity } from "../../domain/registry/minor-identity.ts";
import { addDays } from "../../domain/time/calendar.ts";
import { newKeyPair, registerClient } from "../features/events/machine-request.fixtures.ts";
import { ingestEvents } from "../features/stays/index.ts";
import { importStructures } from "../features/structures/index.ts";

/**
 * The world of the access matrix, built once: two operators (A with two structures, B with one
 * active and one pending), a social service, the Region, the observatory, one person per role
 * (the structure operator assigned to A1 only) and minors in every relationship the protocol
 * distinguishes. Each minor's facts are written down here; the expectations are derived from
 * these facts and the policy data, never from what the server answers.
 */

export type Place = "A1" | "A2" | "B1" | "P";
export const placeCodes: Record<Place, string> = {
  A1: "ST000101",
  A2: "ST000102",
  B1: "ST000201",
  P: "ST000202",
};
export const ownerOfPlace: Record<Place, string> = { A1: "COOP-A", A2: "COOP-A", B1: "COOP-B", P: "COOP-B" };

export type MinorFacts = {
  /** Stays with the days since their discharge (null while open). */
  stays: { place: Place; daysSinceDischarge: number | null }[];
  inReview: boolean;
  /** An emergency access opened by every role that may open one: running, or expired. */
  breakGlass: "active" | "expired" | null;
  exists: boolean;
};

export type Caller = { role: Role; organisation: string; structure: Place | null };

export const organisationOfKind = {
  region: "REGIONE",
  "social-service": "SST",
  operator: "COOP-A",
  observatory: "OSS",
} as const;

export function callerOf(role: Role): Caller {
  return {
    role,
    organisation: organisationOfKind[organisationKindOfRole[role]],
    structure: role === "structure-operator" ? "A1" : null,
  };
}

const operators = {
  "COOP-A": {
    name: "Cooperativa A",
    fiscalCode: vatNumber("1111111111"),
    legalNature: "cooperativa-sociale",
  },
  "COOP-B": {
    name: "Cooperativa B",
    fiscalCode: vatNumber("2222222222"),
    legalNature: "cooperativa-sociale",
  },
} as const;

type MinorSpec = { key: string; place: Place; dischargedDaysAgo?: number; child: MinorIdentity };

const letters = "BCDFGHLMNPRSTVZ";
/** Distinct children (names far apart, so that the registry links none of them by itself). */
function child(index: number): MinorIdentity {
  const name = (offset: number) =>
    `${letters[index % letters.length]}a${letters[(index * 7 + offset) % letters.length]}${"aeiou"[index % 5]}${letters[(index + offset) % letters.length].toLowerCase()}i`;
  return italianChild({
    familyName: `${name(3)}${index}`.replace(/\d/g, (digit) => "abcdefghij"[Number(digit)]),
    givenName: name(5),
    sex: index % 2 === 0 ? "M" : "F",
    birthDate: `${2009 + (index % 8)}-${String(1 + (index % 12)).padStart(2, "0")}-${String(1 + ((index * 3) % 27)).padStart(2, "0")}`,
  });
}

const minorSpecs: MinorSpec[] = (
  [
    { key: "hostedA1", place: "A1" },
    { key: "hostedA2", place: "A2" },
    { key: "hostedB1", place: "B1" },
    { key: "closed89", place: "A1", dischargedDaysAgo: 89 },
    { key: "closed90", place: "A1", dischargedDaysAgo: 90 },
    { key: "closed91", place: "A1", dischargedDaysAgo: 91 },
    { key: "reviewX", place: "B1" },
    { key: "reviewY", place: "B1" },
    { key: "mergedA", place: "A1" },
    { key: "mergedB", place: "B1" },
    { key: "unmergedA", place: "A1" },
    { key: "unmergedB", place: "B1" },
    { key: "undoA", place: "A1" },
    { key: "undoB", place: "B1" },
    { key: "decideX", place: "B1" },
    { key: "decideY", place: "B1" },
    { key: "glassActive", place: "B1" },
    { key: "glassExpired", place: "B1" },
    { key: "glassTarget", place: "B1" },
  ] as Omit<MinorSpec, "child">[]
).map((spec, index) => ({ ...spec, child: child(index) }));

export const breakGlassReason = "Il minore è in pronto soccorso senza documenti: serve l'identità.";

export async function buildWorld(t: TestApp) {
  for (const [code, kind] of [
    ["REGIONE", "region"],
    ["SST", "social-service"],
    ["OSS", "observatory"],
  ] as const)
    await createOrganisationFor(t, code, kind);
  for (const [code, operator] of Object.entries(operators))
    await createOrganisationFor(t, code, "operator", operator.fiscalCode, operator.name);
  const outcomes = await importStructures(
    t.db,
    { system: true, label: "test" },
    (Object.keys(placeCodes) as Place[]).map((place) =>
      structureRecord({
        code: placeCodes[place],
        name: `Comunità ${place}`,
        operator: operators[ownerOfPlace[place] as keyof typeof operators],
        authorisedPlaces: 10,
        emergencyExtraPlaces: 1,
        validFrom: "2015-01-01",
        status: place === "P" ? "pending-approval" : "active",
      }),
    ),
  );
  if (outcomes.some((outcome) => outcome.outcome === "rejected"))
    throw new Error(`structures rejected: ${JSON.stringify(outcomes)}`);
  const structureIds = Object.fromEntries(
    (await queryRows<{ id: string; code: string }>(t.db, sql`select id, code from structure`)).map((row) => [
      row.code,
      row.id,
    ]),
  );
  const placeIds = Object.fromEntries(
    (Object.keys(placeCodes) as Place[]).map((place) => [place, structureIds[placeCodes[place]]]),
  ) as Record<Place, string>;

  const today = t.today;
  const events = minorSpecs.flatMap((spec) =>
    spec.dischargedDaysAgo === undefined
      ? [admissionEvent(placeCodes[spec.place], spec.key, addDays(today, -200), spec.child)]
      : [
          admissionEvent(placeCodes[spec.place], spec.key, addDays(today, -300), spec.child),
          dischargeEvent(placeCodes[spec.place], spec.key, addDays(today, -spec.dischargedDaysAgo)),
        ],
  );
  const source = {
    kind: "user" as const,
    id: randomUUID(),
    subject: { system: true as const, label: "test" },
    mayWrite: () => true,
  };
  const results = await ingestEvents(t.db, { keyring: t.keyring, today }, source, events);
  if (results.some((result) => result.status !== "accepted"))
    throw new Error(`events rejected: ${JSON.stringify(results.filter((r) => r.status !== "accepted"))}`);
  const rows = await queryRows<{ stayRef: string; stayId: string; minorId: string; pseudonym: string }>(
    t.db,
    sql`select s.stay_ref as "stayRef", s.id as "stayId", m.id as "minorId", m.pseudonym
        from stay s join minor m on m.id = s.minor_id`,
  );
  const minors = Object.fromEntries(
    rows.map((row) => [
      row.stayRef,
      { ...row, identity: minorSpecs.find((spec) => spec.key === row.stayRef)?.child as MinorIdentity },
    ]),
  );

  const people = new Map<Role, Client>();
  for (const role of roleCodes) {
    const caller = callerOf(role);
    await createUserFor(
      t,
      `u-${role}`,
      role,
      caller.organisation,
      caller.structure ? placeIds[caller.structure] : undefined,
    );
    people.set(role, await logInAs(t.app, `u-${role}`));
  }
  const as = (role: Role) => people.get(role) as Client;

  // Pairs for the steward: one to read, one to merge, one merged then undone, one to decide.
  const queue = async (a: string, b: string) => {
    const id = randomUUID();
    const [first, second] = [minors[a].minorId, minors[b].minorId].sort();
    await t.db.execute(sql`insert into duplicate_review (id, first_minor_id, second_minor_id, score, reasons, state)
      values (${id}, ${first}, ${second}, 80, '["similar-names"]'::jsonb, 'pending')`);
    return id;
  };
  const decide = async (reviewId: string) => {
    const response = await as("registry-steward").post(`/api/v1/duplicate-reviews/${reviewId}/decision`, {
      decision: "same",
      reason: "Stesso minore registrato due volte",
    });
    if (response.statusCode !== 200) throw new Error(`merge failed: ${response.body}`);
    return json<{ mergeId: string }>(response).mergeId;
  };
  await queue("reviewX", "reviewY");
  await decide(await queue("mergedA", "mergedB"));
  const unmerge = await decide(await queue("unmergedA", "unmergedB"));
  const undone = await as("registry-steward").post(`/api/v1/minor-merges/${unmerge}/undo`, {
    reason: "Sono due minori diversi, lo conferma la struttura",
  });
  if (undone.statusCode !== 200) throw new Error(`undo failed: ${undone.body}`);
  const mergeToUndo = await decide(await queue("undoA", "undoB"));
  const reviewToDecide = await queue("decideX", "decideY");

  // Emergency accesses: every role that may open one, on one minor running and on one expired.
  const glassRoles = roleCodes.filter((role) => accessPolicy["break-glass.open"][role]);
  const breakGlassIds: string[] = [];
  for (const role of glassRoles)
    for (const key of ["glassActive", "glassExpired"]) {
      const opened = await as(role).post("/api/v1/break-glass-accesses", {
        pseudonym: minors[key].pseudonym,
        reason: breakGlassReason,
      });
      if (opened.statusCode !== 201) throw new Error(`break-glass failed: ${opened.body}`);
      breakGlassIds.push(json<{ id: string }>(opened).id);
    }
  await t.db.execute(sql`update break_glass_access
    set opened_at = now() - interval '25 hours', expires_at = now() - interval '1 hour'
    where minor_id = ${minors.glassExpired.minorId}`);

  // A structure change waiting for the Region's decision, and machine clients of A1 and of B1.
  const registered = await as("structure-manager").post(
    "/api/v1/structures",
    structureRecord({ operator: operators["COOP-A"] }),
  );
  if (registered.statusCode !== 201) throw new Error(`registration failed: ${registered.body}`);
  const changes = json<{ items: { id: string; structureId: string }[] }>(
    await as("region-admin").get("/api/v1/structure-changes"),
  ).items;
  const pendingChange = changes.find((change) => change.structureId === json<{ id: string }>(registered).id);
  const machineClients = {
    A1: (await registerClient(t.db, [placeCodes.A1])).id,
    B1: (await registerClient(t.db, [placeCodes.B1])).id,
  };
  // A zone as it is: an edit that changes nothing.
  const [firstZone] = json<{ items: { code: string; name: string }[] }>(
    await as("region-admin").get("/api/v1/zones"),
  ).items;
  const zoneComuni = json<{ items: string[] }>(
    await as("region-admin").get(`/api/v1/zones/${firstZone.code}/comuni`),
  ).items;
  const zone = { code: firstZone.code, definition: { name: firstZone.name, comuni: zoneComuni } };

  const statesOf = await queryRows<{ state: string; count: number }>(
    t.db,
    sql`select state, count(*)::int as count from duplicate_review group by state order by state`,
  );
  return {
    placeIds,
    minors,
    people,
    as,
    mergeToUndo,
    reviewToDecide,
    breakGlassIds,
    pendingChangeId: pendingChange?.id as string,
    machineClients,
    zone,
    publicKey: (await newKeyPair()).jwk,
    reviewStates: statesOf,
  };
}

export type World = Awaited<ReturnType<typeof buildWorld>>;

/** What the protocol says of each minor of the world, after the set-up above. */
export const minorFacts: Record<string, MinorFacts> = {
  unknown: { stays: [], inReview: false, breakGlass: null, exists: false },
  ...Object.fromEntries(
    minorSpecs.map((spec) => [
      spec.key,
      {
        stays: [{ place: spec.place, daysSinceDischarge: spec.dischargedDaysAgo ?? null }],
        inReview: false,
        breakGlass: null,
        exists: true,
      } satisfies MinorFacts,
    ]),
  ),
};
for (const key of ["reviewX", "reviewY", "unmergedA", "unmergedB", "decideX", "decideY"])
  minorFacts[key].inReview = true;
// A merged record answers for the survivor, which holds both stays.
for (const key of ["mergedA", "mergedB", "undoA", "undoB"])
  minorFacts[key].stays = [
    { place: "A1", daysSinceDischarge: null },
    { place: "B1", daysSinceDischarge: null },
  ];
minorFacts.glassActive.breakGlass = "active";
minorFacts.glassExpired.breakGlass = "expired";
