import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  organisationSchema,
  userInputSchema,
  userSummarySchema,
} from "../../../domain/access/access-api.schema.ts";
import { api } from "../../api/client.ts";

export type UserSummary = z.infer<typeof userSummarySchema>;
export type Organisation = z.infer<typeof organisationSchema>;
export type UserInput = z.input<typeof userInputSchema>;

export function useUsers() {
  return useQuery({
    queryKey: ["users"],
    queryFn: () => api.get<{ items: UserSummary[] }>("/users"),
    select: (data) => data.items,
  });
}

export function useOrganisations() {
  return useQuery({
    queryKey: ["organisations"],
    queryFn: () => api.get<{ items: Organisation[] }>("/organisations"),
    select: (data) => data.items,
  });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UserInput) => api.post<{ id: string; username: string }>("/users", input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["users"] }),
  });
}
