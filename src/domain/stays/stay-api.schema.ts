import { z } from "zod";

/** Response shapes of the ASMI reads, for validation of what leaves and for the OpenAPI document. */
const problem = z.object({ code: z.string(), path: z.string(), message: z.string() });

export const stayTimelineSchema = z
  .object({
    stay: z.object({
      id: z.uuid(),
      stayRef: z.string(),
      status: z.enum(["empty", "waiting", "open", "closed"]),
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
      isPossibleDuplicate: z.boolean(),
    }),
    events: z.array(
      z.object({
        id: z.uuid(),
        type: z.string(),
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

const placesTotal = z.object({
  key: z.string(),
  authorisedPlaces: z.number().int(),
  present: z.number().int(),
  free: z.number().int(),
  structures: z.number().int(),
});

export const freePlacesSchema = z
  .object({
    date: z.string(),
    structures: z.array(
      z.object({
        structureId: z.uuid(),
        code: z.string().nullable(),
        name: z.string(),
        status: z
          .string()
          .nullable()
          .describe("Stato della struttura nel giorno: solo le attive offrono posti"),
        nationalType: z.string(),
        zoneCode: z.string().nullable(),
        zoneName: z.string().nullable(),
        authorisedPlaces: z.number().int(),
        emergencyExtraPlaces: z.number().int(),
        present: z.number().int(),
        free: z.number().int(),
      }),
    ),
    byZone: z.array(placesTotal),
    byNationalType: z.array(placesTotal),
    total: placesTotal,
  })
  .meta({ id: "FreePlaces" });

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
