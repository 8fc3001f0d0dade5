import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { isApiError, rememberCsrfToken } from "./client.ts";

export const sessionQueryKey = ["session"] as const;
export const settingsQueryKey = ["settings"] as const;

/** Queries that belong to the user: dropped whenever the session or the active role changes. */
export function isUserQuery(queryKey: readonly unknown[]): boolean {
  return queryKey[0] !== sessionQueryKey[0] && queryKey[0] !== settingsQueryKey[0];
}

/** A 401 anywhere means the session ended: forget it, and the guards send the user to the login page. */
export function createQueryClient(): QueryClient {
  const onError = (error: unknown) => {
    if (isApiError(error) && error.status === 401 && client.getQueryData(sessionQueryKey)) {
      rememberCsrfToken(null);
      client.setQueryData(sessionQueryKey, null);
    }
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        retry: (failureCount, error) =>
          failureCount < 2 && !(isApiError(error) && error.status >= 400 && error.status < 500),
        refetchOnWindowFocus: false,
        staleTime: 30_000,
      },
      mutations: { retry: false },
    },
  });
  return client;
}
