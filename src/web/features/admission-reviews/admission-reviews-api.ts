import { useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  AdmissionReview,
  admissionReviewListSchema,
  admissionReviewQuery,
} from "../../../domain/stays/admission-review-api.schema.ts";
import { api } from "../../api/client.ts";

export type { AdmissionReview };
/** The state asked for; none lists every admission that was to be confirmed. */
export type AdmissionReviewFilter = z.infer<typeof admissionReviewQuery>["state"];

export function useAdmissionReviews(filter: AdmissionReviewFilter) {
  return useQuery({
    queryKey: ["admission-reviews", filter ?? "all"],
    queryFn: async () =>
      (
        await api.get<z.infer<typeof admissionReviewListSchema>>(
          "/admission-reviews",
          filter ? { state: filter } : {},
        )
      ).items,
    staleTime: 0,
  });
}
