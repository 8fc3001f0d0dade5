import { z } from "zod";
import { reasonSchema } from "../access/reason.ts";
import { NationalStructureType, TargetSex } from "../code-lists/structure-codes.ts";
import { ZoneFilter } from "../territory/zone.ts";

/**
 * Finding a place and the placement request (richiesta di inserimento): a social service searches
 * the free places fitted to a child of its case and asks a structure to take the child in. The
 * structure sees the child's pseudonym and the needs only; the identity reaches it once it
 * accepts (access protocol, principle 7).
 */
const fullDate = z.iso.date({ error: "Data non valida (AAAA-MM-GG)" });

export const placementRequestStates = [
  { code: "sent", label: "Inviata" },
  { code: "accepted", label: "Accettata" },
  { code: "declined", label: "Rifiutata" },
  { code: "withdrawn", label: "Ritirata" },
] as const;
export const PlacementRequestState = z.enum(["sent", "accepted", "declined", "withdrawn"], {
  error: "Stato della richiesta non valido",
});
export type PlacementRequestState = z.infer<typeof PlacementRequestState>;

export const Sex = z.enum(["M", "F"], { error: "Sesso non valido: M oppure F" });

/**
 * What the child needs of a place: the age on the wished start day (null when the registry does
 * not know the birth date), the sex, whether an unaccompanied foreign minor (MSNA), whether the
 * child comes with the mother, the wished zone and national type, the wished start, a note.
 */
export const placementNeedsSchema = z
  .object({
    age: z.number().int().min(0).max(21).nullable().describe("Età compiuta nel giorno di inizio"),
    sex: Sex,
    msna: z.boolean(),
    motherWithChild: z.boolean(),
    zone: ZoneFilter.nullable(),
    nationalType: NationalStructureType.nullable(),
    wishedStartOn: fullDate,
    note: z.string().trim().max(1000, { error: "Nota troppo lunga (al massimo 1000 caratteri)" }).nullable(),
  })
  .meta({ id: "PlacementNeeds" });
export type PlacementNeeds = z.infer<typeof placementNeedsSchema>;

/**
 * The search from a case: the age and the sex come from the case's minor; the rest defaults to
 * what the case and the minor's stays say (MSNA) and may be set by the social worker.
 */
export const placeSearchRequestSchema = z
  .object({
    date: fullDate.optional().describe("Giorno di inizio desiderato (oggi se assente)"),
    msna: z.boolean().optional(),
    motherWithChild: z.boolean().optional(),
    zone: ZoneFilter.optional(),
    nationalType: NationalStructureType.optional(),
  })
  .strict()
  .meta({ id: "PlaceSearchRequest" });
export type PlaceSearchRequest = z.infer<typeof placeSearchRequestSchema>;

const flag = z.enum(["true", "false"], { error: "Indicare true o false" });

/** The same search as a query string: the yes/no fields are written true or false. */
export const placeSearchQuerySchema = z
  .object({
    date: fullDate.optional().describe("Giorno di inizio desiderato (oggi se assente)"),
    msna: flag.optional().describe("Minore straniero non accompagnato (dall'ultima accoglienza se assente)"),
    motherWithChild: flag.optional().describe("Con la madre"),
    zone: ZoneFilter.optional(),
    nationalType: NationalStructureType.optional(),
  })
  .strict();

export function placeSearchOf(query: z.infer<typeof placeSearchQuerySchema>): PlaceSearchRequest {
  const { msna, motherWithChild, ...rest } = query;
  return {
    ...rest,
    ...(msna ? { msna: msna === "true" } : {}),
    ...(motherWithChild ? { motherWithChild: motherWithChild === "true" } : {}),
  };
}

/** A structure's target (ASSO): who it takes in. */
export type StructureTarget = {
  minAge: number;
  maxAge: number;
  sex: z.infer<typeof TargetSex>;
  motherWithChild: boolean;
  msna: boolean;
};

export const structureTargetSchema = z.object({
  minAge: z.number().int(),
  maxAge: z.number().int(),
  sex: TargetSex,
  motherWithChild: z.boolean(),
  msna: z.boolean(),
});

