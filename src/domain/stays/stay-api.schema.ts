import { z } from "zod";
import { reasonSchema } from "../access/reason.ts";
import { EventType } from "../code-lists/interchange-codes.ts";
import { NationalStructureType } from "../code-lists/structure-codes.ts";
import { ZoneFilter } from "../territory/zone.ts";
import { stayEventSchema } from "./stay-event.schema.ts";

/**
 * The ASMI contracts of the web app's reads and writes: request parameters, the event posted by
 * the web app and the answers, validated on the way in and out and published in the OpenAPI document.
 */

/** An error or warning of the interchange standard: stable code, JSON pointer, Italian message. */
export const eventProblemSchema = z.object({ code: z.string(), path: z.string(), message: z.string() });
const problem = eventProblemSchema;
const day = z.iso.date({ error: "Data non valida (AAAA-MM-GG)" });

export const structureIdParams = z.object({ id: z.uuid({ error: "Identificativo non valido" }) });
export const stayIdParams = z.object({ id: z.uuid() });

/**
 * The web app posts one event of the standard. The pipeline validates it with the same schema
 * and answers with the standard's codes, so the route only asks for a JSON object.
 */
export const webEventBodySchema = stayEventSchema;
export const webEventBodyValidation = z
  .record(z.string(), z.unknown())
  .describe("Evento dello standard di interscambio v1");

export const eventResultSchema = z
  .object({
    id: z.string(),
    status: z.enum(["accepted", "duplicate", "rejected"]),
    warnings: z.array(problem),
    errors: z.array(problem),
    stayId: z.uuid().optional(),
  })
  .meta({ id: "EventResult" });
export type EventResult = z.infer<typeof eventResultSchema>;

export const guestsQuery = z.object({ date: day.optional() });
export const guestSchema = z
  .object({
    stayId: z.uuid(),
    stayRef: z.string(),
    pseudonym: z.string(),
    givenName: z.string().nullable(),
    age: z.number().int().nullable(),
    admissionDate: z.string(),
    daysInStay: z.number().int(),
    absences: z.number().int(),
    currentAbsence: z.string().nullable(),
    msna: z.boolean(),
    hasOverlap: z.boolean(),
    isToBeConfirmed: z
      .boolean()
      .describe("Ammissione da confermare: sovrapposta a un'accoglienza precedente o retrodatata"),
    isOtherAdmissionToBeConfirmed: z
      .boolean()
      .describe(
        "Un'altra struttura ha registrato un ingresso da confermare che si sovrappone a questa accoglienza",
      ),
    isPossibleDuplicate: z.boolean(),
  })
  .meta({ id: "Guest" });
export const guestListSchema = z.object({ date: z.string(), items: z.array(guestSchema) });
export type Guest = z.infer<typeof guestSchema>;

export const StayStatus = z.enum(["empty", "waiting", "open", "closed"]);
export type StayStatus = z.infer<typeof StayStatus>;

