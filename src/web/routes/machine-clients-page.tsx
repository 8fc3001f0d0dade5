import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../components/error-alert.tsx";
import { Loading } from "../components/loading.tsx";
import { PageHeader } from "../components/page-header.tsx";
import { canWithin } from "../features/access/permissions.ts";
import { useSession } from "../features/access/session-api.ts";
import { MachineClientForm } from "../features/machine-clients/client-form.tsx";
import { useMachineClients } from "../features/machine-clients/clients-api.ts";
import { MachineClientsTable } from "../features/machine-clients/clients-table.tsx";

export function MachineClientsPage() {
  const { t } = useTranslation();
  const clients = useMachineClients();
  const { data: session } = useSession();
  // A structure manager's software writes structures; a service manager's, the service's cases.
  const forStructures = canWithin(session?.active, "machine-client.manage", ["own-structures"]);
  return (
    <>
      <PageHeader title={t("clients.title")} crumbs={[{ label: t("nav.home"), to: "/" }]} />
      <p className="lead">{forStructures ? t("clients.intro") : t("clients.introService")}</p>
      <p>
        <a href="/api/docs">{t("clients.docsLink")}</a>
      </p>
      <section aria-labelledby="clients-list-heading" className="mt-4">
        <h2 id="clients-list-heading" className="h4">
          {t("clients.listHeading")}
        </h2>
        {clients.isPending && <Loading />}
        {clients.error && <ErrorAlert error={clients.error} />}
        {clients.data && <MachineClientsTable clients={clients.data} forStructures={forStructures} />}
      </section>
      <section className="mt-5">
        <MachineClientForm forStructures={forStructures} />
      </section>
    </>
  );
}
