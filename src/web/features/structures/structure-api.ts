import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { StructureRecord } from "../../../domain/structures/structure.schema.ts";
import type {
  changeListItemSchema,
  decisionOutcomeSchema,
  decisionSchema,
  editOutcomeSchema,
  StructurePage,
  structureChangeListSchema,
  structureDetailSchema,
  structureListQuery,
  structureSummarySchema,
} from "../../../domain/structures/structure-api.schema.ts";
import { api } from "../../api/client.ts";

export type StructureSummary = z.infer<typeof structureSummarySchema>;
export type StructureDetail = z.infer<typeof structureDetailSchema>;
export type StructureChange = z.infer<typeof changeListItemSchema>;
export type EditOutcome = z.infer<typeof editOutcomeSchema>;

export type StructureFilter = Partial<Omit<z.infer<typeof structureListQuery>, "limit">>;
type ChangeDecision = z.input<typeof decisionSchema>;

export const structuresPageSize = 20;

export function useStructures(filter: StructureFilter, enabled = true) {
  return useQuery({
    enabled,
    queryKey: ["structures", filter],
    queryFn: () =>
      api.get<StructurePage>("/structures", {
        ...filter,
        limit: structuresPageSize,
      }),
    placeholderData: keepPreviousData,
  });
}

export function useStructure(id: string, onDate?: string) {
  return useQuery({
    queryKey: ["structure", id, onDate ?? null],
    queryFn: () => api.get<StructureDetail>(`/structures/${encodeURIComponent(id)}`, { onDate }),
  });
}

export function useRegisterStructure() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (record: StructureRecord) => api.post<EditOutcome>("/structures", record),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["structures"] }),
  });
}

export function useEditStructure(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (record: StructureRecord) =>
      api.put<EditOutcome>(`/structures/${encodeURIComponent(id)}`, record),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ["structure", id] });
      await queryClient.invalidateQueries({ queryKey: ["structures"] });
    },
  });
}

export function usePendingChanges() {
  return useQuery({
    queryKey: ["structure-changes", "pending"],
    queryFn: () =>
      api.get<z.infer<typeof structureChangeListSchema>>("/structure-changes", { state: "pending" }),
    select: (data) => data.items,
  });
}

export function useDecideChange() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { changeId: string } & ChangeDecision) =>
      api.post<z.infer<typeof decisionOutcomeSchema>>(
        `/structure-changes/${encodeURIComponent(input.changeId)}/decision`,
        { decision: input.decision, reason: input.reason ?? null },
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ["structure-changes"] });
      await queryClient.invalidateQueries({ queryKey: ["structures"] });
      await queryClient.invalidateQueries({ queryKey: ["structure"] });
    },
  });
}
