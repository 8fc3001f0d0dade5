import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  BirthPlace,
  DuplicateReview,
  duplicateReviewListSchema,
  LookupInput,
  LookupPurpose,
  LookupResult,
  MinorIdentityView,
  MinorMerge,
  minorMergeListSchema,
  PseudonymousMinor,
  ReviewDecision,
  ReviewOutcome,
  ReviewSide,
  undoMergeOutcomeSchema,
} from "../../../domain/registry/registry-api.schema.ts";
import { api } from "../../api/client.ts";

export type {
  BirthPlace,
  DuplicateReview,
  LookupInput,
  LookupPurpose,
  LookupResult,
  MinorIdentityView,
  MinorMerge,
  PseudonymousMinor,
  ReviewDecision,
  ReviewOutcome,
  ReviewSide,
};

/**
 * The exact search. Its answer stays in memory only while the page shows it: it is a mutation
 * (a POST, so nothing identifying reaches a URL) and is dropped from the cache at once.
 */
export function useLookUpMinor() {
  return useMutation({
    mutationFn: (input: LookupInput) => api.post<LookupResult>("/registry/lookups", input),
    gcTime: 0,
  });
}

export function useMinor(pseudonym: string) {
  return useQuery({
    queryKey: ["minor", pseudonym],
    queryFn: () => api.get<PseudonymousMinor>(`/minors/${encodeURIComponent(pseudonym)}`),
  });
}

const reviewsKey = ["duplicate-reviews"] as const;
const mergesKey = ["minor-merges"] as const;

/** The identities of the pending pairs: never kept once the page is left. */
export function useDuplicateReviews() {
  return useQuery({
    queryKey: reviewsKey,
    queryFn: () => api.get<z.infer<typeof duplicateReviewListSchema>>("/duplicate-reviews"),
    select: (data) => data.items,
    gcTime: 0,
    staleTime: 0,
  });
}

export function useMinorMerges() {
  return useQuery({
    queryKey: mergesKey,
    queryFn: () => api.get<z.infer<typeof minorMergeListSchema>>("/minor-merges"),
    select: (data) => data.items,
    staleTime: 0,
  });
}

function useRefreshRegistry() {
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: reviewsKey });
    await queryClient.invalidateQueries({ queryKey: mergesKey });
    await queryClient.invalidateQueries({ queryKey: ["minor"] });
  };
}

export function useDecideReview() {
  const refresh = useRefreshRegistry();
  return useMutation({
    mutationFn: (input: { reviewId: string } & ReviewDecision) =>
      api.post<ReviewOutcome>(`/duplicate-reviews/${encodeURIComponent(input.reviewId)}/decision`, {
        decision: input.decision,
        reason: input.reason,
      }),
    onSuccess: refresh,
  });
}

export function useUndoMerge() {
  const refresh = useRefreshRegistry();
  return useMutation({
    mutationFn: (input: { mergeId: string; reason: string }) =>
      api.post<z.infer<typeof undoMergeOutcomeSchema>>(
        `/minor-merges/${encodeURIComponent(input.mergeId)}/undo`,
        {
          reason: input.reason,
        },
      ),
    onSuccess: refresh,
  });
}
