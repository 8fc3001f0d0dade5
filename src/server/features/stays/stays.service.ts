import { sql } from "drizzle-orm";
import { type Database, queryRows } from "../../../db/database.ts";
import { otherAdmissionToBeConfirmedSql, toBeConfirmedSql } from "../../../db/stay-confirmation.sql.ts";
import { presentOnSql } from "../../../db/stay-presence.sql.ts";
import { isReasonGiven, reasonRequiredMessage } from "../../../domain/access/reason.ts";
import { AppError } from "../../../domain/errors/app-error.ts";
import { ageOn } from "../../../domain/stays/age.ts";
import type { Actor } from "../../core/actor.ts";
import { appendAuditEntries, appendAuditEntry } from "../../core/audit.queries.ts";
import { authorize } from "../../core/authorization.ts";
import { structureScopeCondition } from "../../core/structure-scope.ts";
import type { Keyring } from "../../core/vault-keys.ts";
import { findVaultRows, inChargeOfStructures, openIdentity } from "../registry/index.ts";
import { type EventSource, type IngestContext, ingestEvent } from "./ingest-event.ts";

/** The structure, if the actor may act on it for this action; otherwise it does not exist (404). */
async function structureInScope(
  db: Database,
  actor: Actor,
  action: "stay.write" | "stay.read" | "places.read",
  id: string,
) {
  const scope = authorize(actor, action);
  const rows = await queryRows<{ id: string; code: string | null; operatorOrganisationId: string }>(
    db,
    sql`select id, code, operator_organisation_id as "operatorOrganisationId" from structure
        where id = ${id} and ${structureScopeCondition(actor, scope)}`,
  );
  if (!rows[0]) throw new AppError("not-found", "La struttura richiesta non esiste.");
  return rows[0];
}

/** The web app writes through the same pipeline as machines: one event at a time. */
export async function recordEventFromWeb(
  db: Database,
  context: IngestContext,
  actor: Actor,
  structureId: string,
  raw: unknown,
) {
  const structure = await structureInScope(db, actor, "stay.write", structureId);
  const source: EventSource = {
    kind: "user",
    id: actor.userId,
    subject: actor,
    mayWrite: (target) => target.id === structure.id,
  };
  const record = raw as { id?: unknown; type?: unknown; reason?: unknown };
  const needsReason = record.type === "correction" || record.type === "void";
  if (needsReason && !isReasonGiven(record.reason)) {
    // People say why they correct or void a fact; nothing is stored without it.
    return {
      id: typeof record.id === "string" ? record.id : "",
      status: "rejected" as const,
      warnings: [],
      errors: [
        {
          code: "invalid-json-shape",
          path: "/reason",
          message: `${reasonRequiredMessage}.`,
        },
      ],
    };
  }
  return ingestEvent(db, context, source, raw);
}

/**
 * Guests present on a day, with the first name the operators need. The name and age come from the
 * vault only while the minor is in charge of the actor's structures (an open stay, or one closed in
 * the last 90 days), whatever the day asked: a past day is no side door. Every guest listed is
 * audited, the identity read as a success and the identity withheld as denied.
 */
export async function listGuests(
  db: Database,
  keyring: Keyring,
  actor: Actor,
  structureId: string,
  day: string,
  today: string,
) {
  await structureInScope(db, actor, "stay.read", structureId);
  const inCharge = inChargeOfStructures(
    sql`s.minor_id`,
    structureScopeCondition(actor, "own-structures"),
    today,
  );
  return db.transaction(async (tx) => {
    const stays = await queryRows<{
      stayId: string;
      stayRef: string;
      minorId: string;
      pseudonym: string;
      admissionDate: string;
      openAbsence: string | null;
      absences: number;
      msna: boolean;
      hasOverlap: boolean;
      isToBeConfirmed: boolean;
      isOtherAdmissionToBeConfirmed: boolean;
      isPossibleDuplicate: boolean;
      identityVisible: boolean;
    }>(
      tx,
      sql`select s.id as "stayId", s.stay_ref as "stayRef", s.minor_id as "minorId", m.pseudonym, s.admission_date::text as "admissionDate",
            (select a.kind from stay_absence a where a.stay_id = s.id and a.from_date <= ${day} and (a.to_date is null or a.to_date > ${day}) limit 1) as "openAbsence",
            (select count(*)::int from stay_absence a where a.stay_id = s.id) as absences, s.msna, s.has_overlap as "hasOverlap",
            ${toBeConfirmedSql(sql`s`)} as "isToBeConfirmed",
            ${otherAdmissionToBeConfirmedSql(sql`s`)} as "isOtherAdmissionToBeConfirmed", m.is_possible_duplicate as "isPossibleDuplicate", ${inCharge} as "identityVisible"
          from stay s join minor m on m.id = s.minor_id
          where s.structure_id = ${structureId} and ${presentOnSql(sql`s`, day)}
          order by s.admission_date, s.stay_ref`,
    );
    const vault = new Map(
      (
        await findVaultRows(
          tx,
          stays.filter((row) => row.identityVisible).map((row) => row.minorId),
        )
      ).map((row) => [row.minorId, row]),
    );
    const guests = stays.map((row) => {
      const stored = vault.get(row.minorId);
      const identity = stored ? openIdentity(keyring, stored) : undefined;
      return {
        stayId: row.stayId,
        stayRef: row.stayRef,
        pseudonym: row.pseudonym,
        givenName: identity?.givenName ?? null,
        age: identity?.birthDate ? ageOn(identity.birthDate, day) : null,
        admissionDate: row.admissionDate,
        daysInStay: Math.round((Date.parse(day) - Date.parse(row.admissionDate)) / 86_400_000),
        absences: row.absences,
        currentAbsence: row.openAbsence,
        msna: row.msna,
        hasOverlap: row.hasOverlap,
        isToBeConfirmed: row.isToBeConfirmed,
        isOtherAdmissionToBeConfirmed: row.isOtherAdmissionToBeConfirmed,
        isPossibleDuplicate: row.isPossibleDuplicate,
      };
    });
    await appendAuditEntries(
      tx,
      actor,
      stays.map((row) => ({
        action: "stay.guest-read",
        resourceType: "stay",
        resourceId: row.stayId,
        minorPseudonym: row.pseudonym,
        purpose: "care",
        outcome: vault.has(row.minorId) ? ("success" as const) : ("denied" as const),
      })),
    );
    return guests;
  });
}

