import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { EventType } from "../../../domain/code-lists/interchange-codes.ts";
import type { EventProblem } from "../../../domain/stays/parse-stay-event.ts";
import { api } from "../../api/client.ts";

export type Guest = {
  stayId: string;
  stayRef: string;
  pseudonym: string;
  givenName: string | null;
  age: number | null;
  admissionDate: string;
  daysInStay: number;
  absences: number;
  currentAbsence: string | null;
  msna: boolean;
  hasOverlap: boolean;
  isPossibleDuplicate: boolean;
};

export type StayStatus = "empty" | "waiting" | "open" | "closed";

export type StaySummary = {
  id: string;
  stayRef: string;
  status: StayStatus;
  structureId: string;
  structureCode: string;
  structureName: string;
  pseudonym: string | null;
  /** Only while the minor is in charge of the reader's structures. */
  minorName: { givenName: string | null; familyName: string | null } | null;
  admissionDate: string | null;
  admissionKind: string | null;
  legalBasis: string | null;
  origin: string | null;
  dischargeDate: string | null;
  dischargeReason: string | null;
  dischargeDestination: string | null;
  msna: boolean;
  hasOverlap: boolean;
  isPossibleDuplicate: boolean;
};

export type StayEventRecord = {
  id: string;
  type: EventType;
  occurredOn: string;
  sequence: number | null;
  recordedAt: string;
  payload: Record<string, unknown>;
  warnings: EventProblem[] | null;
  sourceKind: "user" | "client";
  recordedBy: string;
  isVoided: boolean;
};

export type PreviousPlacement = {
  admissionDate: string;
  dischargeDate: string | null;
  nationalType: string | null;
};

export type StayTimeline = {
  stay: StaySummary;
  events: StayEventRecord[];
  previousPlacements: PreviousPlacement[];
};

export type EventResult = {
  id: string;
  status: "accepted" | "duplicate";
  warnings: EventProblem[];
  stayId?: string;
};

export type PlacesTotals = {
  key: string;
  authorisedPlaces: number;
  present: number;
  free: number;
  structures: number;
};

export type FreePlacesRow = {
  structureId: string;
  code: string | null;
  name: string;
  /** The structure's status on the day: only an active one offers free places. */
  status: string | null;
  nationalType: string;
  zoneCode: string | null;
  zoneName: string | null;
  authorisedPlaces: number;
  emergencyExtraPlaces: number;
  present: number;
  free: number;
};

export type FreePlaces = {
  date: string;
  structures: FreePlacesRow[];
  byZone: PlacesTotals[];
  byNationalType: PlacesTotals[];
  total: PlacesTotals;
};

export type FreePlacesFilter = { date: string; zone?: string; nationalType?: string };

export type OccupancyPoint = { day: string; present: number; authorisedPlaces: number | null };

/** A structure the active role may work on: only those with a regional code can receive events. */
export type StructureChoice = { id: string; code: string; name: string };

const structurePath = (structureId: string) => `/structures/${encodeURIComponent(structureId)}`;

/** Guests carry first names: read on each visit (every read is audited) and never kept afterwards. */
export function useGuests(structureId: string, date: string) {
  return useQuery({
    queryKey: ["guests", structureId, date],
    queryFn: () =>
      api.get<{ date: string; items: Guest[] }>(`${structurePath(structureId)}/guests`, { date }),
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
    mutationFn: (event: unknown) => api.post<EventResult>(`${structurePath(structureId)}/events`, event),
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
      api.get<{ items: OccupancyPoint[] }>(`${structurePath(structureId)}/occupancy`, { from, to }),
    select: (data) => data.items,
  });
}

type StructureListItem = { id: string; code: string | null; name: string };

/** The structures the active role may see that have a regional code, by name. */
export function useStructureChoices() {
  return useQuery({
    queryKey: ["structures", "choices"],
    queryFn: () => api.get<{ items: StructureListItem[] }>("/structures", { limit: 200 }),
    select: (data): StructureChoice[] =>
      data.items
        .filter((item): item is StructureChoice => item.code !== null)
        .sort((first, second) => first.name.localeCompare(second.name, "it")),
  });
}

/** A stay names its structure by code; events are posted to the structure's id. */
export function useStructureIdByCode(code: string | undefined) {
  return useQuery({
    queryKey: ["structures", "by-code", code],
    queryFn: () => api.get<{ items: StructureListItem[] }>("/structures", { q: code, limit: 200 }),
    enabled: Boolean(code),
    select: (data) => data.items.find((item) => item.code === code)?.id ?? null,
  });
}
