import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useRegionName } from "../features/settings/settings-api.ts";

export function SiteFooter() {
  const { t } = useTranslation();
  const regionName = useRegionName();
  return (
    <footer className="it-footer mt-5">
      <div className="it-footer-main py-4">
        <div className="container">
          <p className="fw-semibold mb-1">
            {regionName ? `${regionName} – ${t("app.name")}` : t("app.name")}
          </p>
          <p className="mb-2">{t("app.footerText")}</p>
          <nav aria-label={t("app.footerNavigation")}>
            <ul className="list-inline mb-0">
              <li className="list-inline-item">
                <Link to="/protocollo-accesso">{t("nav.protocol")}</Link>
              </li>
            </ul>
          </nav>
        </div>
      </div>
    </footer>
  );
}
