import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  EventResult,
  FreePlaces,
  FreePlacesFilter,
  FreePlacesRow,
  Guest,
  guestListSchema,
  OccupancyPoint,
  occupancySchema,
  PlacesTotals,
  PreviousPlacement,
  StayEventRecord,
  StayOverview,
  StayStatus,
  StayTimeline,
} from "../../../domain/stays/stay-api.schema.ts";
import type { StayEvent } from "../../../domain/stays/stay-event.schema.ts";
import type {
  StructurePage,
  structureChoiceSchema,
} from "../../../domain/structures/structure-api.schema.ts";
import { api } from "../../api/client.ts";

export type {
  EventResult,
  FreePlaces,
  FreePlacesFilter,
  FreePlacesRow,
  Guest,
  OccupancyPoint,
  PlacesTotals,
  PreviousPlacement,
  StayEventRecord,
  StayOverview,
  StayStatus,
  StayTimeline,
};

/** A structure the active role may work on: only those with a regional code can receive events. */
export type StructureChoice = z.infer<typeof structureChoiceSchema>;

const structurePath = (structureId: string) => `/structures/${encodeURIComponent(structureId)}`;

/** Guests carry first names: read on each visit (every read is audited) and never kept afterwards. */
export function useGuests(structureId: string, date: string) {
  return useQuery({
    queryKey: ["guests", structureId, date],
    queryFn: () => api.get<z.infer<typeof guestListSchema>>(`${structurePath(structureId)}/guests`, { date }),
    select: (data) => data.items,
    gcTime: 0,
    staleTime: 0,
  });
}

export function useStay(stayId: string) {
  return useQuery({
    queryKey: ["stay", stayId],
    queryFn: () => api.get<StayTimeline>(`/stays/${encodeURIComponent(stayId)}`),
    staleTime: 0,
  });
}

/** Every event goes through the same endpoint and the same validation as the machines' events. */
export function useRecordEvent(structureId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (event: StayEvent) => api.post<EventResult>(`${structurePath(structureId)}/events`, event),
    onSuccess: async () => {
      for (const key of ["guests", "stay", "free-places", "occupancy"]) {
        await queryClient.invalidateQueries({ queryKey: [key] });
      }
    },
  });
}

export function useFreePlaces(filter: FreePlacesFilter) {
  return useQuery({
    queryKey: ["free-places", filter],
    queryFn: () => api.get<FreePlaces>("/free-places", filter),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

export function useOccupancy(structureId: string, from: string, to: string) {
  return useQuery({
    queryKey: ["occupancy", structureId, from, to],
    queryFn: () =>
      api.get<z.infer<typeof occupancySchema>>(`${structurePath(structureId)}/occupancy`, { from, to }),
    select: (data) => data.items,
  });
}

/** The structures the active role may see that have a regional code, by name. */
export function useStructureChoices() {
  return useQuery({
    queryKey: ["structures", "choices"],
    queryFn: () => api.get<StructurePage>("/structures", { limit: 200 }),
    select: (data): StructureChoice[] =>
      data.items
        .filter((item): item is StructurePage["items"][number] & StructureChoice => item.code !== null)
        .sort((first, second) => first.name.localeCompare(second.name, "it")),
  });
}

/** A stay names its structure by code; events are posted to the structure's id. */
export function useStructureIdByCode(code: string | undefined) {
  return useQuery({
    queryKey: ["structures", "by-code", code],
    queryFn: () => api.get<StructurePage>("/structures", { q: code, limit: 200 }),
    enabled: Boolean(code),
    select: (data) => data.items.find((item) => item.code === code)?.id ?? null,
  });
}
