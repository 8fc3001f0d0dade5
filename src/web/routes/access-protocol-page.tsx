import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../components/error-alert.tsx";
import { Loading } from "../components/loading.tsx";
import { PageHeader } from "../components/page-header.tsx";
import { useAccessPolicy } from "../features/access/access-policy-api.ts";
import { AccessPolicyTable } from "../features/access/access-policy-table.tsx";

const principleKeys = ["relationship", "sameDoor", "breakGlass", "noOracles", "noCache"] as const;

export function AccessProtocolPage() {
  const { t } = useTranslation();
  const policy = useAccessPolicy();
  return (
    <>
      <PageHeader title={t("protocol.title")} crumbs={[{ label: t("nav.home"), to: "/" }]}>
        <p>{t("protocol.intro")}</p>
      </PageHeader>
      <section aria-labelledby="principles-heading" className="mb-5">
        <h2 id="principles-heading" className="h4">
          {t("protocol.principlesHeading")}
        </h2>
        <ul>
          {principleKeys.map((key) => (
            <li key={key} className="mb-2">
              {t(`protocol.principles.${key}`)}
            </li>
          ))}
        </ul>
      </section>
      {policy.isPending && <Loading />}
      {policy.error && <ErrorAlert error={policy.error} />}
      {policy.data && <AccessPolicyTable policy={policy.data} />}
    </>
  );
}
