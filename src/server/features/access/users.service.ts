import { randomUUID } from "node:crypto";
import type { z } from "zod";
import type { Database, Executor } from "../../../db/database.ts";
import type { organisationInputSchema, userInputSchema } from "../../../domain/access/access-api.schema.ts";
import { organisationKindOfRole, type Role } from "../../../domain/access/roles.ts";
import { AppError } from "../../../domain/errors/app-error.ts";
import type { AuditSubject } from "../../core/actor.ts";
import { appendAuditEntry } from "../../core/audit.queries.ts";
import {
  findOrganisationByCode,
  findUserByUsername,
  insertMembership,
  insertOrganisation,
  insertUser,
} from "./access.queries.ts";
import { findUserByFiscalCodeDigest } from "./account.queries.ts";
import { hashPassword } from "./passwords.ts";

export async function createOrganisation(
  db: Database,
  subject: AuditSubject,
  input: z.infer<typeof organisationInputSchema>,
) {
  return db.transaction(async (tx) => {
    if (await findOrganisationByCode(tx, input.code)) {
      throw new AppError("conflict", `Esiste già un'organizzazione con il codice ${input.code}.`);
    }
    const row = await insertOrganisation(tx, {
      id: randomUUID(),
      code: input.code,
      name: input.name,
      kind: input.kind,
      fiscalCode: input.fiscalCode ?? null,
      comune: input.comune ?? null,
    });
    await appendAuditEntry(tx, subject, {
      action: "organisation.create",
      resourceType: "organisation",
      resourceId: row.id,
      outcome: "success",
    });
    return row;
  });
}

/** The organisation a role is to be held in, if it exists and is of the kind the role needs. */
async function getOrganisationForRole(tx: Executor, code: string, role: Role) {
  const organisation = await findOrganisationByCode(tx, code);
  if (!organisation) throw new AppError("unknown-organisation", `L'organizzazione ${code} non esiste.`);
  if (organisationKindOfRole[role] !== organisation.kind) {
    throw new AppError(
      "role-not-allowed-for-organisation",
      `Il ruolo ${role} non può essere assegnato in un'organizzazione di tipo ${organisation.kind}.`,
    );
  }
  return organisation;
}

/** Creates a user holding one role in one organisation; more roles come with addRole. */
export async function createUserWithRole(
  db: Database,
  subject: AuditSubject,
  input: Omit<z.infer<typeof userInputSchema>, "password"> & {
    /** null: the person signs in only through the provider, by fiscal code. */
    password: string | null;
    structureId?: string | null;
    fiscalCodeDigest?: string | null;
    mustChangePassword?: boolean;
  },
  /** Checks of the caller (separation of duties) inside the same transaction. */
  check?: (tx: Executor, organisation: { id: string; kind: string; code: string }) => Promise<void>,
) {
  const passwordHash = input.password === null ? null : await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const organisation = await getOrganisationForRole(tx, input.organisationCode, input.role);
    if (check) await check(tx, organisation);
    if (input.fiscalCodeDigest && (await findUserByFiscalCodeDigest(tx, input.fiscalCodeDigest)))
      throw new AppError("conflict", "Esiste già un utente con questo codice fiscale.");
    const created = await insertUser(tx, {
      id: randomUUID(),
      username: input.username,
      displayName: input.displayName,
      passwordHash,
      fiscalCodeDigest: input.fiscalCodeDigest ?? null,
      mustChangePassword: input.mustChangePassword ?? false,
    });
    if (!created) throw new AppError("username-taken", `Il nome utente ${input.username} è già in uso.`);
    await insertMembership(tx, {
      id: randomUUID(),
      userId: created.id,
      organisationId: organisation.id,
      role: input.role,
      structureId: input.structureId ?? null,
    });
    await appendAuditEntry(tx, subject, {
      action: "user.create",
      resourceType: "user",
      resourceId: created.id,
      outcome: "success",
      details: {
        role: input.role,
        organisationCode: organisation.code,
        structureId: input.structureId ?? null,
        signIn: passwordHash && input.fiscalCodeDigest ? "both" : passwordHash ? "password" : "provider",
      },
    });
    return created;
  });
}

/** Gives an existing user one more role, in the same or another organisation. */
export async function addRole(
  db: Database,
  subject: AuditSubject,
  input: { username: string; role: Role; organisationCode: string; structureId?: string | null },
) {
  return db.transaction(async (tx) => {
    const user = await findUserByUsername(tx, input.username);
    if (!user) throw new AppError("not-found", `L'utente ${input.username} non esiste.`);
    const organisation = await getOrganisationForRole(tx, input.organisationCode, input.role);
    const added = await insertMembership(tx, {
      id: randomUUID(),
      userId: user.id,
      organisationId: organisation.id,
      role: input.role,
      structureId: input.structureId ?? null,
    });
    if (!added)
      throw new AppError(
        "conflict",
        `L'utente ${input.username} ha già il ruolo ${input.role} in ${organisation.code}.`,
      );
    await appendAuditEntry(tx, subject, {
      action: "user.add-role",
      resourceType: "user",
      resourceId: user.id,
      outcome: "success",
      details: { role: input.role, organisationCode: organisation.code },
    });
  });
}
