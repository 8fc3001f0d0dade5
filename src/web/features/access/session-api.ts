import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { LoginInput, membershipSchema, Session } from "../../../domain/access/access-api.schema.ts";
import type { providerLogoutSchema } from "../../../domain/access/session-api.schema.ts";
import { api, isApiError, rememberCsrfToken } from "../../api/client.ts";
import { isUserQuery, sessionQueryKey } from "../../api/query-client.ts";

export type { Session };
export type Membership = z.infer<typeof membershipSchema>;
export type SessionMembership = Session["memberships"][number];

function remember(session: Session): Session {
  rememberCsrfToken(session.csrfToken);
  return session;
}

/** The current session, or null when nobody is logged in (401). */
export async function fetchSession(): Promise<Session | null> {
  try {
    return remember(await api.get<Session>("/session"));
  } catch (error) {
    if (isApiError(error) && error.status === 401) {
      rememberCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export function useSession() {
  return useQuery({ queryKey: sessionQueryKey, queryFn: fetchSession, staleTime: Number.POSITIVE_INFINITY });
}

export function useLogIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (credentials: LoginInput) => remember(await api.post<Session>("/session", credentials)),
    onSuccess: (session) => {
      queryClient.removeQueries({ predicate: (query) => isUserQuery(query.queryKey) });
      queryClient.setQueryData(sessionQueryKey, session);
    },
  });
}

/**
 * Logs out, then loads the login page afresh: nothing of the previous session (cached data, CSRF
 * token, the page to return to) survives in memory.
 */
export function useLogOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (): Promise<string | null> => {
      const session = queryClient.getQueryData<Session | null>(sessionQueryKey);
      try {
        if (session?.authMethod === "oidc")
          return (await api.post<z.infer<typeof providerLogoutSchema>>("/session/provider-logout")).logoutUrl;
        await api.delete<void>("/session");
      } catch (error) {
        if (!(isApiError(error) && error.status === 401)) throw error;
      }
      return null;
    },
    // SPID/CIE sessions end at the provider too (it sends the browser back to the login page).
    onSuccess: (providerLogoutUrl) => {
      rememberCsrfToken(null);
      window.location.assign(providerLogoutUrl ?? "/accesso");
    },
  });
}

export function useChooseMembership() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (membershipId: string) =>
      remember(await api.put<Session>("/session/active-membership", { membershipId })),
    onSuccess: (session) => {
      queryClient.removeQueries({ predicate: (query) => isUserQuery(query.queryKey) });
      queryClient.setQueryData(sessionQueryKey, session);
    },
  });
}
