import { z } from "zod";
import { ZoneCode } from "../territory/zone.ts";

/** The contracts of the reference data: comuni, zones, code lists, regional structure types. */
const istatComune = z.string().regex(/^\d{6}$/, { error: "Codice ISTAT non valido" });

export const comuniQuery = z.object({
  q: z.string().trim().min(1).max(80).optional(),
  regionCode: z
    .string()
    .regex(/^\d{2}$/)
    .optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const comuneSchema = z
  .object({
    istatCode: z.string(),
    name: z.string(),
    provinceAbbreviation: z.string(),
    regionCode: z.string(),
  })
  .meta({ id: "Comune" });
export type Comune = z.infer<typeof comuneSchema>;
export const comuneListSchema = z.object({ items: z.array(comuneSchema) });

export const zoneSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    regionCode: z.string(),
    comuniCount: z.number().int().min(0),
  })
  .meta({ id: "Zone" });
export type Zone = z.infer<typeof zoneSchema>;
export const zoneListSchema = z.object({ items: z.array(zoneSchema) });

export const zoneParams = z.object({ code: ZoneCode });
export const zoneComuniSchema = z.object({ items: z.array(z.string()) });

export const zoneDefinitionSchema = z
  .object({
    name: z.string().trim().min(2).max(120),
    comuni: z.array(istatComune).max(400),
  })
  .meta({ id: "ZoneDefinition" });
export const zoneDefinedSchema = z.object({
  code: z.string(),
  name: z.string(),
  comuni: z.array(z.string()),
});

export const codeListSchema = z.array(z.object({ code: z.string(), label: z.string() }));
export const codeListsSchema = z.record(z.string(), codeListSchema);

export const regionalStructureTypeSchema = z
  .object({ code: z.string(), label: z.string(), nationalType: z.string() })
  .meta({ id: "RegionalStructureType" });
export type RegionalStructureType = z.infer<typeof regionalStructureTypeSchema>;
export const regionalStructureTypeListSchema = z.object({ items: z.array(regionalStructureTypeSchema) });
