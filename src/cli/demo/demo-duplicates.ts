import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { type Database, queryRows } from "../../db/database.ts";
import { encodeFiscalCode } from "../../domain/identity/fiscal-code-encoding.ts";
import { addDays } from "../../domain/time/calendar.ts";

type Send = (event: Record<string, unknown>) => Promise<{ status: string }>;

const referringService = { code: "SVC-048017-01", comune: "048017" };

function admission(origin: string) {
  return {
    kind: "emergency",
    legalBasis: "emergency-403",
    referringService,
    withParent: false,
    origin,
    reasons: ["11"],
  };
}

/**
 * Records the registry cannot link for sure, left on purpose so that the steward's queue of a new
 * demo is never empty, each a case the review exists for:
 * - a boy without a fiscal code who ran away and was readmitted elsewhere with his name
 *   transliterated another way (Mohamed / Muhammad): the stays follow one another;
 * - a girl readmitted in an emergency without her fiscal code, her surname mistyped (Bertini /
 *   Berdini);
 * - two boys with the same name and the conventional birth date of an age assessment
 *   (1 January), hosted at the same time in two structures: two children, most likely.
 * Sent as events through the same pipeline as the rest of the demo; the readmissions are in the
 * structures of the demo operator's own organisation, so that its staff see them too.
 */
export async function createDemoDuplicates(db: Database, send: Send, today: string) {
  const codes = (
    await queryRows<{ code: string }>(
      db,
      sql`select s.code from structure s join organisation o on o.id = s.operator_organisation_id
          where o.code = 'COOP-MELOGRANO' and s.status = 'active' and s.code is not null order by s.code`,
    )
  ).map((row) => row.code);
  const others = (
    await queryRows<{ code: string }>(
      db,
      sql`select s.code from structure s join organisation o on o.id = s.operator_organisation_id
          where o.code <> 'COOP-MELOGRANO' and s.status = 'active' and s.code is not null order by s.code`,
    )
  ).map((row) => row.code);
  if (codes.length < 3 || others.length < 1) return { admissions: 0 };
  const [home, second, third] = codes;
  const year = today.slice(0, 4);
  let admissions = 0;
  const admit = async (
    structureCode: string,
    stayRef: string,
    occurredOn: string,
    minor: object,
    origin: string,
  ) => {
    const result = await send({
      id: randomUUID(),
      type: "admission",
      structureCode,
      stayRef,
      occurredOn,
      minor,
      admission: admission(origin),
    });
    if (result.status === "accepted") admissions += 1;
  };
  const discharge = (
    structureCode: string,
    stayRef: string,
    occurredOn: string,
    reason: string,
    destination: string,
  ) =>
    send({
      id: randomUUID(),
      type: "discharge",
      structureCode,
      stayRef,
      occurredOn,
      discharge: { reason, destination },
    });

  // Ran away, found again a month later and admitted elsewhere under another spelling.
  const bornInEgypt = addDays(today, -(16 * 365 + 47));
  const egyptian = { birthDate: bornInEgypt, sex: "M", birthPlace: { country: "419" }, citizenship: "419" };
  await admit(
    second,
    `${year}-9001`,
    addDays(today, -210),
    { ...egyptian, familyName: "Abdelrahman", givenName: "Mohamed", unaccompaniedForeignMinor: true },
    "arrived-from-abroad",
  );
  await discharge(second, `${year}-9001`, addDays(today, -150), "ran-away", "unknown");
  await admit(
    home,
    `${year}-9002`,
    addDays(today, -120),
    { ...egyptian, familyName: "Abdelrahman", givenName: "Muhammad", unaccompaniedForeignMinor: true },
    "other-residential",
  );

  // Back home, then admitted again in an emergency: no fiscal code at hand, the surname mistyped.
  const girl = { givenName: "Giulia", sex: "F", birthDate: addDays(today, -(12 * 365 + 200)) };
  await admit(
    third,
    `${year}-9003`,
    addDays(today, -300),
    {
      ...girl,
      familyName: "Bertini",
      fiscalCode: encodeFiscalCode({ ...girl, familyName: "Bertini", sex: "F", birthPlaceCode: "D612" }),
      birthPlace: { comune: "048017" },
      citizenship: "100",
      residenceComune: "048017",
    },
    "family-of-origin",
  );
  await discharge(third, `${year}-9003`, addDays(today, -200), "project-completed", "family-of-origin");
  await admit(
    home,
    `${year}-9004`,
    addDays(today, -45),
    { ...girl, familyName: "Berdini", birthPlace: { comune: "048017" }, citizenship: "100" },
    "family-of-origin",
  );

  // Namesakes born "on 1 January" by an age assessment, in two structures at once.
  const assessed = {
    familyName: "Diallo",
    givenName: "Mamadou",
    sex: "M",
    birthDate: `${Number(year) - 16}-01-01`,
    birthPlace: { country: "425" },
    citizenship: "425",
    unaccompaniedForeignMinor: true,
  };
  await admit(others[0], `${year}-9005`, addDays(today, -90), assessed, "arrived-from-abroad");
  await admit(home, `${year}-9006`, addDays(today, -60), assessed, "arrived-from-abroad");
  return { admissions };
}
