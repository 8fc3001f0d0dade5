import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { secondFactorEnrolledSchema } from "../../../domain/access/access-api.schema.ts";
import type {
  PasswordChange,
  SessionItem,
  SignInMethods,
  secondFactorEnrolmentSchema,
  sessionListSchema,
} from "../../../domain/access/session-api.schema.ts";
import { api } from "../../api/client.ts";
import { sessionQueryKey } from "../../api/query-client.ts";
import type { Session } from "./session-api.ts";

export type { SessionItem, SignInMethods };

export function useSignInMethods() {
  return useQuery({
    queryKey: ["sign-in-methods"],
    queryFn: () => api.get<SignInMethods>("/session/methods"),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

const stepPaths = {
  "second-factor": "/accesso/verifica",
  "password-change": "/accesso/cambio-password",
  "second-factor-enrolment": "/accesso/secondo-fattore",
} as const;

/** Where a session goes next: the login step it owes, the choice of role, or where it came from. */
export function nextPathOf(session: Session, from = "/"): string {
  if (session.pendingStep) return stepPaths[session.pendingStep];
  return session.active ? from : "/scegli-ruolo";
}

function useSessionMutation<Input>(send: (input: Input) => Promise<Session>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (session) => queryClient.setQueryData(sessionQueryKey, session),
  });
}

export const useSubmitSecondFactor = () =>
  useSessionMutation((code: string) => api.post<Session>("/session/second-factor", { code }));

export const useChangePassword = () =>
  useSessionMutation((input: PasswordChange) => api.put<Session>("/session/password", input));

export function useStartEnrolment() {
  return useMutation({
    mutationFn: () =>
      api.post<z.infer<typeof secondFactorEnrolmentSchema>>("/session/second-factor-enrolment"),
  });
}

export function useConfirmEnrolment() {
  return useMutation({
    mutationFn: (code: string) =>
      api.put<z.infer<typeof secondFactorEnrolledSchema>>("/session/second-factor-enrolment", { code }),
  });
}

export function useMySessions() {
  return useQuery({
    queryKey: ["my-sessions"],
    queryFn: () => api.get<z.infer<typeof sessionListSchema>>("/sessions"),
    select: (data) => data.items,
  });
}

export function useRevokeSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<void>(`/sessions/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["my-sessions"] }),
  });
}
