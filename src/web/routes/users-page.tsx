import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../components/error-alert.tsx";
import { Loading } from "../components/loading.tsx";
import { PageHeader } from "../components/page-header.tsx";
import { useSession } from "../features/access/session-api.ts";
import { UserForm } from "../features/access/user-form.tsx";
import { useUsers } from "../features/access/users-api.ts";
import { UsersTable } from "../features/access/users-table.tsx";

export function UsersPage() {
  const { t } = useTranslation();
  const users = useUsers();
  const { data: session } = useSession();
  const active = session?.active;
  return (
    <>
      <PageHeader title={t("users.title")} crumbs={[{ label: t("nav.home"), to: "/" }]}>
        <p>{t("access.people.intro")}</p>
      </PageHeader>
      {users.isPending && <Loading />}
      {users.error && <ErrorAlert error={users.error} />}
      {users.data && active && (
        <UsersTable
          users={users.data}
          isRegionAdmin={active.role === "region-admin"}
          currentUserId={session.user.id}
        />
      )}
      {active && (
        <section className="mt-5">
          <UserForm active={active} />
        </section>
      )}
    </>
  );
}
