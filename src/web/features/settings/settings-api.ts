import { useQuery } from "@tanstack/react-query";
import type { InstanceSettings } from "../../../domain/status/status-api.schema.ts";
import { api } from "../../api/client.ts";
import { settingsQueryKey } from "../../api/query-client.ts";

/** The instance's public settings: which Region runs it, its contacts and its warning thresholds. */
export type { InstanceSettings };

/** Read once per page load: the settings only change when the server restarts. */
export function useSettings() {
  return useQuery({
    queryKey: settingsQueryKey,
    queryFn: () => api.get<InstanceSettings>("/settings"),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
  });
}

export function useRegionName(): string | undefined {
  return useSettings().data?.regionName;
}

export function useAuthorisationWarningDays(): number | undefined {
  return useSettings().data?.authorisationWarningDays;
}
