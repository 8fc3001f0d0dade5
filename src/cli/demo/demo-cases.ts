import { randomUUID } from "node:crypto";
import { fakerIT as faker } from "@faker-js/faker";
import { sql } from "drizzle-orm";
import { type Database, queryRows } from "../../db/database.ts";
import { ageOn } from "../../domain/stays/age.ts";
import { addDays } from "../../domain/time/calendar.ts";
import type { Actor } from "../../server/core/actor.ts";
import type { Keyring } from "../../server/core/vault-keys.ts";
import { recordCaseEvents } from "../../server/features/cases/index.ts";
import { findVaultRows, lookUpMinor, openIdentity } from "../../server/features/registry/index.ts";
import { type EventSource, ingestEvent } from "../../server/features/stays/index.ts";

/** The three demo services and the social worker each acts through. */
export const demoServices = [
  { code: "SST-FIRENZE", username: "assistente" },
  { code: "SST-PRATO", username: "assistente-prato" },
  { code: "SST-PISA", username: "assistente-pisa" },
] as const;

type PlacedStay = {
  minorId: string;
  stayId: string;
  structureCode: string;
  stayRef: string;
  admissionDate: string;
  dischargeDate: string | null;
  absent: boolean;
};

/** The earlier of two days (ISO dates compare as text). */
const notAfter = (day: string, limit: string) => [day, limit].sort()[0] as string;
const pick = <T>(list: readonly T[]) => faker.helpers.arrayElement(list as T[]);
const percent = (share: number) => faker.number.int({ min: 1, max: 100 }) <= share;

/** Codes of the Region's table of interventions (CodicePrestazione) the demo services use. */
const interventionCodes = ["A1.01", "B1.02", "B2.03", "C3.01"] as const;
/** How many cases of the demo are opened lately and wait for their assessment (never sendable yet). */
export const demoCasesAwaitingAssessment = 4;

/** The school a child of that age attends, as SINBA codes it (ScuolaFrequentata). */
function schoolAt(age: number) {
  if (age < 3) return pick(["1", "3"]);
  if (age < 6) return "4";
  if (age < 11) return "5";
  if (age < 14) return "6";
  return pick(["7", "7", "8"]);
}

/** The child's situation, everything SINBA asks of it: orphanhood, school, work, disability. */
function situationAt(age: number) {
  const hasDisability = percent(12);
  return {
    orphanhood: pick(["1", "1", "1", "1", "1", "3", "4"]),
    school: schoolAt(age),
    livingPlace: pick(["1", "2"]),
    workCondition: age >= 16 ? pick(["1", "1", "4"]) : "1",
    disability: hasDisability ? "1" : "2",
    ...(hasDisability
      ? { disabilityTypes: [pick(["1", "2", "3", "4"])], certifications: [pick(["1", "4", "5"])] }
      : {}),
  };
}

/** The household the child lives with, the parents and the ISEE (ComposizioneFamiglia, …Padre/…Madre). */
function family() {
  const household = pick([["1"], ["1", "2"], ["1", "2", "3"], ["1", "3"], ["1", "4"], ["1", "5", "3"]]);
  const parent = () => ({
    citizenship: "100",
    education: pick(["2", "3", "3", "4", "5", "6"]),
    occupation: pick(["1", "1", "2", "3", "4", "7", "8"]),
  });
  return {
    household,
    mother: parent(),
    ...(household.includes("2") ? { father: parent() } : {}),
    residenceRegion: "09",
    iseeMembers: household.length + 1,
    iseeBand: pick(["1", "2", "3", "4"]),
  };
}

/**
 * About 150 case files in three services, written as the social workers would: the exact search
 * of the registry, then the facts through the case pipeline (recordCaseEvents), never inserted.
 * Each case holds what a SINBA record needs (situation, family, assessment, an intervention), so
 * that it produces a valid flow, except the few opened lately that wait for their assessment.
 * Children still hosted have their stay linked (placement); a third, discharged, are in foster
 * care (some episodes ended), and the others discharged are back home; a few cases are closed, one transferred; and a child in charge of
 * the first service runs away today, recorded by the structure through the ASMI pipeline.
 */
