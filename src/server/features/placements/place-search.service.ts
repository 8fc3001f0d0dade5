import { type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../../db/database.ts";
import { structure } from "../../../db/schema/index.ts";
import { AppError } from "../../../domain/errors/app-error.ts";
import {
  ageForPlacement,
  compareFittedPlaces,
  isFittedPlace,
} from "../../../domain/placements/placement-fit.ts";
import type {
  FittedPlace,
  PlacementNeeds,
  PlaceSearchRequest,
} from "../../../domain/placements/placement-request.schema.ts";
import type { Actor } from "../../core/actor.ts";
import { findPlacesOnDay } from "../reports/index.ts";
import { findCaseForPlacement, findStructureDetailsOnDay } from "./placements.queries.ts";

export type PlacementCase = NonNullable<Awaited<ReturnType<typeof findCaseForPlacement>>>;

/** What the search and the request read of the world: the region, the app's instant and day. */
export type PlacementKnowledge = { regionCode: string; now: Date; today: string };

/** The case of this service the request names, open (404 for another's, 409 once closed). */
export async function getOpenCase(db: Executor, actor: Actor, caseId: string): Promise<PlacementCase> {
  const found = await findCaseForPlacement(db, actor.organisationId, caseId);
  if (!found) throw new AppError("not-found", "La cartella richiesta non esiste.");
  if (found.closedOn !== null) throw new AppError("case-not-open");
  return found;
}

/**
 * The child's needs on the day: age (from the birth date) and sex from the minor's pseudonymous record, MSNA from its
 * latest stay unless the social worker says otherwise, the wished zone and national type.
 */
export function needsOf(
  found: PlacementCase,
  asked: PlaceSearchRequest & { note?: string | null },
  day: string,
): PlacementNeeds {
  const age = ageForPlacement(found, day);
  return {
    age: age === null ? null : Math.min(21, Math.max(0, age)),
    sex: found.sex,
    msna: asked.msna ?? found.lastStayMsna ?? false,
    motherWithChild: asked.motherWithChild ?? false,
    zone: asked.zone ?? null,
    nationalType: asked.nationalType ?? null,
    wishedStartOn: day,
    note: asked.note ?? null,
  };
}

/**
 * The structures active on the day with free places that fit the needs, by the one rule of free
 * places (the query of *Posti liberi*), with their target and contacts; by zone, then free places.
 */
export async function findFittedPlaces(
  db: Executor,
  knowledge: PlacementKnowledge,
  needs: PlacementNeeds,
  onlyStructure?: string,
): Promise<FittedPlace[]> {
  const day = needs.wishedStartOn;
  const visible: SQL = onlyStructure
    ? sql`${structure.status} = 'active' and ${structure.id} = ${onlyStructure}`
    : sql`${structure.status} = 'active'`;
  const places = (
    await findPlacesOnDay(
      {
        db,
        asOf: knowledge.now.toISOString(),
        isLatest: true,
        regionCode: knowledge.regionCode,
        scope: { kind: "region" },
      },
      day,
      visible,
    )
  ).filter((row) => row.status === "active" && row.free > 0);
  const details = await findStructureDetailsOnDay(
    db,
    places.map((row) => row.structureId),
    day,
  );
  const fitted: FittedPlace[] = [];
  for (const row of places) {
    const detail = details.get(row.structureId);
    if (!detail) continue;
    const candidate = {
      target: detail.target,
      nationalType: row.nationalType ?? "",
      zoneCode: row.zoneCode,
      free: row.free,
    };
    if (!isFittedPlace(candidate, needs)) continue;
    fitted.push({
      structureId: row.structureId,
      code: row.code,
      name: row.name ?? "",
      nationalType: row.nationalType ?? "",
      zoneCode: row.zoneCode,
      zoneName: row.zoneName,
      authorisedPlaces: row.authorisedPlaces,
      present: row.present,
      free: row.free,
      target: detail.target,
      contacts: {
        street: detail.street,
        comuneCode: detail.comuneCode,
        comuneName: detail.comuneName,
        operatorName: detail.operatorName,
      },
    });
  }
  return fitted.sort(compareFittedPlaces);
}
