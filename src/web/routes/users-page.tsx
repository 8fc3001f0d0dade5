import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../components/error-alert.tsx";
import { Loading } from "../components/loading.tsx";
import { PageHeader } from "../components/page-header.tsx";
import { UserForm } from "../features/access/user-form.tsx";
import { useUsers } from "../features/access/users-api.ts";
import { UsersTable } from "../features/access/users-table.tsx";

export function UsersPage() {
  const { t } = useTranslation();
  const users = useUsers();
  return (
    <>
      <PageHeader title={t("users.title")} crumbs={[{ label: t("nav.home"), to: "/" }]} />
      {users.isPending && <Loading />}
      {users.error && <ErrorAlert error={users.error} />}
      {users.data && <UsersTable users={users.data} />}
      <section className="mt-5">
        <UserForm />
      </section>
    </>
  );
}
