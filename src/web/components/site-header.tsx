import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, NavLink } from "react-router";
import { areasFor, can } from "../features/access/permissions.ts";
import { useSession } from "../features/access/session-api.ts";
import { useUnreadNotifications } from "../features/cases/cases-api.ts";
import { useSettings } from "../features/settings/settings-api.ts";
import { UserZone } from "./user-zone.tsx";

function MenuIcon() {
  return (
    <svg className="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d="M3 5h18v2H3zm0 6h18v2H3zm0 6h18v2H3z" />
    </svg>
  );
}

function CloseIcon() {
  return (
    <svg className="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d="M18.3 4.3 12 10.6 5.7 4.3 4.3 5.7 10.6 12l-6.3 6.3 1.4 1.4 6.3-6.3 6.3 6.3 1.4-1.4-6.3-6.3 6.3-6.3z" />
    </svg>
  );
}

export function SiteHeader() {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const settings = useSettings().data;
  const regionName = settings?.regionName;
  const [isMenuOpen, setMenuOpen] = useState(false);
  useEffect(() => {
    if (!isMenuOpen) return;
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key === "Escape") setMenuOpen(false);
    };
    document.addEventListener("keydown", closeOnEscape);
    return () => document.removeEventListener("keydown", closeOnEscape);
  }, [isMenuOpen]);
  const navigation = areasFor(session?.active);
  const unread = useUnreadNotifications(can(session?.active, "notification.read")).data ?? 0;

  return (
    <header className="it-header-wrapper">
      <div className="it-header-slim-wrapper">
        <div className="container">
          <div className="row">
            <div className="col-12">
              <div className="it-header-slim-wrapper-content flex-wrap gap-2 py-2">
                {settings?.regionWebsite ? (
                  <a
                    className="fw-semibold text-white"
                    id="region-name"
                    href={settings.regionWebsite}
                    aria-label={t("legal.regionWebsite", { regionName: regionName ?? "" })}
                  >
                    {regionName}
                  </a>
                ) : (
                  <span className="fw-semibold text-white" id="region-name">
                    {regionName ?? ""}
                  </span>
                )}
                <UserZone />
              </div>
            </div>
          </div>
        </div>
      </div>
      <div className="it-nav-wrapper">
        <div className="it-header-center-wrapper">
          <div className="container">
            <div className="row">
              <div className="col-12">
                <div className="it-header-center-content-wrapper">
                  <div className="it-brand-wrapper">
                    <Link to="/">
                      {settings?.regionLogoUrl && (
                        <img
                          id="region-logo"
                          className="region-logo me-3"
                          src={settings.regionLogoUrl}
                          alt={t("legal.logoAlt", { regionName: regionName ?? "" })}
                        />
                      )}
                      <div className="it-brand-text">
                        <div className="it-brand-title">{t("app.name")}</div>
                        <div className="it-brand-tagline d-none d-md-block">{t("app.fullName")}</div>
                      </div>
                    </Link>
                  </div>
                </div>
              </div>
            </div>
          </div>
        </div>
        {navigation.length > 0 && (
          <div className="it-header-navbar-wrapper">
            <div className="container">
              <div className="row">
                <div className="col-12">
                  <nav className="navbar navbar-expand-lg" aria-label={t("nav.label")}>
                    <button
                      type="button"
                      className="custom-navbar-toggler"
                      aria-controls="main-navigation"
                      aria-expanded={isMenuOpen}
                      onClick={() => setMenuOpen(true)}
                    >
                      <MenuIcon />
                      <span className="visually-hidden">{t("nav.open")}</span>
                    </button>
                    <div
                      className={`navbar-collapsable${isMenuOpen ? " expanded menu-open" : ""}`}
                      id="main-navigation"
                    >
                      <div className="close-div">
                        <button type="button" className="btn close-menu" onClick={() => setMenuOpen(false)}>
                          <CloseIcon />
                          <span className="visually-hidden">{t("nav.close")}</span>
                        </button>
                      </div>
                      <div className="menu-wrapper">
                        <ul className="navbar-nav">
                          <li className="nav-item">
                            <NavLink className="nav-link" to="/" end onClick={() => setMenuOpen(false)}>
                              <span>{t("nav.home")}</span>
                            </NavLink>
                          </li>
                          {navigation.map((area) => (
                            <li className="nav-item" key={area.path}>
                              <NavLink
                                className="nav-link"
                                to={area.path}
                                end={area.path === "/strutture"}
                                onClick={() => setMenuOpen(false)}
                              >
                                <span>{t(area.navKey)}</span>
                                {area.path === "/notifiche" && unread > 0 && (
                                  <span className="badge bg-danger ms-1" id="unread-badge">
                                    {unread}
                                    <span className="visually-hidden">
                                      {` ${t("cases.inbox.badge", { count: unread })}`}
                                    </span>
                                  </span>
                                )}
                              </NavLink>
                            </li>
                          ))}
                        </ul>
                      </div>
                    </div>
                  </nav>
                </div>
              </div>
            </div>
          </div>
        )}
      </div>
    </header>
  );
}
