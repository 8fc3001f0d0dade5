import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { Scope } from "../../../domain/access/policy.ts";
import { PageHeader } from "../../components/page-header.tsx";
import { canWithin } from "../access/permissions.ts";
import { useSession } from "../access/session-api.ts";

/**
 * Report pages are offered by the scope of `report.read`: the Region's dashboards to the Region
 * and the observatory, a structure's figures to its staff. The server still decides.
 */
export function ReportScopeGate({ scopes, children }: { scopes: Scope[]; children: ReactNode }) {
  const { t } = useTranslation();
  const { data: session } = useSession();
  if (canWithin(session?.active, "report.read", scopes)) return children;
  return (
    <>
      <PageHeader title={t("errors.title")} />
      <div className="alert alert-warning" role="alert">
        {t("errors.forbidden")}
      </div>
    </>
  );
}
