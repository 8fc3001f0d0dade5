import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  FittedPlace,
  FittedPlaces,
  PlacementRequest,
  PlacementRequestCreate,
  PlacementRequestState,
  placementAcceptedSchema,
  placementDeclineSchema,
  placementRequestListSchema,
  placeSearchQuerySchema,
} from "../../../domain/placements/placement-request.schema.ts";
import { api } from "../../api/client.ts";

export type { FittedPlace, FittedPlaces, PlacementRequest, PlacementRequestCreate, PlacementRequestState };
export type PlaceSearchQuery = z.infer<typeof placeSearchQuerySchema>;
export type PlacementAccepted = z.infer<typeof placementAcceptedSchema>;
export type PlacementDecline = z.infer<typeof placementDeclineSchema>;
type PlacementRequestList = z.infer<typeof placementRequestListSchema>;

/** The free places fitted to the child of a case; asked only once the social worker searches. */
export function useFittedPlaces(caseId: string, query: PlaceSearchQuery | null) {
  return useQuery({
    queryKey: ["cases", caseId, "places", query],
    queryFn: () => api.get<FittedPlaces>(`/cases/${caseId}/places`, query ?? {}),
    enabled: query !== null,
  });
}

export function useCasePlacementRequests(caseId: string) {
  return useQuery({
    queryKey: ["cases", caseId, "placement-requests"],
    queryFn: () => api.get<PlacementRequestList>(`/cases/${caseId}/placement-requests`),
    select: (data) => data.items,
  });
}

export function useSendPlacementRequest(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PlacementRequestCreate) =>
      api.post<PlacementRequest>(`/cases/${caseId}/placement-requests`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["cases", caseId, "placement-requests"] }),
  });
}

export function useWithdrawPlacementRequest(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (requestId: string) =>
      api.post<PlacementRequest>(`/cases/${caseId}/placement-requests/${requestId}/withdraw`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["cases", caseId, "placement-requests"] }),
  });
}

export function useStructurePlacementRequests(structureId: string, state?: PlacementRequestState) {
  return useQuery({
    queryKey: ["placement-requests", structureId, state ?? "all"],
    queryFn: () => api.get<PlacementRequestList>(`/structures/${structureId}/placement-requests`, { state }),
    select: (data) => data.items,
  });
}

export function useAcceptPlacementRequest(structureId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (requestId: string) =>
      api.post<PlacementAccepted>(`/structures/${structureId}/placement-requests/${requestId}/accept`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["placement-requests", structureId] }),
  });
}

export function useDeclinePlacementRequest(structureId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ requestId, ...body }: PlacementDecline & { requestId: string }) =>
      api.post<PlacementRequest>(`/structures/${structureId}/placement-requests/${requestId}/decline`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["placement-requests", structureId] }),
  });
}
