import { z } from "zod";
import { NationalStructureType, StructureStatus } from "../code-lists/structure-codes.ts";
import { ZoneFilter } from "../territory/zone.ts";
import { structureRecordSchema } from "./structure.schema.ts";

export const structureRecordBody = structureRecordSchema.meta({ id: "StructureRecord" });

export const structureSummarySchema = z
  .object({
    id: z.uuid(),
    code: z.string().nullable(),
    name: z.string(),
    status: StructureStatus,
    nationalType: NationalStructureType,
    regionalType: z.string(),
    comune: z.string(),
    comuneName: z.string().nullable(),
    provinceAbbreviation: z.string().nullable(),
    zoneCode: z.string().nullable(),
    zoneName: z.string().nullable(),
    authorisedPlaces: z.number().int().min(0),
    emergencyExtraPlaces: z.number().int().min(0),
    authorisationExpiresOn: z.iso.date().nullable(),
    validFrom: z.iso.date(),
    version: z.number().int().min(1),
    hasPendingChange: z.boolean(),
  })
  .meta({ id: "StructureSummary" });

export const structureListQuery = z.object({
  q: z.string().trim().max(100).optional().describe("Testo da cercare in denominazione, codice o comune"),
  zone: ZoneFilter.optional(),
  nationalType: NationalStructureType.optional(),
  status: StructureStatus.optional(),
  expiringWithinDays: z.coerce.number().int().min(0).max(3650).optional(),
  onDate: z.iso.date().optional().describe("Com'era l'anagrafe in questo giorno"),
  cursor: z
    .string()
    .regex(/^\d{1,7}$/)
    .optional()
    .describe("Cursore restituito dalla pagina precedente"),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const warningSchema = z.object({ code: z.string(), message: z.string() });

export const pendingChangeSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(["registration", "edit"]),
    changedFields: z.array(z.string()),
    proposed: structureRecordSchema,
    requestedAt: z.string(),
  })
  .meta({ id: "PendingStructureChange" });

export const structureDetailSchema = z
  .object({
    summary: structureSummarySchema,
    record: structureRecordSchema,
    reviewNote: z.string().nullable(),
    pendingChange: pendingChangeSchema.nullable(),
    warnings: z.array(warningSchema),
    history: z.array(
      z.object({
        version: z.number().int().min(1),
        validFrom: z.iso.date(),
        recordedAt: z.string(),
        recordedBy: z.string().nullable(),
        changedFields: z.array(z.string()),
        record: structureRecordSchema,
      }),
    ),
  })
  .meta({ id: "StructureDetail" });

export const editOutcomeSchema = z
  .object({
    id: z.uuid(),
    applied: z.array(z.string()).describe("Campi modificati subito"),
    pending: z.array(z.string()).describe("Campi in attesa di approvazione regionale"),
  })
  .meta({ id: "StructureEditOutcome" });

export const changeListItemSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(["registration", "edit"]),
    state: z.enum(["pending", "approved", "returned", "superseded"]),
    structureId: z.uuid(),
    structureCode: z.string().nullable(),
    structureName: z.string(),
    changedFields: z.array(z.string()),
    requestedAt: z.string(),
    requestedBy: z.string().nullable(),
    reason: z.string().nullable(),
    proposed: structureRecordSchema,
    current: structureRecordSchema,
  })
  .meta({ id: "StructureChange" });

export const decisionSchema = z
  .object({
    decision: z.enum(["approve", "return"]),
    reason: z.string().trim().max(1000).nullable().optional(),
  })
  .meta({ id: "StructureChangeDecision" });

export const structureIdParams = z.object({ id: z.uuid({ error: "Identificativo non valido" }) });

export const structurePageSchema = z.object({
  items: z.array(structureSummarySchema),
  total: z.number().int().min(0),
  nextCursor: z.string().nullable(),
});
export type StructurePage = z.infer<typeof structurePageSchema>;

export const structureOnDateQuery = z.object({
  onDate: z.iso.date().optional().describe("Com'era la scheda in questo giorno"),
});

export const structureChangesQuery = z.object({
  state: z.enum(["pending", "approved", "returned", "superseded"]).default("pending"),
});
export const structureChangeListSchema = z.object({ items: z.array(changeListItemSchema) });

export const decisionOutcomeSchema = z.object({ structureId: z.uuid(), code: z.string().nullable() });

/** A structure the active role may work on: only those with a regional code can receive events. */
export const structureChoiceSchema = structureSummarySchema
  .pick({ id: true, name: true })
  .extend({ code: z.string() });