export async function createDemoCases(
  db: Database,
  keyring: Keyring,
  context: { today: string; now: Date },
  actorOf: (username: string) => Promise<Actor>,
  count = 150,
) {
  faker.seed(7);
  const { today } = context;
  const candidates = await queryRows<PlacedStay>(
    db,
    sql`select distinct on (s.minor_id) s.minor_id as "minorId", s.id as "stayId", st.code as "structureCode",
          s.stay_ref as "stayRef", s.admission_date::text as "admissionDate", s.discharge_date::text as "dischargeDate",
          exists (select 1 from stay_absence a where a.stay_id = s.id and a.to_date is null) as absent
        from stay s join structure st on st.id = s.structure_id
        join identity_vault v on v.minor_id = s.minor_id and v.fiscal_code is not null
        where s.minor_id is not null and s.admission_date is not null
        order by s.minor_id, s.admission_date desc`,
  );
  // Hosted children for the placements, a third discharged into foster care, and, when fewer
  // children are hosted, discharged children back with their family to make up the count.
  const left = candidates.filter((c) => c.dischargeDate !== null);
  const foster = left.slice(0, Math.round(count / 3));
  const hosted = candidates.filter((c) => c.dischargeDate === null).slice(0, count - foster.length);
  const home = left.slice(foster.length, foster.length + count - foster.length - hosted.length);
  const actors = await Promise.all(demoServices.map((service) => actorOf(service.username)));
  const identities = new Map(
    (
      await findVaultRows(
        db,
        [...hosted, ...foster, ...home].map((c) => c.minorId),
      )
    ).map((row) => [row.minorId, openIdentity(keyring, row)]),
  );
  // The children admitted last, their cases opened lately: the assessment not recorded yet.
  const awaitingAssessment = new Set(
    hosted
      .filter((_, index) => ![5, 8, 11].includes(index))
      .sort((a, b) => b.admissionDate.localeCompare(a.admissionDate))
      .slice(0, demoCasesAwaitingAssessment)
      .map((child) => child.minorId),
  );
  const incomplete: string[] = [];
  let cases = 0;
  let events = 0;
  let runaway: { service: string; structureCode: string; stayRef: string } | null = null;
  const all = [
    ...hosted.map((c) => ({ ...c, kind: "placed" as const })),
    ...foster.map((c) => ({ ...c, kind: "foster" as const })),
    ...home.map((c) => ({ ...c, kind: "home" as const })),
  ];
  for (const [index, child] of all.entries()) {
    const actor = actors[index % actors.length] as Actor;
    const identity = identities.get(child.minorId);
    const fiscalCode = identity?.fiscalCode;
    if (!fiscalCode) continue;
    const found = await lookUpMinor(db, keyring, actor, { purpose: "admission", fiscalCode });
    if (!found.found) continue;
    const caseId = randomUUID();
    const openedOn = addDays(child.admissionDate, -faker.number.int({ min: 5, max: 60 }));
    const day = (offset: number) => notAfter(addDays(openedOn, offset), today);
    const fact = (type: string, occurredOn: string, content: object) => ({
      id: randomUUID(),
      type,
      caseId,
      occurredOn,
      ...content,
    });
    const age = identity?.birthDate ? ageOn(identity.birthDate, openedOn) : 10;
    const isAwaitingAssessment = awaitingAssessment.has(child.minorId);
    const problem = pick(["1", "2", "5", "7"]);
    const familyProblem = pick(["1", "2", "2", "3", "4"]);
    const batch: object[] = [
      fact("case-opened", openedOn, {
        opening: {
          minorRef: found.minor.pseudonym,
          firstReportOn: addDays(openedOn, -20).slice(0, 7),
          reportSource: pick(["1", "3", "5", "8", "13"]),
        },
      }),
      fact("situation", day(2), { situation: situationAt(age) }),
      fact("family", day(3), { family: family() }),
    ];
    if (!isAwaitingAssessment) {
      const collaboration = pick(["2", "3", "5", "7", "8"]);
      batch.push(
        fact("assessment", day(4), {
          assessment: {
            child: { values: [problem], prevalent: problem },
            family: { values: [familyProblem], prevalent: familyProblem },
            ...(percent(60) ? { collaborations: { values: [collaboration], prevalent: collaboration } } : {}),
          },
        }),
        fact("intervention-start", day(5), { intervention: { code: pick(interventionCodes) } }),
      );
      if (index % 2 === 0)
        batch.push(
          fact("judicial-measure", day(6), { measure: { authority: "1", kind: pick(["4", "5", "6"]) } }),
        );
    }
    if (child.kind === "placed") {
      batch.push(
        fact("placement", notAfter(child.admissionDate, today), {
          placement: { stayId: child.stayId },
        }),
      );
    } else if (child.kind === "foster") {
      const start = fact("foster-care-start", notAfter(addDays(child.dischargeDate as string, 1), today), {
        fosterCare: {
          form: pick(["1", "2"]),
          kind: pick(["1", "2"]),
          duration: "1",
          character: "1",
          nightsPerWeek: 7,
        },
      });
      batch.push(start);
      const endOn = addDays(start.occurredOn, 120);
      if (index % 4 === 0 && endOn < today)
        batch.push(fact("foster-care-end", endOn, { fosterCareStart: start.id, outcome: pick(["1", "2"]) }));
    }
    if (index === 5 || index === 11)
      batch.push(fact("closure", today, { closure: { reason: "4", situation: "1" } }));
    const results = await recordCaseEvents(db, { ...context, keyring }, actor, batch, null);
    events += results.filter((result) => result.status === "accepted").length;
    if (results[0]?.status !== "accepted") continue;
    cases += 1;
    if (isAwaitingAssessment) incomplete.push(caseId);
    if (index === 8) {
      const receiver = actors[(index + 1) % actors.length] as Actor;
      await recordCaseEvents(
        db,
        { ...context, keyring },
        actor,
        [fact("transfer-requested", today, { transfer: { toServiceCode: receiver.organisationCode } })],
        caseId,
      );
    }
    if (!runaway && child.kind === "placed" && !child.absent && index % actors.length === 0 && index > 11)
      runaway = {
        service: actor.organisationCode,
        structureCode: child.structureCode,
        stayRef: child.stayRef,
      };
  }
  if (runaway) {
    const source: EventSource = {
      kind: "user",
      id: randomUUID(),
      subject: { system: true, label: "demo" },
      mayWrite: () => true,
    };
    await ingestEvent(db, { keyring, today }, source, {
      id: randomUUID(),
      type: "absence-start",
      structureCode: runaway.structureCode,
      stayRef: runaway.stayRef,
      occurredOn: today,
      absence: { kind: "ran-away" },
    });
  }
  return { cases, events, awaitingAssessment: incomplete };
}
