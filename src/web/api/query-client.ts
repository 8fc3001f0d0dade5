import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { isApiError, rememberCsrfToken } from "./client.ts";

export const sessionQueryKey = ["session"] as const;

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
