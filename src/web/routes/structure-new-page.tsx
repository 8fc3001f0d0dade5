import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { PageHeader } from "../components/page-header.tsx";
import { useSession } from "../features/access/session-api.ts";
import { useRegisterStructure } from "../features/structures/structure-api.ts";
import { StructureForm } from "../features/structures/structure-form.tsx";
import { newStructureValues } from "../features/structures/structure-form-model.ts";

export function StructureNewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: session } = useSession();
  const register = useRegisterStructure();
  return (
    <>
      <PageHeader
        title={t("structures.form.registerTitle")}
        crumbs={[
          { label: t("nav.home"), to: "/" },
          { label: t("nav.structures"), to: "/strutture" },
        ]}
      >
        <p>{t("structures.form.registerIntro")}</p>
      </PageHeader>
      <StructureForm
        mode="register"
        defaultValues={newStructureValues(session?.active?.organisationName ?? "")}
        onCancel={() => navigate("/strutture")}
        onSubmit={async (record) => {
          const { id } = await register.mutateAsync(record);
          navigate(`/strutture/${id}`, { state: { kind: "registered" } });
        }}
      />
    </>
  );
}
