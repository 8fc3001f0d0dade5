import { useQuery } from "@tanstack/react-query";
import type { Role } from "../../../domain/access/roles.ts";
import { api } from "../../api/client.ts";

export type AccessPolicy = {
  roles: { code: Role; label: string }[];
  rules: { action: string; label: string; scopes: { role: Role; scope: string; scopeLabel: string }[] }[];
};

export function useAccessPolicy() {
  return useQuery({
    queryKey: ["access-policy"],
    queryFn: () => api.get<AccessPolicy>("/access-policy"),
    staleTime: 10 * 60_000,
  });
}
