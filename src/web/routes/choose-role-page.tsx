import { useTranslation } from "react-i18next";
import { Navigate, useNavigate } from "react-router";
import { ErrorAlert } from "../components/error-alert.tsx";
import { Loading } from "../components/loading.tsx";
import { PageHeader } from "../components/page-header.tsx";
import { membershipLabel } from "../components/user-zone.tsx";
import { nextPathOf } from "../features/access/login-steps-api.ts";
import { useChooseMembership, useSession } from "../features/access/session-api.ts";

export function ChooseRolePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: session, isPending } = useSession();
  const choose = useChooseMembership();

  if (isPending) return <Loading />;
  if (!session) return <Navigate to="/accesso" replace />;
  if (session.pendingStep) return <Navigate to={nextPathOf(session)} replace />;
  const someUnavailable = session.memberships.some((membership) => !membership.available);

  return (
    <>
      <PageHeader title={t("chooseRole.title")}>
        <p>{t("chooseRole.intro")}</p>
      </PageHeader>
      {choose.error && <ErrorAlert error={choose.error} />}
      {someUnavailable && (
        <div className="alert alert-info" role="status">
          {t("access.chooseRole.levelNote")}
        </div>
      )}
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
                disabled={choose.isPending || !membership.available}
                aria-describedby={membership.available ? undefined : `unavailable-${membership.membershipId}`}
                aria-current={membership.membershipId === session.active?.membershipId ? "true" : undefined}
                onClick={() => choose.mutate(membership.membershipId, { onSuccess: () => navigate("/") })}
              >
                {membershipLabel(membership)}
              </button>
              {!membership.available && (
                <p className="small mt-1 mb-0" id={`unavailable-${membership.membershipId}`}>
                  {t("access.chooseRole.unavailable", {
                    level: session.authenticationLevel,
                    required: session.requiredLevelForIdentityRoles,
                  })}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
