import { randomUUID } from "node:crypto";
import type { Database, Transaction } from "../../../db/database.ts";
import { projectCase } from "../../../domain/cases/case-projection.ts";
import {
  DischargeDestination,
  IstatCharacter,
  IstatFunction,
  LegalBasis,
  SinbaTipoInserimentoResidenziale,
  sinbaOutcomeOf,
  sinbaPlacementFormOf,
  sinbaResidentialCharacterOf,
} from "../../../domain/code-lists/index.ts";
import {
  buildSinbaRecord,
  type SinbaMissingField,
  type SinbaPlacement,
  sinbaCasePartLabels,
  sinbaFieldLabels,
} from "../../../domain/sinba/index.ts";
import { ageOn } from "../../../domain/stays/age.ts";
import type { Clock } from "../../../domain/time/clock.ts";
import { appendAuditEntry } from "../../core/audit.queries.ts";
import type { Keyring } from "../../core/vault-keys.ts";
import { findVaultRows, openIdentity } from "../registry/index.ts";
import {
  addMissingCaseChecks,
  type CaseForFlow,
  type ClaimedCase,
  claimCaseToCheck,
  findCaseEventsForFlow,
  findCaseForFlow,
  findStaysForFlow,
  insertFlow,
  nextFlowProgressive,
  type StayForFlow,
  saveCaseCheck,
} from "./sinba-flows.queries.ts";
import { digestOfSinbaRecord, type SinbaSender, serialiseSinbaFlow } from "./sinba-xml.ts";
import { validateAgainstXsd } from "./xsd-validation.ts";

export type SinbaProducerDependencies = { db: Database; keyring: Keyring; clock: Clock };
export type SinbaProduction = { checked: number; recorded: number; notSendable: number };

const system = { system: true as const, label: "flusso SINBA" };
const taxCodePattern = /^([A-Za-z]{6}\d{2}[A-Za-z]\d{2}[A-Za-z][A-Za-z0-9]{3}[A-Za-z]|\d{11})$/;

/** `{Belfiore}.SINBA.{YYYYMMDD}.{7-digit daily progressive}` (the schema's description of id_flusso). */
export function idFlussoOf(belfiore: string, day: string, progressive: number): string {
  if (progressive > 9_999_999) throw new Error("SINBA daily progressive exhausted");
  return `${belfiore}.SINBA.${day.replaceAll("-", "")}.${String(progressive).padStart(7, "0")}`;
}

function placementOf(stay: StayForFlow, from: string): SinbaPlacement {
  const character = IstatCharacter.safeParse(stay.istatCharacter);
  const fn = IstatFunction.safeParse(stay.istatFunction);
  const destination = DischargeDestination.safeParse(stay.dischargeDestination);
  const legalBasis = LegalBasis.safeParse(stay.legalBasis);
  const withParent = stay.withParent === null ? undefined : stay.withParent ? "1" : "2";
  return {
    stayId: stay.stayId,
    from: stay.admissionDate ?? from,
    to: stay.dischargeDate,
    character:
      character.success && fn.success ? (sinbaResidentialCharacterOf(character.data, fn.data) ?? null) : null,
    ...(legalBasis.success ? { form: sinbaPlacementFormOf(legalBasis.data) } : {}),
    ...(withParent ? { withParent: SinbaTipoInserimentoResidenziale.parse(withParent) } : {}),
    outcome: destination.success ? sinbaOutcomeOf(destination.data) : null,
  };
}

function senderProblems(found: CaseForFlow): SinbaMissingField[] {
  const problems: SinbaMissingField[] = [];
  const ente = sinbaCasePartLabels.ente;
  if (found.serviceBelfiore?.length !== 4)
    problems.push({
      field: "Indirizzo",
      code: "missing",
      part: "ente",
      message: `Manca ${sinbaFieldLabels.Indirizzo} (da compilare in «${ente}»).`,
    });
  if (!found.serviceTaxCode || !taxCodePattern.test(found.serviceTaxCode))
    problems.push({
      field: "CFOperatore",
      code: "missing",
      part: "ente",
      message: `Manca ${sinbaFieldLabels.CFOperatore} (da compilare in «${ente}»).`,
    });
  return problems;
}

/**
 * Checks one claimed case, in the claiming transaction: the case as known now, the birth date
 * read in the vault (audited as a system read in the same transaction), the linked stays; then
 * either a new flow (when the record differs from the case's last one) or the list of what is missing.
 */
