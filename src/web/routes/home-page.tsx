import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { roleLabels } from "../../domain/access/roles.ts";
import { PageHeader } from "../components/page-header.tsx";
import { areasFor, can } from "../features/access/permissions.ts";
import { useSession } from "../features/access/session-api.ts";
import { useUnreadNotifications } from "../features/cases/cases-api.ts";

export function HomePage() {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const active = session?.active;
  const unread = useUnreadNotifications(can(active, "notification.read")).data ?? 0;
  if (!session || !active) return null;
  return (
    <>
      <PageHeader title={t("home.title")}>
        <p className="lead">{t("home.welcome", { name: session.user.displayName })}</p>
        <p>{t("home.intro", { role: roleLabels[active.role], organisation: active.organisationName })}</p>
      </PageHeader>
      {unread > 0 && (
        <p className="alert alert-warning" id="home-unread">
          <Link to="/notifiche">{t("cases.inbox.homeUnread", { count: unread })}</Link>
        </p>
      )}
      <h2 className="h4 mb-3">{t("home.areas")}</h2>
      <ul className="row list-unstyled g-4">
        {areasFor(active).map((area) => (
          <li key={area.path} className="col-12 col-md-6 col-lg-4">
            <div className="card card-bg shadow-sm h-100">
              <div className="card-body">
                <h3 className="card-title h5">
                  <Link to={area.path}>{t(area.navKey)}</Link>
                </h3>
                <p className="card-text">{t(area.descriptionKey)}</p>
              </div>
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