/** How to reach a structure: its address and its operator (ente gestore). */
export const structureContactsSchema = z.object({
  street: z.string(),
  comuneCode: z.string(),
  comuneName: z.string().nullable(),
  operatorName: z.string(),
});

export const fittedPlaceSchema = z.object({
  structureId: z.uuid(),
  code: z.string().nullable(),
  name: z.string(),
  nationalType: z.string(),
  zoneCode: z.string().nullable(),
  zoneName: z.string().nullable(),
  authorisedPlaces: z.number().int(),
  present: z.number().int(),
  free: z.number().int(),
  target: structureTargetSchema,
  contacts: structureContactsSchema,
});
export type FittedPlace = z.infer<typeof fittedPlaceSchema>;

export const fittedPlacesSchema = z
  .object({
    date: z.string(),
    needs: placementNeedsSchema,
    structures: z.array(fittedPlaceSchema),
  })
  .meta({ id: "FittedPlaces" });
export type FittedPlaces = z.infer<typeof fittedPlacesSchema>;

/** Sending a request: the structure, the needs as searched (the age and sex are the case's), a note. */
export const placementRequestCreateSchema = z
  .object({
    structureId: z.uuid({ error: "Identificativo della struttura non valido" }),
    wishedStartOn: fullDate.optional(),
    msna: z.boolean().optional(),
    motherWithChild: z.boolean().optional(),
    zone: ZoneFilter.optional(),
    nationalType: NationalStructureType.optional(),
    note: z.string().trim().max(1000, { error: "Nota troppo lunga (al massimo 1000 caratteri)" }).optional(),
  })
  .strict()
  .meta({ id: "PlacementRequestCreate" });
export type PlacementRequestCreate = z.infer<typeof placementRequestCreateSchema>;

export const placementDeclineSchema = z
  .object({ reason: reasonSchema(500) })
  .strict()
  .meta({ id: "PlacementDecline" });

export const placementRequestSchema = z
  .object({
    id: z.uuid(),
    caseId: z.uuid().nullable().describe("La cartella: solo per il servizio che ha inviato la richiesta"),
    minorPseudonym: z.string(),
    structureId: z.uuid(),
    structureName: z.string(),
    serviceName: z.string(),
    state: PlacementRequestState,
    needs: placementNeedsSchema,
    sentAt: z.string(),
    decidedAt: z.string().nullable(),
    declineReason: z.string().nullable(),
    admittedStayId: z
      .uuid()
      .nullable()
      .describe("L'accoglienza registrata dalla struttura dopo l'accettazione (per il servizio)"),
  })
  .meta({ id: "PlacementRequest" });
export type PlacementRequest = z.infer<typeof placementRequestSchema>;

export const placementRequestListSchema = z
  .object({ items: z.array(placementRequestSchema) })
  .meta({ id: "PlacementRequestList" });

/** The identity the structure receives with its acceptance, to record the admission. */
export const acceptedIdentitySchema = z.object({
  fiscalCode: z.string().nullable(),
  familyName: z.string().nullable(),
  givenName: z.string().nullable(),
  sex: Sex,
  birthDate: z.string().nullable(),
  citizenship: z.string().nullable(),
});

export const placementAcceptedSchema = z
  .object({ request: placementRequestSchema, identity: acceptedIdentitySchema })
  .meta({ id: "PlacementAccepted" });

export const placementRequestParams = z.object({
  caseId: z.uuid({ error: "Identificativo della cartella non valido" }),
  requestId: z.uuid({ error: "Identificativo della richiesta non valido" }),
});
export const structurePlacementRequestParams = z.object({
  id: z.uuid({ error: "Identificativo della struttura non valido" }),
  requestId: z.uuid({ error: "Identificativo della richiesta non valido" }),
});
export const structurePlacementInboxParams = z.object({
  id: z.uuid({ error: "Identificativo della struttura non valido" }),
});
export const placementInboxQuery = z.object({ state: PlacementRequestState.optional() });
