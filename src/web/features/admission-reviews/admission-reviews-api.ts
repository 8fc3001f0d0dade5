import { useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  AdmissionReview,
  admissionReviewListSchema,
} from "../../../domain/stays/admission-review-api.schema.ts";
import { api } from "../../api/client.ts";

export type { AdmissionReview };
export type AdmissionReviewFilter = "to-be-confirmed" | "confirmed" | "all";

export function useAdmissionReviews(filter: AdmissionReviewFilter) {
  return useQuery({
    queryKey: ["admission-reviews", filter],
    queryFn: async () =>
      (
        await api.get<z.infer<typeof admissionReviewListSchema>>(
          "/admission-reviews",
          filter === "all" ? {} : { state: filter },
        )
      ).items,
    staleTime: 0,
  });
}
