import { useTranslation } from "react-i18next";
import { Link } from "react-router";

export function SiteFooter() {
  const { t } = useTranslation();
  return (
    <footer className="it-footer mt-5">
      <div className="it-footer-main py-4">
        <div className="container">
          <p className="fw-semibold mb-1">
            {t("app.regionName")} – {t("app.name")}
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
