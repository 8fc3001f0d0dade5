import { QueryClientProvider } from "@tanstack/react-query";
import { I18nextProvider } from "react-i18next";
import { BrowserRouter } from "react-router";
import { createQueryClient } from "./api/query-client.ts";
import { i18n } from "./i18n/setup.ts";
import { AppRoutes } from "./routes/app-routes.tsx";

const queryClient = createQueryClient();

export function App() {
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <AppRoutes />
        </BrowserRouter>
      </QueryClientProvider>
    </I18nextProvider>
  );
}
