import { lazy, Suspense } from "react";
import { Loading } from "../components/loading.tsx";
import { RequireSession } from "../components/require-session.tsx";
import { regionReportScopes } from "../features/access/permissions.ts";
import { ReportScopeGate } from "../features/reports/report-scope-gate.tsx";

/** Report pages load in their own chunks, with ECharts, only when opened. */
const ReportsDashboardPage = lazy(() =>
  import("./reports-dashboard-page.tsx").then((module) => ({ default: module.ReportsDashboardPage })),
);
const ReportCataloguePage = lazy(() =>
  import("./report-catalogue-page.tsx").then((module) => ({ default: module.ReportCataloguePage })),
);
const StructureFiguresPage = lazy(() =>
  import("./structure-figures-page.tsx").then((module) => ({ default: module.StructureFiguresPage })),
);

export function ReportsDashboardRoute() {
  return (
    <RequireSession>
      <ReportScopeGate scopes={regionReportScopes}>
        <Suspense fallback={<Loading />}>
          <ReportsDashboardPage />
        </Suspense>
      </ReportScopeGate>
    </RequireSession>
  );
}

export function ReportCatalogueRoute() {
  return (
    <RequireSession>
      <ReportScopeGate scopes={regionReportScopes}>
        <Suspense fallback={<Loading />}>
          <ReportCataloguePage />
        </Suspense>
      </ReportScopeGate>
    </RequireSession>
  );
}

export function StructureFiguresRoute() {
  return (
    <RequireSession>
      <ReportScopeGate scopes={["own-structures"]}>
        <Suspense fallback={<Loading />}>
          <StructureFiguresPage />
        </Suspense>
      </ReportScopeGate>
    </RequireSession>
  );
}
