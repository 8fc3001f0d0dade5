import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useLocation } from "react-router";
import type { Action } from "../../domain/access/policy.ts";
import { nextPathOf } from "../features/access/login-steps-api.ts";
import { can } from "../features/access/permissions.ts";
import { useSession } from "../features/access/session-api.ts";
import { ErrorAlert } from "./error-alert.tsx";
import { Loading } from "./loading.tsx";
import { PageHeader } from "./page-header.tsx";

function Forbidden() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t("errors.title")} />
      <div className="alert alert-warning" role="alert">
        {t("errors.forbidden")}
      </div>
    </>
  );
}

/** Pages need a session with an active role; some need an action the role may perform. */
export function RequireSession({ action, children }: { action?: Action; children: ReactNode }) {
  const location = useLocation();
  const { data: session, isPending, error } = useSession();
  if (isPending) return <Loading />;
  if (error) return <ErrorAlert error={error} />;
  if (!session)
    return <Navigate to="/accesso" replace state={{ from: location.pathname + location.search }} />;
  if (session.pendingStep) return <Navigate to={nextPathOf(session)} replace />;
  if (!session.active) return <Navigate to="/scegli-ruolo" replace />;
  if (action && !can(session.active, action)) return <Forbidden />;
  return children;
}
