import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api } from "../../api/client.ts";
import { useSettings } from "../settings/settings-api.ts";

export type Comune = { istatCode: string; name: string; provinceAbbreviation: string; regionCode: string };
export type Zone = { code: string; name: string; regionCode: string; comuniCount: number };
export type RegionalStructureType = { code: string; label: string; nationalType: string };

const long = 10 * 60_000;

export function useZones() {
  return useQuery({
    queryKey: ["zones"],
    queryFn: () => api.get<{ items: Zone[] }>("/zones"),
    staleTime: long,
    select: (data) => data.items,
  });
}

export function useRegionalStructureTypes() {
  return useQuery({
    queryKey: ["regional-structure-types"],
    queryFn: () => api.get<{ items: RegionalStructureType[] }>("/regional-structure-types"),
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
    queryFn: () => api.get<{ items: Comune[] }>("/comuni", { q, regionCode, limit: 10 }),
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
    queryFn: () => api.get<{ items: Comune[] }>("/comuni", { q: code ?? "", limit: 1 }),
    enabled: Boolean(code && /^\d{6}$/.test(code)),
    staleTime: long,
    select: (data) => data.items.find((item) => item.istatCode === code) ?? null,
  });
}

export function comuneLabel(comune: Pick<Comune, "name" | "provinceAbbreviation">): string {
  return `${comune.name} (${comune.provinceAbbreviation})`;
}
