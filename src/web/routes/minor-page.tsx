import { Badge } from "design-react-kit";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { isApiError } from "../api/client.ts";
import { ErrorAlert } from "../components/error-alert.tsx";
import { Loading } from "../components/loading.tsx";
import { PageHeader } from "../components/page-header.tsx";
import { canWithin } from "../features/access/permissions.ts";
import { useSession } from "../features/access/session-api.ts";
import { countryName, formatYearMonth, sexLabel } from "../features/registry/identity-labels.ts";
import { Entry } from "../features/registry/identity-values.tsx";
import { useMinor } from "../features/registry/registry-api.ts";
import { ComuneName } from "../features/structures/record-values.tsx";
import { NotFoundPage } from "./not-found-page.tsx";

/** The pseudonymous record of a minor: nothing that identifies the child. */
export function MinorPage() {
  const { t } = useTranslation();
  const { pseudonym = "" } = useParams();
  const { data: session } = useSession();
  const minor = useMinor(pseudonym);
  const crumbs = [{ label: t("nav.home"), to: "/" }];
  if (canWithin(session?.active, "registry.read", ["pseudonymous"])) {
    crumbs.push({ label: t("nav.minors"), to: "/anagrafe/minori" });
  } else if (canWithin(session?.active, "registry.review", ["review-queue"])) {
    crumbs.push({ label: t("nav.duplicates"), to: "/anagrafe/duplicati" });
  }

  if (minor.isPending) return <Loading />;
  if (isApiError(minor.error) && (minor.error.status === 404 || minor.error.status === 400)) {
    return <NotFoundPage text={t("registry.minor.notFound")} />;
  }
  if (minor.error) {
    return (
      <>
        <PageHeader title={t("registry.minor.title")} crumbs={crumbs} />
        <ErrorAlert error={minor.error} />
      </>
    );
  }
  const data = minor.data;
  const notKnown = t("registry.values.notKnown");
  return (
    <>
      <PageHeader title={`${t("registry.minor.title")} ${data.pseudonym}`} crumbs={crumbs}>
        <p>{t("registry.minor.intro")}</p>
        {data.isPossibleDuplicate && (
          <p>
            <Badge color="warning" id="possible-duplicate">
              {t("registry.minor.possibleDuplicate")}
            </Badge>
          </p>
        )}
      </PageHeader>
      <dl className="row record-view" id="minor-record">
        <Entry label={t("registry.fields.pseudonym")}>{data.pseudonym}</Entry>
        <Entry label={t("registry.fields.sex")}>{sexLabel(data.sex)}</Entry>
        <Entry label={t("registry.fields.birthYearMonth")}>
          {data.birthYearMonth ? formatYearMonth(data.birthYearMonth) : notKnown}
        </Entry>
        <Entry label={t("registry.fields.citizenship")}>
          {data.citizenship ? countryName(data.citizenship) : notKnown}
        </Entry>
        <Entry label={t("registry.fields.residenceComune")}>
          {data.residenceComune ? <ComuneName code={data.residenceComune} /> : notKnown}
        </Entry>
      </dl>
    </>
  );
}
