import { sql } from "drizzle-orm";
import { type Database, queryRows } from "../../../../db/database.ts";
import { presentDuringSql } from "../../../../db/stay-presence.sql.ts";
import { AppError } from "../../../../domain/errors/app-error.ts";
import { isProcuraSemesterOpen, procuraSemesters } from "../../../../domain/reports/procura-window.ts";
import type { ReportParameters, ReportRow } from "../../../../domain/reports/report.ts";
import { semesterBounds } from "../../../../domain/reports/report-classes.ts";
import { formatItalianDate } from "../../../../domain/time/calendar.ts";
import { type AuditRecord, appendAuditEntries } from "../../../core/audit.queries.ts";
import { findActiveBreakGlassOfMinors } from "../../break-glass/index.ts";
import { findVaultRows, openIdentity } from "../../registry/index.ts";
import { type DefinitionContext, knownStays } from "./common-sql.ts";
import { definitionTexts, sourceTexts } from "./definition-texts.ts";
import type { ReportDefinition } from "./report-definition.ts";

const columns = [
  "pseudonym",
  "familyName",
  "givenName",
  "birthDate",
  "fiscalCode",
  "admissionDate",
  "dischargeDate",
  "legalBasis",
  "referringService",
];

type HostedStay = {
  stayId: string;
  minorId: string;
  pseudonym: string;
  admissionDate: string;
  dischargeDate: string | null;
  legalBasis: string | null;
  referringService: string | null;
};

/**
 * The six-monthly list for the Procura minorile (L. 184/1983): every minor hosted in the structure
 * on at least one day of the semester, with identity. The only identifying report: each identity
 * read is written to the access log, purpose legal-obligation, in the transaction that reads it.
 * Only the current and the previous semester are an obligation; for an older one the list holds
 * only the minors on which the manager has a running emergency access (break-glass), each read
 * logged with it, and without any it is refused (`procura-semester-closed`).
 */
export const procuraList: ReportDefinition = {
  async compute(context: DefinitionContext, parameters: ReportParameters) {
    const code = parameters.structure as string;
    const semester = parameters.semester as string;
    if (context.scope.kind !== "structures")
      throw new AppError("forbidden", "L'elenco per la Procura è riservato al responsabile della struttura.");
    const { from, to } = semesterBounds(semester);
    const scopeIds = context.scope.structureIds;
    return (context.db as Database).transaction(async (tx) => {
      const [found] = await queryRows<{ id: string; name: string | null }>(
        tx,
        sql`select structure.id, (select v.name from structure_version v where v.structure_id = structure.id
              order by v.valid_from desc, v.version desc limit 1) as name
            from structure where structure.code = ${code}`,
      );
      if (!found || !scopeIds.includes(found.id))
        throw new AppError("not-found", "La struttura richiesta non esiste.");
      const hosted = await queryRows<HostedStay>(
        tx,
        sql`select s.stay_id as "stayId", s.minor_id as "minorId", m.pseudonym,
            s.admission_date::text as "admissionDate", s.discharge_date::text as "dischargeDate",
            s.legal_basis as "legalBasis", current_stay.referring_service_code as "referringService"
          from ${knownStays({ ...context, db: tx })} s
          join minor m on m.id = s.minor_id
          left join stay current_stay on current_stay.id = s.stay_id
          where s.structure_id = ${found.id}::uuid and ${presentDuringSql(sql`s`, from, to)}`,
      );
      const emergencies = await emergencyAccessesFor({ ...context, db: tx }, semester, hosted);
      const stays = emergencies ? hosted.filter((stay) => emergencies.has(stay.minorId)) : hosted;
      const minorIds = [...new Set(stays.map((stay) => stay.minorId))];
      const vault = new Map(
        (await findVaultRows(tx, minorIds)).map((row) => [row.minorId, openIdentity(context.keyring, row)]),
      );
      const audit: AuditRecord[] = minorIds.map((minorId) => ({
        action: "report.procura-list.identity-read",
        resourceType: "minor",
        resourceId: minorId,
        minorPseudonym: stays.find((stay) => stay.minorId === minorId)?.pseudonym ?? null,
        purpose: emergencies ? "break-glass" : "legal-obligation",
        outcome: "success",
        details: {
          structure: code,
          semester,
          ...(emergencies ? { breakGlassId: emergencies.get(minorId) } : {}),
        },
      }));
      await appendAuditEntries(tx, context.subject, audit);
      const rows: ReportRow[] = stays.map((stay) => {
        const identity = vault.get(stay.minorId);
        return {
          pseudonym: stay.pseudonym,
          familyName: identity?.familyName ?? null,
          givenName: identity?.givenName ?? null,
          birthDate: identity?.birthDate ?? null,
          fiscalCode: identity?.fiscalCode ?? null,
          admissionDate: stay.admissionDate,
          dischargeDate: stay.dischargeDate,
          legalBasis: stay.legalBasis,
          referringService: stay.referringService,
        };
      });
      rows.sort(
        (a, b) =>
          String(a.familyName ?? "").localeCompare(String(b.familyName ?? ""), "it") ||
          String(a.givenName ?? "").localeCompare(String(b.givenName ?? ""), "it") ||
          String(a.admissionDate).localeCompare(String(b.admissionDate)) ||
          String(a.pseudonym).localeCompare(String(b.pseudonym)),
      );
      return {
        tables: [
          {
            id: "hosted-minors",
            title: `Minori accolti nella struttura ${code}${found.name ? ` (${found.name})` : ""} nel semestre ${semester}`,
            dimensions: [],
            labels: columns,
            measures: [],
            protectedMeasures: [],
            rows,
            total: rows.length,
            msnaIncluded: true,
            population: `hosted-stays@${code}/${semester}`,
            note: emergencies
              ? "Semestre chiuso: sono elencati solo i minori con un accesso di emergenza in corso. Una riga per accoglienza."
              : "Dati identificativi: uso riservato all'adempimento verso la Procura. Una riga per accoglienza.",
          },
        ],
        definitions: [
          `Semestre ${semester}: dal ${formatItalianDate(from)} al ${formatItalianDate(to)}; sono elencati i minori presenti in almeno un giorno del semestre.`,
          definitionTexts.presence,
          "Il servizio inviante è quello registrato più di recente per l'accoglienza.",
        ],
        source: sourceTexts.procura,
      };
    });
  },
};

/**
 * Undefined for an open semester (current or previous). For an older one, the running emergency
 * accesses of the requesting role on the minors hosted then; none at all refuses the list, with
 * the same answer whether or not anyone was hosted (no oracle).
 */
async function emergencyAccessesFor(
  context: DefinitionContext,
  semester: string,
  hosted: HostedStay[],
): Promise<Map<string, string> | undefined> {
  if (isProcuraSemesterOpen(semester, context.today)) return undefined;
  const membershipId = "membershipId" in context.subject ? context.subject.membershipId : undefined;
  const accesses = membershipId
    ? await findActiveBreakGlassOfMinors(context.db, membershipId, [
        ...new Set(hosted.map((stay) => stay.minorId)),
      ])
    : new Map<string, string>();
  if (accesses.size > 0) return accesses;
  const [current, previous] = procuraSemesters(context.today);
  throw new AppError(
    "procura-semester-closed",
    `L'elenco per la Procura si produce per il semestre in corso (${current}) e per il precedente (${previous}). Per il semestre ${semester} occorre aprire un accesso di emergenza per ciascun minore, con la motivazione.`,
  );
}
