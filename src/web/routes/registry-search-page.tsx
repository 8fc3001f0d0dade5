import { useTranslation } from "react-i18next";
import { PageHeader } from "../components/page-header.tsx";
import { can } from "../features/access/permissions.ts";
import { useSession } from "../features/access/session-api.ts";
import { OpenCaseForm } from "../features/cases/open-case-form.tsx";
import { LookupForm } from "../features/registry/lookup-form.tsx";
import { LookupResultView } from "../features/registry/lookup-result.tsx";
import { useLookUpMinor } from "../features/registry/registry-api.ts";

/** Exact search in the registry of minors, with a declared purpose; nothing of it enters the URL. */
export function RegistrySearchPage() {
  const { t } = useTranslation();
  const lookup = useLookUpMinor();
  const { data: session } = useSession();
  const found = lookup.data?.found ? lookup.data.minor : null;
  return (
    <>
      <PageHeader title={t("registry.search.title")} crumbs={[{ label: t("nav.home"), to: "/" }]}>
        <p>{t("registry.search.intro")}</p>
      </PageHeader>
      <LookupForm
        onSearch={(input) => {
          lookup.reset();
          return lookup.mutateAsync(input);
        }}
        isSearching={lookup.isPending}
      />
      {lookup.data && <LookupResultView key={lookup.submittedAt} result={lookup.data} />}
      {found && can(session?.active, "case.open") && (
        <OpenCaseForm key={lookup.submittedAt} pseudonym={found.pseudonym} />
      )}
    </>
  );
}
