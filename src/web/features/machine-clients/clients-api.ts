import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  MachineClient,
  MachineClientCreate,
  machineClientListSchema,
  PublicJwk,
} from "../../../domain/events/machine-client.schema.ts";
import { api } from "../../api/client.ts";

export type { MachineClient };

export function useMachineClients() {
  return useQuery({
    queryKey: ["machine-clients"],
    queryFn: () => api.get<z.infer<typeof machineClientListSchema>>("/machine-clients"),
    select: (data) => data.items,
  });
}

export function useCreateMachineClient() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MachineClientCreate) => api.post<MachineClient>("/machine-clients", input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["machine-clients"] }),
  });
}

export function useDisableMachineClient() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<MachineClient>(`/machine-clients/${id}/disable`, {}),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["machine-clients"] }),
  });
}

export function useAddMachineClientKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, jwk }: { id: string; jwk: PublicJwk }) =>
      api.post<MachineClient>(`/machine-clients/${id}/keys`, jwk),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["machine-clients"] }),
  });
}

/** A pasted key: one JWK, or a JWKS whose keys are all taken. */
export function parseKeys(text: string): PublicJwk[] | null {
  try {
    const value = JSON.parse(text) as unknown;
    if (value && typeof value === "object" && Array.isArray((value as { keys?: unknown }).keys))
      return (value as { keys: PublicJwk[] }).keys;
    if (value && typeof value === "object" && !Array.isArray(value)) return [value as PublicJwk];
    return null;
  } catch {
    return null;
  }
}
