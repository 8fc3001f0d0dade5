import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client.ts";

export type BirthPlace = { comune: string } | { country: string };

/** What the vault gives back for a minor found by an exact search. */
export type MinorIdentityView = {
  fiscalCode?: string;
  otherIds?: { kind: string; value: string }[];
  familyName?: string;
  givenName?: string;
  sex: "M" | "F";
  birthDate?: string;
  birthPlace?: BirthPlace;
  citizenship?: string;
};

export type LookupPurpose = "admission";

export type LookupInput =
  | { purpose: LookupPurpose; fiscalCode: string }
  | { purpose: LookupPurpose; familyName: string; givenName: string; birthDate: string; sex: "M" | "F" };

export type LookupResult = {
  found: boolean;
  ambiguous: boolean;
  minor: { pseudonym: string; identity: MinorIdentityView } | null;
};

export type PseudonymousMinor = {
  pseudonym: string;
  sex: "M" | "F";
  birthYearMonth: string | null;
  citizenship: string | null;
  residenceComune: string | null;
  isPossibleDuplicate: boolean;
};

/** One record of a pair under review: only what the steward needs to decide. */
export type ReviewSide = {
  pseudonym: string;
  familyName: string | null;
  givenName: string | null;
  sex: "M" | "F";
  birthDate: string | null;
  birthPlace: BirthPlace | null;
  citizenship: string | null;
  hasFiscalCode: boolean;
  otherIdKinds: string[];
  /** Open stays and those ended in the last year, most recent first. */
  stays: { structureName: string; admissionDate: string; dischargeDate: string | null }[];
};

export type DuplicateReview = {
  id: string;
  score: number;
  reasons: string[];
  createdAt: string;
  first: ReviewSide;
  second: ReviewSide;
  /** Both records hosted on some same day. */
  staysOverlap: boolean;
  /** The pair was merged, and the merge undone: why. */
  undoneMerge: { mergeReason: string; undoReason: string; undoneAt: string } | null;
};

export type ReviewDecision = { decision: "same" | "different"; reason: string };
export type ReviewOutcome = { state: "merged" | "different"; mergeId: string | null; survivor?: string };

export type MinorMerge = {
  id: string;
  survivor: string;
  merged: string;
  reason: string;
  mergedAt: string;
  undoneAt: string | null;
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
    queryFn: () => api.get<{ items: DuplicateReview[] }>("/duplicate-reviews"),
    select: (data) => data.items,
    gcTime: 0,
    staleTime: 0,
  });
}

export function useMinorMerges() {
  return useQuery({
    queryKey: mergesKey,
    queryFn: () => api.get<{ items: MinorMerge[] }>("/minor-merges"),
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
      api.post<{ undone: boolean }>(`/minor-merges/${encodeURIComponent(input.mergeId)}/undo`, {
        reason: input.reason,
      }),
    onSuccess: refresh,
  });
}
