import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  AssignmentRequest,
  CaseEventResult,
  CaseEventResults,
  CaseFile,
  caseListSchema,
  openCaseRequestSchema,
} from "../../../domain/cases/case-api.schema.ts";
import type { CaseTimeline, TimelineEntry } from "../../../domain/cases/case-timeline-api.schema.ts";
import type {
  Notification,
  NotificationKind,
  NotificationQuery,
  notificationCountSchema,
  notificationListSchema,
  notificationReadSchema,
} from "../../../domain/notifications/notification-api.schema.ts";
import { api } from "../../api/client.ts";

export type {
  AssignmentRequest,
  CaseEventResult,
  CaseFile,
  CaseTimeline,
  Notification,
  NotificationKind,
  TimelineEntry,
};
export type OpenCaseRequest = z.infer<typeof openCaseRequestSchema>;
export type NotificationFilter = NotificationQuery;

export function useCases() {
  return useQuery({
    queryKey: ["cases"],
    queryFn: () => api.get<z.infer<typeof caseListSchema>>("/cases"),
    select: (data) => data.items,
  });
}

export function useCase(caseId: string) {
  return useQuery({ queryKey: ["cases", caseId], queryFn: () => api.get<CaseFile>(`/cases/${caseId}`) });
}

export function useCaseTimeline(caseId: string) {
  return useQuery({
    queryKey: ["cases", caseId, "timeline"],
    queryFn: () => api.get<CaseTimeline>(`/cases/${caseId}/timeline`),
  });
}

export function useOpenCase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: OpenCaseRequest) => api.post<CaseEventResult>("/cases", input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["cases"] }),
  });
}

/** One fact of a case; its outcome says accepted, duplicate or rejected (with Italian messages). */
export function useRecordCaseEvent(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (event: Record<string, unknown>) => {
      const { results } = await api.post<CaseEventResults>(`/cases/${caseId}/events`, {
        events: [event],
      });
      return results[0] as CaseEventResult;
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["cases", caseId] }),
  });
}

/** The service manager gives a case to an operator of the service (the case's assignment fact). */
export function useAssignCase(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: AssignmentRequest) =>
      api.put<CaseEventResult>(`/cases/${caseId}/assignment`, request),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["cases"] }),
  });
}

export function useNotifications(filter: NotificationFilter = {}) {
  return useQuery({
    queryKey: ["notifications", filter],
    queryFn: () => api.get<z.infer<typeof notificationListSchema>>("/notifications", filter),
  });
}

export function useUnreadNotifications(enabled: boolean) {
  return useQuery({
    queryKey: ["notifications", "unread-count"],
    queryFn: () => api.get<z.infer<typeof notificationCountSchema>>("/notifications/unread-count"),
    select: (data) => data.unread,
    enabled,
  });
}

export function useMarkNotificationRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<z.infer<typeof notificationReadSchema>>(`/notifications/${id}/read`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["notifications"] }),
  });
}
