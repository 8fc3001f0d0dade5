import { useTranslation } from "react-i18next";
import { Navigate, useNavigate } from "react-router";
import { ErrorAlert } from "../components/error-alert.tsx";
import { Loading } from "../components/loading.tsx";
import { PageHeader } from "../components/page-header.tsx";
import { membershipLabel } from "../components/user-zone.tsx";
import { useChooseMembership, useSession } from "../features/access/session-api.ts";

export function ChooseRolePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: session, isPending } = useSession();
  const choose = useChooseMembership();

  if (isPending) return <Loading />;
  if (!session) return <Navigate to="/accesso" replace />;

  return (
    <>
      <PageHeader title={t("chooseRole.title")}>
        <p>{t("chooseRole.intro")}</p>
      </PageHeader>
      {choose.error && <ErrorAlert error={choose.error} />}
      {session.memberships.length === 0 ? (
        <div className="alert alert-warning" role="alert">
          {t("chooseRole.none")}
        </div>
      ) : (
        <ul className="list-unstyled d-grid gap-3">
          {session.memberships.map((membership) => (
            <li key={membership.membershipId}>
              <button
                type="button"
                className="btn btn-outline-primary text-start w-100"
                disabled={choose.isPending}
                aria-current={membership.membershipId === session.active?.membershipId ? "true" : undefined}
                onClick={() => choose.mutate(membership.membershipId, { onSuccess: () => navigate("/") })}
              >
                {membershipLabel(membership)}
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
