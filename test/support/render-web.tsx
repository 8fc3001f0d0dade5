import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import type { ReactElement } from "react";
import { I18nextProvider } from "react-i18next";
import { i18n } from "../../src/web/i18n/setup.ts";

/**
 * A component as the app renders it: Italian texts and a query cache. `cached` fills the cache
 * with answers of the API the component reads (reference lists), so that nothing is fetched.
 */
export function renderWeb(element: ReactElement, cached: [unknown[], unknown][] = []) {
  const client = new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: Number.POSITIVE_INFINITY } },
  });
  for (const [key, data] of cached) client.setQueryData(key, data);
  return render(
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={client}>{element}</QueryClientProvider>
    </I18nextProvider>,
  );
}
