import { randomBytes } from "node:crypto";
import { fakerIT as faker } from "@faker-js/faker";
import type { Database } from "../../db/database.ts";
import { demoZones } from "../../db/seed/demo-zones.ts";
import { loadZones } from "../../db/seed/reference-data.ts";
import type { Role } from "../../domain/access/roles.ts";
import { defaultRegionalStructureTypes } from "../../domain/code-lists/structure-codes.ts";
import { numericCheckDigit } from "../../domain/identity/index.ts";
import type { StructureRecord } from "../../domain/structures/structure.schema.ts";
import { addDays } from "../../domain/time/calendar.ts";
import { findActorOfMembership } from "../../server/core/session.queries.ts";
import {
  createOrganisation,
  createUserWithRole,
  findUserByUsername,
  listMembershipsOfUser,
} from "../../server/features/access/index.ts";
import {
  editStructure,
  importStructures,
  registerStructure,
} from "../../server/features/structures/index.ts";

const system = { system: true as const, label: "demo" };

const operators = [
  { code: "COOP-MELOGRANO", name: "Cooperativa Sociale Il Melograno", legalNature: "cooperativa-sociale" },
  { code: "ASS-ARCOBALENO", name: "Associazione Arcobaleno", legalNature: "associazione" },
  { code: "FOND-SAN-MARTINO", name: "Fondazione San Martino", legalNature: "fondazione" },
  { code: "ASP-FIRENZE", name: "ASP Montedomini", legalNature: "asp" },
  { code: "COOP-GIRASOLE", name: "Cooperativa Sociale Il Girasole", legalNature: "cooperativa-sociale" },
  { code: "ENTE-SUORE", name: "Istituto Suore Francescane", legalNature: "ente-religioso" },
] as const;

const socialServices = [
  { code: "SST-FIRENZE", name: "Servizio sociale – Comune di Firenze", comune: "048017" },
  { code: "SST-PRATO", name: "Servizio sociale – Comune di Prato", comune: "100005" },
  { code: "SST-PISA", name: "Servizio sociale – Comune di Pisa", comune: "050026" },
] as const;

const structureNames = [
  "Il Melograno",
  "La Quercia",
  "Il Glicine",
  "Casa Aurora",
  "Il Faro",
  "La Tartaruga",
  "Il Ponte",
  "La Zattera",
  "Casa Betania",
  "Il Gabbiano",
  "La Bussola",
  "Casa del Sole",
  "L'Aquilone",
  "Il Castagno",
  "La Rondine",
  "Casa Emmaus",
  "Il Mandorlo",
  "La Lanterna",
  "Il Cerchio",
  "Casa Sant'Anna",
  "Il Porto",
  "La Ginestra",
  "Il Germoglio",
  "Casa Arcobaleno",
  "La Sorgente",
  "Il Nido",
  "La Pergola",
  "Casa Samuele",
  "Il Seme",
  "La Vela",
];

const users: { username: string; displayName: string; role: Role; organisation: string }[] = [
  {
    username: "admin",
    displayName: "Amministrazione regionale",
    role: "region-admin",
    organisation: "REGIONE-TOSCANA",
  },
  {
    username: "analista",
    displayName: "Analista regionale",
    role: "region-analyst",
    organisation: "REGIONE-TOSCANA",
  },
  {
    username: "curatore",
    displayName: "Curatore dell'anagrafe",
    role: "registry-steward",
    organisation: "REGIONE-TOSCANA",
  },
  {
    username: "revisore",
    displayName: "Revisore degli accessi",
    role: "auditor",
    organisation: "REGIONE-TOSCANA",
  },
  {
    username: "osservatorio",
    displayName: "Osservatorio regionale",
    role: "observatory",
    organisation: "OSSERVATORIO",
  },
  {
    username: "assistente",
    displayName: "Assistente sociale",
    role: "service-operator",
    organisation: "SST-FIRENZE",
  },
  {
    username: "assistente-prato",
    displayName: "Assistente sociale di Prato",
    role: "service-operator",
    organisation: "SST-PRATO",
  },
  {
    username: "assistente-pisa",
    displayName: "Assistente sociale di Pisa",
    role: "service-operator",
    organisation: "SST-PISA",
  },
  {
    username: "responsabile",
    displayName: "Responsabile del servizio",
    role: "service-manager",
    organisation: "SST-FIRENZE",
  },
  {
    username: "gestore",
    displayName: "Responsabile di struttura",
    role: "structure-manager",
    organisation: "COOP-MELOGRANO",
  },
  {
    username: "operatore",
    displayName: "Operatore di struttura",
    role: "structure-operator",
    organisation: "COOP-MELOGRANO",
  },
];

function vatNumberOf(index: number) {
  const body = String(1_234_560_000 + index * 7919).padStart(10, "0");
  return `${body}${numericCheckDigit(body)}`;
}

/**
 * Demo data for a new installation: Tuscan zones, organisations, one user per role (passwords
 * are random and returned once) and about thirty structures in several states with history.
 */
