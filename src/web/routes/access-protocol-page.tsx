import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../components/error-alert.tsx";
import { Loading } from "../components/loading.tsx";
import { PageHeader } from "../components/page-header.tsx";
import { useAccessPolicy } from "../features/access/access-policy-api.ts";
import { AccessPolicyTable } from "../features/access/access-policy-table.tsx";

export function AccessProtocolPage() {
  const { t } = useTranslation();
  const policy = useAccessPolicy();
  return (
    <>
      <PageHeader title={t("protocol.title")} crumbs={[{ label: t("nav.home"), to: "/" }]}>
        <p>{t("protocol.intro")}</p>
      </PageHeader>
      {policy.isPending && <Loading />}
      {policy.error && <ErrorAlert error={policy.error} />}
      {policy.data && <AccessPolicyTable policy={policy.data} />}
    </>
  );
}
