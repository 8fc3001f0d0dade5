import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  BreakGlassAccess,
  BreakGlassDecision,
  BreakGlassRequest,
  BreakGlassReviewItem,
} from "../../../domain/access/break-glass.schema.ts";
import { api } from "../../api/client.ts";
import type { MinorIdentityView } from "../registry/registry-api.ts";

export type { BreakGlassAccess, BreakGlassReviewItem };
export type ReviewFilter = "pending" | "accepted" | "questioned" | "all";

export function useOwnBreakGlass() {
  return useQuery({
    queryKey: ["break-glass-accesses"],
    queryFn: () => api.get<{ items: BreakGlassAccess[] }>("/break-glass-accesses"),
    select: (data) => data.items,
  });
}

export function useOpenBreakGlass() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: BreakGlassRequest) => api.post<BreakGlassAccess>("/break-glass-accesses", input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["break-glass-accesses"] }),
  });
}

/** The identity read under an emergency access: on demand, never cached, each read audited. */
export function useEmergencyIdentity() {
  return useMutation({
    mutationFn: (pseudonym: string) =>
      api.get<{ pseudonym: string; identity: MinorIdentityView }>(`/minors/${pseudonym}/identity`),
  });
}

export function useBreakGlassReviews(state: ReviewFilter) {
  return useQuery({
    queryKey: ["break-glass-reviews", state],
    queryFn: () => api.get<{ items: BreakGlassReviewItem[] }>("/break-glass-reviews", { state }),
    select: (data) => data.items,
  });
}

export function useDecideBreakGlass() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...decision }: BreakGlassDecision & { id: string }) =>
      api.post<{ id: string; reviewState: string }>(`/break-glass-reviews/${id}`, decision),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["break-glass-reviews"] }),
  });
}