export const stayTimelineSchema = z
  .object({
    stay: z.object({
      id: z.uuid(),
      stayRef: z.string(),
      status: StayStatus,
      structureId: z.uuid(),
      structureCode: z.string().nullable(),
      structureName: z.string(),
      pseudonym: z.string().nullable(),
      minorName: z
        .object({ givenName: z.string().nullable(), familyName: z.string().nullable() })
        .nullable()
        .describe("Nome del minore, solo finché è in carico alle strutture di chi legge (lettura tracciata)"),
      admissionDate: z.string().nullable(),
      admissionKind: z.string().nullable(),
      legalBasis: z.string().nullable(),
      origin: z.string().nullable(),
      dischargeDate: z.string().nullable(),
      dischargeReason: z.string().nullable(),
      dischargeDestination: z.string().nullable(),
      msna: z.boolean(),
      hasOverlap: z.boolean(),
      isToBeConfirmed: z
        .boolean()
        .describe("Ammissione da confermare: sovrapposta a un'accoglienza precedente o retrodatata"),
      isOtherAdmissionToBeConfirmed: z
        .boolean()
        .describe(
          "Un'altra struttura ha registrato un ingresso da confermare che si sovrappone a questa accoglienza",
        ),
      isPossibleDuplicate: z.boolean(),
    }),
    events: z.array(
      z.object({
        id: z.uuid(),
        type: EventType,
        occurredOn: z.string(),
        sequence: z.number().int().nullable(),
        recordedAt: z.string(),
        payload: z.record(z.string(), z.unknown()).nullable(),
        warnings: z.array(problem),
        sourceKind: z.enum(["user", "client"]),
        recordedBy: z
          .string()
          .describe("Chi ha registrato l'evento: il nome utente, o il nome del gestionale che lo ha inviato"),
        isVoided: z.boolean(),
      }),
    ),
    previousPlacements: z.array(
      z.object({
        admissionDate: z.string(),
        dischargeDate: z.string().nullable(),
        nationalType: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: "StayTimeline" });

export type StayTimeline = z.infer<typeof stayTimelineSchema>;
export type StayOverview = StayTimeline["stay"];
export type StayEventRecord = StayTimeline["events"][number];
export type PreviousPlacement = StayTimeline["previousPlacements"][number];

export const freePlacesQuery = z.object({
  date: day.optional(),
  zone: ZoneFilter.optional(),
  nationalType: NationalStructureType.optional(),
});
export type FreePlacesFilter = z.input<typeof freePlacesQuery> & { date: string };

/** The counts of places on a day, of one structure or summed over several (free-places.ts). */
const placeCounts = {
  authorisedPlaces: z.number().int(),
  present: z.number().int(),
  free: z.number().int(),
};

export const placesTotalSchema = z.object({
  key: z.string(),
  ...placeCounts,
  structures: z.number().int(),
});
export type PlacesTotals = z.infer<typeof placesTotalSchema>;

/** One structure's places on a day, as it was that day (its ASSO version, its zone). */
export const freePlacesRowSchema = z.object({
  structureId: z.uuid(),
  code: z.string().nullable(),
  name: z.string(),
  status: z.string().nullable().describe("Stato della struttura nel giorno: solo le attive offrono posti"),
  nationalType: z.string(),
  zoneCode: z.string().nullable(),
  zoneName: z.string().nullable(),
  emergencyExtraPlaces: z.number().int(),
  ...placeCounts,
});
export type FreePlacesRow = z.infer<typeof freePlacesRowSchema>;

export const freePlacesSchema = z
  .object({
    date: z.string(),
    structures: z.array(freePlacesRowSchema),
    byZone: z.array(placesTotalSchema),
    byNationalType: z.array(placesTotalSchema),
    total: placesTotalSchema,
  })
  .meta({ id: "FreePlaces" });
export type FreePlaces = z.infer<typeof freePlacesSchema>;

export const occupancyQuery = z.object({ from: day, to: day });
export const occupancyPointSchema = z.object({
  day: z.string(),
  present: z.number().int(),
  authorisedPlaces: z.number().int().nullable(),
});
export const occupancySchema = z.object({ items: z.array(occupancyPointSchema) });
export type OccupancyPoint = z.infer<typeof occupancyPointSchema>;

/**
 * Why a stay is flagged: `overlap`, another stay of the same minor shares some of its days (to be
 * corrected); `to-be-confirmed`, an admission that overlaps an earlier stay of the same minor, or
 * recorded more than 30 days after its day, not yet confirmed.
 */
export const StayQualityFlag = z.enum(["overlap", "to-be-confirmed"]);

/** A stay of the data-quality list: no identity, the pseudonym only. */
export const flaggedStaySchema = z
  .object({
    stayId: z.uuid(),
    structureId: z.uuid(),
    structureCode: z.string().nullable(),
    structureName: z.string().nullable(),
    stayRef: z.string(),
    pseudonym: z.string().nullable(),
    status: z.string(),
    admissionDate: z.string().nullable(),
    dischargeDate: z.string().nullable(),
    flags: z.array(StayQualityFlag),
  })
  .meta({ id: "FlaggedStay" });
export type FlaggedStay = z.infer<typeof flaggedStaySchema>;
export const flaggedStayListSchema = z.object({ items: z.array(flaggedStaySchema) });

/** The identity steward's confirmation of an admission to be confirmed, with its reason. */
export const stayConfirmationBodySchema = z.object({ reason: reasonSchema(500) }).strict();
export const stayConfirmationSchema = z.object({ stayId: z.uuid(), confirmed: z.boolean() });