/**
 * A stay with every event in arrival order (corrections and voids included) and who sent it, the
 * structure's name and, while the minor is in charge of the actor's structures, the child's name
 * (the read audited in the same transaction); otherwise the pseudonym alone.
 */
export async function getStayTimeline(
  db: Database,
  keyring: Keyring,
  actor: Actor,
  stayId: string,
  today: string,
) {
  const scope = authorize(actor, "stay.read");
  const inCharge = inChargeOfStructures(
    sql`s.minor_id`,
    structureScopeCondition(actor, "own-structures"),
    today,
  );
  return db.transaction(async (tx) => {
    const [found] = await queryRows<
      Record<string, unknown> & {
        structureId: string;
        minorId: string | null;
        pseudonym: string | null;
        identityVisible: boolean;
      }
    >(
      tx,
      sql`select s.id, s.stay_ref as "stayRef", s.status, s.structure_id as "structureId", structure.code as "structureCode",
            (select v.name from structure_version v where v.structure_id = structure.id and v.version = structure.current_version) as "structureName",
            s.minor_id as "minorId", m.pseudonym, s.admission_date::text as "admissionDate", s.admission_kind as "admissionKind",
            s.legal_basis as "legalBasis", s.origin, s.discharge_date::text as "dischargeDate", s.discharge_reason as "dischargeReason",
            s.discharge_destination as "dischargeDestination", s.msna, s.has_overlap as "hasOverlap",
            ${toBeConfirmedSql(sql`s`)} as "isToBeConfirmed", ${otherAdmissionToBeConfirmedSql(sql`s`)} as "isOtherAdmissionToBeConfirmed",
            coalesce(m.is_possible_duplicate, false) as "isPossibleDuplicate",
            (s.minor_id is not null and ${inCharge}) as "identityVisible"
          from stay s join structure on structure.id = s.structure_id left join minor m on m.id = s.minor_id
          where s.id = ${stayId} and ${structureScopeCondition(actor, scope)}`,
    );
    if (!found) throw new AppError("not-found", "L'accoglienza richiesta non esiste.");
    const events = await queryRows<Record<string, unknown>>(
      tx,
      sql`select e.id, e.type, e.occurred_on::text as "occurredOn", e.sequence, e.recorded_at as "recordedAt", e.payload,
            e.warnings, e.source_kind as "sourceKind", coalesce(u.username, c.name, 'gestionale ' || e.source_id::text) as "recordedBy",
            exists (select 1 from stay_event v where v.stay_id = e.stay_id and v.status = 'accepted' and v.payload->>'voids' = e.id::text) as "isVoided"
          from stay_event e left join app_user u on u.id = e.source_id and e.source_kind = 'user'
            left join machine_client c on c.id = e.source_id and e.source_kind = 'client'
          where e.stay_id = ${stayId} and e.status = 'accepted' order by e.arrival`,
    );
    const previous = found.minorId
      ? await queryRows<Record<string, unknown>>(
          tx,
          sql`select s.admission_date::text as "admissionDate", s.discharge_date::text as "dischargeDate",
                (select v.national_type from structure_version v where v.structure_id = s.structure_id and v.valid_from <= s.admission_date
                 order by v.valid_from desc, v.version desc limit 1) as "nationalType"
              from stay s where s.minor_id = ${found.minorId} and s.id <> ${stayId} and s.admission_date is not null
              order by s.admission_date`,
        )
      : [];
    const { minorId, identityVisible, ...stay } = found;
    let minorName: { givenName: string | null; familyName: string | null } | null = null;
    if (minorId) {
      const [stored] = identityVisible ? await findVaultRows(tx, [minorId]) : [];
      if (stored) {
        const identity = openIdentity(keyring, stored);
        minorName = { givenName: identity.givenName ?? null, familyName: identity.familyName ?? null };
      }
      await appendAuditEntry(tx, actor, {
        action: "registry.identity-read",
        resourceType: "minor",
        resourceId: minorId,
        minorPseudonym: found.pseudonym,
        purpose: "care",
        outcome: stored ? "success" : "denied",
      });
    }
    return {
      stay: { ...stay, minorName },
      events: events.map((event) => ({
        ...event,
        recordedAt: new Date(String(event.recordedAt)).toISOString(),
      })),
      previousPlacements: previous,
    };
  });
}
