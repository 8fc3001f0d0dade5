import { useTranslation } from "react-i18next";
import { Navigate, useNavigate } from "react-router";
import { ErrorAlert } from "../components/error-alert.tsx";
import { Loading } from "../components/loading.tsx";
import { PageHeader } from "../components/page-header.tsx";
import { useSession } from "../features/access/session-api.ts";
import { useStructureChoices } from "../features/stays/stays-api.ts";
import { StructureSwitcher } from "../features/stays/structure-switcher.tsx";

/**
 * "Ospiti" from the menu: an operator bound to a structure goes straight to it; a role with
 * several structures chooses one, and the choice becomes the page's address.
 */
export function GuestsChoosePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: session } = useSession();
  const own = session?.active?.structureId ?? null;
  const choices = useStructureChoices();
  if (own) return <Navigate to={`/ospiti/${own}`} replace />;
  if (choices.data?.length === 1) return <Navigate to={`/ospiti/${choices.data[0].id}`} replace />;
  return (
    <>
      <PageHeader title={t("stays.choose.title")} crumbs={[{ label: t("nav.home"), to: "/" }]}>
        <p>{t("stays.choose.intro")}</p>
      </PageHeader>
      {choices.isPending && <Loading />}
      {choices.error && <ErrorAlert error={choices.error} />}
      {choices.data?.length === 0 && <p>{t("stays.choose.none")}</p>}
      {choices.data && choices.data.length > 1 && (
        <StructureSwitcher
          choices={choices.data}
          value=""
          onChoose={(structureId) => navigate(`/ospiti/${structureId}`)}
          submitLabel={t("stays.choose.submit")}
        />
      )}
    </>
  );
}
