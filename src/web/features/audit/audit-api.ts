import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { api } from "../../api/client.ts";

export type AuditEntry = {
  sequence: number;
  recordedAt: string;
  username: string | null;
  /** The machine client's (software's) name when the actor is one. */
  clientName: string | null;
  organisationCode: string | null;
  role: string | null;
  action: string;
  resourceType: string;
  resourceId: string | null;
  minorPseudonym: string | null;
  purpose: string | null;
  outcome: "success" | "denied" | "failure" | string;
  details: Record<string, unknown> | null;
  hash: string;
};

export type AuditVerification = {
  ok: boolean;
  checked: number;
  firstBrokenSequence: number | null;
  reason: "hash-mismatch" | "sequence-gap" | null;
};

export type AuditFilter = {
  from?: string;
  to?: string;
  action?: string;
  username?: string;
  outcome?: string;
  cursor?: number;
};

export const auditPageSize = 50;

export function useAuditEntries(filter: AuditFilter) {
  return useQuery({
    queryKey: ["audit-entries", filter],
    queryFn: () =>
      api.get<{ items: AuditEntry[]; nextCursor: number | null }>("/audit-entries", {
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