export async function createDemoData(db: Database, regionCode: string, today: string) {
  faker.seed(2026);
  await loadZones(db, regionCode, demoZones);
  await createOrganisation(db, system, { code: "REGIONE-TOSCANA", name: "Regione Toscana", kind: "region" });
  await createOrganisation(db, system, {
    code: "OSSERVATORIO",
    name: "Istituto degli Innocenti – Osservatorio regionale minori",
    kind: "observatory",
  });
  // Each service is the ente of its SINBA flows: a comune's 11-digit tax code (synthetic, with the
  // right check digit) is the flow's CFOperatore, its Belfiore code the flow's Indirizzo.
  for (const [index, service] of socialServices.entries()) {
    await createOrganisation(db, system, {
      ...service,
      kind: "social-service",
      fiscalCode: vatNumberOf(operators.length + index),
    });
  }
  for (const [index, operator] of operators.entries()) {
    await createOrganisation(db, system, {
      code: operator.code,
      name: operator.name,
      kind: "operator",
      fiscalCode: vatNumberOf(index),
    });
  }
  const passwords: { username: string; role: Role; password: string }[] = [];
  for (const user of users) {
    const password = randomBytes(9).toString("base64url");
    await createUserWithRole(db, system, { ...user, organisationCode: user.organisation, password });
    passwords.push({ username: user.username, role: user.role, password });
  }

  const tuscanComuni = demoZones.flatMap((zone) => zone.comuni.slice(0, 3));
  const records: StructureRecord[] = [];
  for (const [index, name] of structureNames.slice(0, 26).entries()) {
    const type = defaultRegionalStructureTypes[index % defaultRegionalStructureTypes.length];
    const operatorIndex = index % operators.length;
    const operator = operators[operatorIndex];
    const since = faker.date.between({ from: "2016-01-01", to: "2022-12-31" }).toISOString().slice(0, 10);
    const isFamily = type.nationalType === "comunita-familiare";
    const places = isFamily ? faker.number.int({ min: 4, max: 6 }) : faker.number.int({ min: 6, max: 12 });
    const expiring = index % 7 === 3;
    const base: StructureRecord = {
      code: `ST${String(100 + index).padStart(6, "0")}`,
      name: `${isFamily ? "Casa famiglia" : "Comunità"} ${name}`,
      regionalType: type.code,
      nationalType: type.nationalType,
      istatCharacter: isFamily ? "familiare" : "comunitario",
      istatFunction:
        type.nationalType === "pronta-accoglienza" ? "emergenza" : isFamily ? "tutelare" : "socio-educativa",
      operator: {
        name: operator.name,
        fiscalCode: vatNumberOf(operatorIndex),
        legalNature: operator.legalNature,
      },
      address: {
        street: `${faker.location.street()} ${faker.number.int({ min: 1, max: 120 })}`,
        comune: tuscanComuni[(index * 5) % tuscanComuni.length],
      },
      authorisedPlaces: places,
      emergencyExtraPlaces: isFamily ? 1 : 2,
      target: {
        minAge: type.nationalType === "alloggio-alta-autonomia" ? 16 : 0,
        maxAge: type.nationalType === "alloggio-alta-autonomia" ? 21 : 17,
        sex: index % 9 === 4 ? "F" : "any",
        motherWithChild: type.nationalType === "bambino-genitore",
        msna: index % 5 === 2,
      },
      authorisation: {
        status: expiring ? "provvisoria" : "definitiva",
        act: `Det. ${faker.number.int({ min: 10, max: 999 })}/${since.slice(0, 4)}`,
        date: since,
        expiresOn: expiring ? addDays(today, 40) : null,
      },
      status: index === 20 || index === 21 ? "suspended" : index === 22 ? "closed" : "active",
      validFrom: since,
    };
    records.push(base);
    if (index % 3 === 0) {
      records.push({ ...base, authorisedPlaces: base.authorisedPlaces + 2, validFrom: "2024-01-01" });
    }
  }
  await importStructures(db, system, records);

  // A manager's own work in progress: registrations and an edit waiting for the Region.
  const manager = await actorOf(db, "gestore");
  for (const name of structureNames.slice(26, 29)) {
    await registerStructure(db, manager, {
      ...records[0],
      code: undefined,
      name: `Comunità ${name}`,
      status: "pending-approval",
      validFrom: "2026-09-01",
      authorisation: {
        status: "provvisoria",
        act: "Det. 501/2026",
        date: "2026-09-01",
        expiresOn: "2027-08-31",
      },
    });
  }
  const [first] = await db.query.structure.findMany({
    where: (s, { eq }) => eq(s.code, "ST000100"),
    limit: 1,
  });
  if (first) {
    const current = records.filter((record) => record.code === "ST000100").at(-1) as StructureRecord;
    await editStructure(db, manager, first.id, {
      ...current,
      authorisedPlaces: current.authorisedPlaces + 1,
      validFrom: "2026-10-01",
    });
  }
  return { passwords, structures: records.length };
}

export async function actorOf(db: Database, username: string) {
  const user = await findUserByUsername(db, username);
  if (!user) throw new Error(`demo user ${username} missing`);
  const [membership] = await listMembershipsOfUser(db, user.id);
  const actor = await findActorOfMembership(
    db,
    { userId: user.id, username: user.username, displayName: user.displayName },
    membership.membershipId,
  );
  if (!actor) throw new Error(`demo user ${username} has no role`);
  return actor;
}
