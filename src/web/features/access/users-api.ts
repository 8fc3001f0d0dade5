import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { organisationSchema } from "../../../domain/access/access-api.schema.ts";
import type { personInputSchema, personSchema } from "../../../domain/access/people-api.schema.ts";
import { api } from "../../api/client.ts";

export type Person = z.infer<typeof personSchema>;
export type Organisation = z.infer<typeof organisationSchema>;
export type PersonInput = z.input<typeof personInputSchema>;

export function useUsers() {
  return useQuery({
    queryKey: ["users"],
    queryFn: () => api.get<{ items: Person[] }>("/users"),
    select: (data) => data.items,
  });
}

/** Only the Region's administrator lists every organisation; a manager works in its own. */
export function useOrganisations(enabled: boolean) {
  return useQuery({
    queryKey: ["organisations"],
    queryFn: () => api.get<{ items: Organisation[] }>("/organisations"),
    select: (data) => data.items,
    enabled,
  });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PersonInput) =>
      api.post<{ id: string; username: string; temporaryPassword: string | null }>("/users", input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["users"] }),
  });
}

export type PersonAction =
  | { kind: "password-reset" }
  | { kind: "second-factor-reset" }
  | { kind: "status"; active: boolean }
  | { kind: "close-sessions" }
  | { kind: "revoke-role"; membershipId: string };

export function usePersonAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ userId, action }: { userId: string; action: PersonAction }) => {
      const base = `/users/${userId}`;
      switch (action.kind) {
        case "password-reset":
          return api.post<{ temporaryPassword: string }>(`${base}/password-reset`);
        case "second-factor-reset":
          return api.post<null>(`${base}/second-factor-reset`);
        case "status":
          return api.put<null>(`${base}/status`, { active: action.active });
        case "close-sessions":
          return api.delete<null>(`${base}/sessions`);
        case "revoke-role":
          return api.delete<null>(`${base}/roles/${action.membershipId}`);
      }
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["users"] }),
  });
}
