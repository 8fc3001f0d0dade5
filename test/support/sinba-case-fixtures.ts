import { randomUUID } from "node:crypto";
import { createOrganisation } from "../../src/server/features/access/index.ts";
import { admit } from "./case-fixtures.ts";
import { createActiveStructures } from "./stay-fixtures.ts";
import { type Client, json, type TestApp } from "./test-app.ts";

/**
 * A complete SINBA case, as the SINBA and INPS WaaS tests need it: the Florence social service
 * (its cadastral code D612 names its flows), a child hosted in a structure, the case the service
 * opens for the child, and the parts a SINBA record needs (situation, family, assessment, one
 * intervention).
 */

const system = { system: true as const, label: "test" };

export const sinbaSituation = {
  orphanhood: "1",
  livingPlace: "1",
  school: "3",
  workCondition: "1",
  disability: "2",
};

/** The structure ST000001 and the Florence social service (SST-FI, ente D612). */
export async function createFlorenceService(t: TestApp) {
  await createActiveStructures(t.db, ["ST000001"]);
  await createOrganisation(t.db, system, {
    code: "SST-FI",
    name: "Servizio sociale di Firenze",
    kind: "social-service",
    fiscalCode: "01307110484",
    comune: "048017",
  });
}

/** The child, admitted to ST000001 on 1 September 2026 under its own stay reference. */
export async function admitToFlorenceStructure(t: TestApp, stayRef: string, child: object) {
  return admit(t, "ST000001", stayRef, "2026-09-01", child);
}

/** The service finds the child by its fiscal code and opens its case on 5 October 2026. */
export async function openSinbaCase(
  service: Client,
  fiscalCode: string,
  options: { caseId?: string; reportSource?: string } = {},
) {
  const lookup = await service.post("/api/v1/registry/lookups", { purpose: "admission", fiscalCode });
  if (lookup.statusCode !== 200) throw new Error(`child not found: ${lookup.body}`);
  const pseudonym = json<{ minor: { pseudonym: string } }>(lookup).minor.pseudonym;
  const caseId = options.caseId ?? randomUUID();
  const opened = await service.post("/api/v1/cases", {
    id: caseId,
    occurredOn: "2026-10-05",
    opening: { minorRef: pseudonym, firstReportOn: "2026-09", reportSource: options.reportSource ?? "13" },
  });
  if (opened.statusCode !== 201) throw new Error(`case not opened: ${opened.body}`);
  return { caseId, pseudonym };
}

export type CompletingOptions = {
  household?: string[];
  mother?: { citizenship: string };
  childAssessment?: string;
  familyAssessment?: string;
  intervention?: string;
};

/** The facts that make an opened case complete for SINBA, on 6–8 October 2026. */
export function completingFacts(options: CompletingOptions = {}) {
  const childValue = options.childAssessment ?? "7";
  const familyValue = options.familyAssessment ?? "1";
  return [
    { id: randomUUID(), type: "situation", occurredOn: "2026-10-06", situation: sinbaSituation },
    {
      id: randomUUID(),
      type: "family",
      occurredOn: "2026-10-06",
      family: {
        household: options.household ?? ["1", "3"],
        ...(options.mother ? { mother: options.mother } : {}),
      },
    },
    {
      id: randomUUID(),
      type: "assessment",
      occurredOn: "2026-10-07",
      assessment: {
        child: { values: [childValue], prevalent: childValue },
        family: { values: [familyValue], prevalent: familyValue },
      },
    },
    {
      id: randomUUID(),
      type: "intervention-start",
      occurredOn: "2026-10-08",
      intervention: { code: options.intervention ?? "A1.01" },
    },
  ];
}

/** Records the completing facts; every one must be accepted. */
export async function completeSinbaCase(service: Client, caseId: string, options: CompletingOptions = {}) {
  const response = await service.post(`/api/v1/cases/${caseId}/events`, { events: completingFacts(options) });
  const results = json<{ results: { status: string }[] }>(response).results ?? [];
  if (response.statusCode !== 200 || results.some((result) => result.status !== "accepted"))
    throw new Error(`case facts refused: ${response.body}`);
}

/** A child hosted in ST000001 and its case opened by the service, complete unless told otherwise. */
export async function hostedChildWithCase(
  t: TestApp,
  service: Client,
  child: { fiscalCode?: string },
  options: { stayRef: string; caseId?: string; complete?: boolean } & CompletingOptions,
) {
  await admitToFlorenceStructure(t, options.stayRef, child);
  const opened = await openSinbaCase(service, child.fiscalCode as string, { caseId: options.caseId });
  if (options.complete !== false) await completeSinbaCase(service, opened.caseId, options);
  return opened;
}
