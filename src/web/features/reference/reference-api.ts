import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  Comune,
  comuneListSchema,
  RegionalStructureType,
  regionalStructureTypeListSchema,
  Zone,
  zoneListSchema,
} from "../../../domain/reference/reference-api.schema.ts";
import { api } from "../../api/client.ts";
import { useSettings } from "../settings/settings-api.ts";

export type { Comune, RegionalStructureType, Zone };

type ComuneList = z.infer<typeof comuneListSchema>;

const long = 10 * 60_000;

export function useZones() {
  return useQuery({
    queryKey: ["zones"],
    queryFn: () => api.get<z.infer<typeof zoneListSchema>>("/zones"),
    staleTime: long,
    select: (data) => data.items,
  });
}

export function useRegionalStructureTypes() {
  return useQuery({
    queryKey: ["regional-structure-types"],
    queryFn: () => api.get<z.infer<typeof regionalStructureTypeListSchema>>("/regional-structure-types"),
    staleTime: long,
    select: (data) => data.items,
  });
}

/**
 * Comuni of the instance's Region (its ISTAT code comes from the settings) matching the text; of
 * all Italy when `nationwide` (a place of birth).
 */
export function useComuniSearch(text: string, nationwide = false) {
  const q = text.trim();
  const settingsRegion = useSettings().data?.regionCode;
  const regionCode = nationwide ? undefined : settingsRegion;
  return useQuery({
    queryKey: ["comuni", nationwide ? "italia" : regionCode, q],
    queryFn: () => api.get<ComuneList>("/comuni", { q, regionCode, limit: 10 }),
    enabled: q.length >= 2 && (nationwide || regionCode !== undefined),
    staleTime: long,
    placeholderData: keepPreviousData,
    select: (data) => data.items,
  });
}

/** One comune by its ISTAT code (the search matches the code exactly). */
export function useComune(code: string | null | undefined) {
  return useQuery({
    queryKey: ["comune", code],
    queryFn: () => api.get<ComuneList>("/comuni", { q: code ?? "", limit: 1 }),
    enabled: Boolean(code && /^\d{6}$/.test(code)),
    staleTime: long,
    select: (data) => data.items.find((item) => item.istatCode === code) ?? null,
  });
}

export function comuneLabel(comune: Pick<Comune, "name" | "provinceAbbreviation">): string {
  return `${comune.name} (${comune.provinceAbbreviation})`;
}
