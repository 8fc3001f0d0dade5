import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useSettings } from "../features/settings/settings-api.ts";
import { ContactLink, legalPaths } from "./contact-link.tsx";

export function SiteFooter() {
  const { t } = useTranslation();
  const settings = useSettings().data;
  const regionName = settings?.regionName;
  const links = [
    { to: legalPaths.accessibility, label: t("legal.links.accessibility") },
    { to: legalPaths.privacy, label: t("legal.links.privacy") },
    { to: legalPaths.legalNotes, label: t("legal.links.legalNotes") },
    { to: legalPaths.help, label: t("legal.links.help") },
    { to: "/protocollo-accesso", label: t("nav.protocol") },
  ];
  return (
    <footer className="it-footer mt-5">
      <div className="it-footer-main py-4">
        <div className="container">
          <p className="fw-semibold mb-1">
            {regionName ? `${regionName} – ${t("app.name")}` : t("app.name")}
          </p>
          <p className="mb-2">{t("app.footerText")}</p>
          <p className="mb-2" id="footer-help">
            {t("legal.links.help")}: <ContactLink contact={settings?.helpContact} />
          </p>
          <nav aria-label={t("app.footerNavigation")}>
            <ul className="list-inline mb-0 footer-links">
              {links.map((link) => (
                <li key={link.to} className="list-inline-item">
                  <Link to={link.to}>{link.label}</Link>
                </li>
              ))}
            </ul>
          </nav>
        </div>
      </div>
    </footer>
  );
}