async function checkCase(tx: Transaction, deps: SinbaProducerDependencies, claimed: ClaimedCase) {
  const found = await findCaseForFlow(tx, claimed.caseId);
  if (!found) return "skipped" as const;
  const now = deps.clock.now();
  const today = deps.clock.today();
  const events = await findCaseEventsForFlow(tx, claimed.caseId);
  const projection = projectCase(events, now.toISOString());
  const referenceDay = projection.closure?.date ?? today;
  const [vaultRow] = await findVaultRows(tx, [found.minorId]);
  const birthDate = vaultRow ? openIdentity(deps.keyring, vaultRow).birthDate : undefined;
  await appendAuditEntry(tx, system, {
    action: "sinba.identity-read",
    resourceType: "minor",
    resourceId: found.minorId,
    minorPseudonym: found.pseudonym,
    purpose: "legal-obligation",
    outcome: "success",
    details: { caseId: claimed.caseId, fields: ["birthDate"] },
  });
  const stays = await findStaysForFlow(
    tx,
    projection.placements.map((placement) => placement.stayId),
  );
  const placements = projection.placements.flatMap((placement) => {
    const stay = stays.find((candidate) => candidate.stayId === placement.stayId);
    return stay ? [placementOf(stay, placement.from)] : [];
  });
  const result = buildSinbaRecord({
    projection,
    referenceDay,
    previousFlowDay: claimed.lastReferenceDay,
    minor: {
      pseudonym: found.beneficiaryId,
      birthYear: birthDate ? Number(birthDate.slice(0, 4)) : null,
      ageOnReferenceDay: birthDate ? ageOn(birthDate, referenceDay) : null,
      unaccompanied: found.unaccompanied,
      residence: found.residenceComune ? { comune: found.residenceComune } : null,
    },
    placements,
  });
  const sender = senderProblems(found);
  const base = {
    caseId: claimed.caseId,
    serviceOrganisationId: found.serviceOrganisationId,
    checkedArrival: claimed.latestArrival,
    now,
  };
  if (!result.ok || sender.length > 0) {
    const missing = [...(result.ok ? [] : result.missing), ...sender];
    await saveCaseCheck(tx, {
      ...base,
      state: "not-sendable",
      missing,
      lastDigest: claimed.lastDigest,
      lastReferenceDay: claimed.lastReferenceDay,
    });
    return "not-sendable" as const;
  }
  const digest = digestOfSinbaRecord(result.record);
  if (digest === claimed.lastDigest) {
    await saveCaseCheck(tx, {
      ...base,
      state: "sendable",
      missing: [],
      lastDigest: digest,
      lastReferenceDay: claimed.lastReferenceDay,
    });
    return "unchanged" as const;
  }
  const belfiore = found.serviceBelfiore as string;
  const idFlusso = idFlussoOf(belfiore, today, await nextFlowProgressive(tx, belfiore, today));
  const senderOfFlow: SinbaSender = {
    code: found.serviceCode.slice(0, 32),
    name: found.serviceName,
    belfiore,
    taxCode: found.serviceTaxCode as string,
  };
  const xml = serialiseSinbaFlow(idFlusso, senderOfFlow, [result.record]);
  const validation = validateAgainstXsd(xml, "sinba");
  if (!validation.ok) {
    // Never sent: the case is listed with the schema's own Italian messages (they name no value).
    await saveCaseCheck(tx, {
      ...base,
      state: "not-sendable",
      missing: validation.problems.map((problem) => ({
        field: (problem.where?.split("@")[1] ?? "IDBeneficiario") as SinbaMissingField["field"],
        code: "not-valid",
        part: "registry",
        message: `Il record non è conforme allo schema SINBA: ${problem.message}`,
      })),
      lastDigest: claimed.lastDigest,
      lastReferenceDay: claimed.lastReferenceDay,
    });
    return "not-sendable" as const;
  }
  await insertFlow(tx, {
    id: randomUUID(),
    idFlusso,
    serviceOrganisationId: found.serviceOrganisationId,
    caseId: claimed.caseId,
    reason: claimed.lastDigest === null ? "opened" : projection.status === "closed" ? "closed" : "changed",
    referenceDay,
    record: result.record,
    recordDigest: digest,
    xml,
  });
  await saveCaseCheck(tx, {
    ...base,
    state: "sendable",
    missing: [],
    lastDigest: digest,
    lastReferenceDay: referenceDay,
  });
  return "recorded" as const;
}

/**
 * The flow producer: a job, not a step of the case write path. Each case with facts it has not read
 * is claimed in its own transaction (FOR UPDATE SKIP LOCKED on its check row), so that several
 * producers share the work, a case write never waits for the vault or the XSD, and a failure on one
 * case rolls back that case alone and leaves it to the next run.
 */
export async function produceSinbaFlows(
  deps: SinbaProducerDependencies,
  options: { maxCases?: number } = {},
): Promise<SinbaProduction> {
  const production: SinbaProduction = { checked: 0, recorded: 0, notSendable: 0 };
  await addMissingCaseChecks(deps.db);
  const maxCases = options.maxCases ?? 1000;
  while (production.checked < maxCases) {
    const outcome = await deps.db.transaction(async (tx) => {
      const claimed = await claimCaseToCheck(tx);
      return claimed ? checkCase(tx, deps, claimed) : undefined;
    });
    if (outcome === undefined) break;
    production.checked += 1;
    if (outcome === "recorded") production.recorded += 1;
    if (outcome === "not-sendable") production.notSendable += 1;
  }
  return production;
}
