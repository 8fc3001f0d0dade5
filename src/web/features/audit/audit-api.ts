import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  AuditEntry,
  AuditVerification,
  auditPageSchema,
  auditQuerySchema,
} from "../../../domain/access/audit-api.schema.ts";
import { api } from "../../api/client.ts";

export type { AuditEntry, AuditVerification };
export type AuditFilter = Partial<Omit<z.infer<typeof auditQuerySchema>, "limit">>;

export const auditPageSize = 50;

export function useAuditEntries(filter: AuditFilter) {
  return useQuery({
    queryKey: ["audit-entries", filter],
    queryFn: () =>
      api.get<z.infer<typeof auditPageSchema>>("/audit-entries", {
        ...filter,
        limit: auditPageSize,
      }),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

export function useVerifyAuditChain() {
  return useMutation({
    mutationFn: () => api.get<AuditVerification>("/audit-verification"),
  });
}

/** The start of a calendar day, or of the day after, as an instant in the browser's time zone. */
export function instantOf(isoDate: string, dayAfter = false): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) return undefined;
  const date = new Date(`${isoDate}T00:00:00`);
  if (dayAfter) date.setDate(date.getDate() + 1);
  return date.toISOString();
}
