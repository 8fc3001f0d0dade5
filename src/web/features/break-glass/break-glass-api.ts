import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  BreakGlassAccess,
  BreakGlassDecision,
  BreakGlassRequest,
  BreakGlassReviewFilter,
  BreakGlassReviewItem,
  breakGlassAccessListSchema,
  breakGlassReviewedSchema,
  breakGlassReviewListSchema,
} from "../../../domain/access/break-glass.schema.ts";
import type { identityReadSchema } from "../../../domain/registry/registry-api.schema.ts";
import { api } from "../../api/client.ts";

export type { BreakGlassAccess, BreakGlassReviewItem };
export type ReviewFilter = BreakGlassReviewFilter;

export function useOwnBreakGlass() {
  return useQuery({
    queryKey: ["break-glass-accesses"],
    queryFn: () => api.get<z.infer<typeof breakGlassAccessListSchema>>("/break-glass-accesses"),
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
      api.get<z.infer<typeof identityReadSchema>>(`/minors/${pseudonym}/identity`),
  });
}

export function useBreakGlassReviews(state: ReviewFilter) {
  return useQuery({
    queryKey: ["break-glass-reviews", state],
    queryFn: () => api.get<z.infer<typeof breakGlassReviewListSchema>>("/break-glass-reviews", { state }),
    select: (data) => data.items,
  });
}

export function useDecideBreakGlass() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...decision }: BreakGlassDecision & { id: string }) =>
      api.post<z.infer<typeof breakGlassReviewedSchema>>(`/break-glass-reviews/${id}`, decision),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["break-glass-reviews"] }),
  });
}
