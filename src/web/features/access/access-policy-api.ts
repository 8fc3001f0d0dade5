import { useQuery } from "@tanstack/react-query";
import type { AccessPolicy } from "../../../domain/access/access-api.schema.ts";
import { api } from "../../api/client.ts";

export type { AccessPolicy };

export function useAccessPolicy() {
  return useQuery({
    queryKey: ["access-policy"],
    queryFn: () => api.get<AccessPolicy>("/access-policy"),
    staleTime: 10 * 60_000,
  });
}
