import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { ErrorAlert } from "../components/error-alert.tsx";
import { Loading } from "../components/loading.tsx";
import { PageHeader } from "../components/page-header.tsx";
import type { EditOutcomeState } from "../features/structures/edit-outcome-alert.tsx";
import { useEditStructure, useStructure } from "../features/structures/structure-api.ts";
import { StructureForm } from "../features/structures/structure-form.tsx";
import { editStructureValues } from "../features/structures/structure-form-model.ts";

export function StructureEditPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id = "" } = useParams();
  const structure = useStructure(id);
  const edit = useEditStructure(id);
  const title = t("structures.form.editTitle");
  const crumbs = [
    { label: t("nav.home"), to: "/" },
    { label: t("nav.structures"), to: "/strutture" },
    ...(structure.data ? [{ label: structure.data.summary.name, to: `/strutture/${id}` }] : []),
  ];
  if (structure.isPending) return <Loading />;
  if (structure.error) {
    return (
      <>
        <PageHeader title={title} crumbs={crumbs} />
        <ErrorAlert error={structure.error} />
      </>
    );
  }
  const { record, pendingChange } = structure.data;
  return (
    <>
      <PageHeader title={title} crumbs={crumbs}>
        <p>{t("structures.form.editIntro")}</p>
      </PageHeader>
      <StructureForm
        mode="edit"
        defaultValues={editStructureValues(pendingChange?.proposed ?? record)}
        onCancel={() => navigate(`/strutture/${id}`)}
        onSubmit={async (changed) => {
          const outcome = await edit.mutateAsync(changed);
          const state: EditOutcomeState = {
            kind: "edited",
            applied: outcome.applied,
            pending: outcome.pending,
          };
          navigate(`/strutture/${id}`, { state });
        }}
      />
    </>
  );
}
