import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { Organisation, organisationListSchema } from "../../../domain/access/access-api.schema.ts";
import type {
  Person,
  PersonInput,
  passwordResetSchema,
  personCreatedSchema,
  personListSchema,
} from "../../../domain/access/people-api.schema.ts";
import { api } from "../../api/client.ts";
import type { PersonAction } from "./person-action.ts";

export type { Organisation, Person, PersonAction, PersonInput };

export function useUsers() {
  return useQuery({
    queryKey: ["users"],
    queryFn: () => api.get<z.infer<typeof personListSchema>>("/users"),
    select: (data) => data.items,
  });
}

/** Only the Region's administrator lists every organisation; a manager works in its own. */
export function useOrganisations(enabled: boolean) {
  return useQuery({
    queryKey: ["organisations"],
    queryFn: () => api.get<z.infer<typeof organisationListSchema>>("/organisations"),
    select: (data) => data.items,
    enabled,
  });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PersonInput) => api.post<z.infer<typeof personCreatedSchema>>("/users", input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["users"] }),
  });
}

export function usePersonAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ userId, action }: { userId: string; action: PersonAction }) => {
      const base = `/users/${userId}`;
      switch (action.kind) {
        case "password-reset":
          return api.post<z.infer<typeof passwordResetSchema>>(`${base}/password-reset`);
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
