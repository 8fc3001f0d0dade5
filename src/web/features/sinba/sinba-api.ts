import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type {
  SinbaEnteList,
  SinbaEnteSummary,
  SinbaFlowList,
  SinbaFlowStatus,
  SinbaFlowSummary,
  SinbaFlowsQuery,
  SinbaNotSendableItem,
  SinbaNotSendableList,
} from "../../../domain/sinba/sinba-api.schema.ts";
import { api } from "../../api/client.ts";

export type {
  SinbaEnteSummary,
  SinbaFlowList,
  SinbaFlowStatus,
  SinbaFlowSummary,
  SinbaFlowsQuery,
  SinbaNotSendableItem,
};
/** The filters the page sets: the flows query, every field optional. */
export type SinbaFlowFilter = Partial<SinbaFlowsQuery>;

export const sinbaKeys = {
  flows: (filter: SinbaFlowFilter) => ["sinba", "flows", filter] as const,
  notSendable: (ente: string | undefined) => ["sinba", "not-sendable", ente ?? null] as const,
  enti: ["sinba", "enti"] as const,
};

export function useSinbaFlows(filter: SinbaFlowFilter) {
  return useQuery({
    queryKey: sinbaKeys.flows(filter),
    queryFn: () => api.get<SinbaFlowList>("/sinba/flows", filter),
    placeholderData: keepPreviousData,
  });
}

/** Every flow of a filter, page after page, for the CSV export (the API gives at most 200 a page). */
export async function fetchAllSinbaFlows(filter: SinbaFlowFilter): Promise<SinbaFlowSummary[]> {
  const rows: SinbaFlowSummary[] = [];
  for (let offset = 0; ; offset += 200) {
    const page = await api.get<SinbaFlowList>("/sinba/flows", { ...filter, limit: 200, offset });
    rows.push(...page.items);
    if (page.items.length === 0 || rows.length >= page.total) return rows;
  }
}

export function useSinbaNotSendable(ente: string | undefined) {
  return useQuery({
    queryKey: sinbaKeys.notSendable(ente),
    queryFn: () => api.get<SinbaNotSendableList>("/sinba/not-sendable", { ente }),
    select: (data) => data.items,
  });
}

export function useSinbaEnti() {
  return useQuery({
    queryKey: sinbaKeys.enti,
    queryFn: () => api.get<SinbaEnteList>("/sinba/enti"),
    select: (data) => data.items,
  });
}
