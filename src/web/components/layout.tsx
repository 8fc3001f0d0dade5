import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Outlet, useLocation } from "react-router";
import { SiteFooter } from "./site-footer.tsx";
import { SiteHeader } from "./site-header.tsx";

/** After a navigation inside the app, screen readers start again from the new page's content. */
function useFocusMainOnNavigation() {
  const { pathname } = useLocation();
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    document.getElementById("contenuto")?.focus({ preventScroll: false });
  }, [pathname]);
}

export function Layout() {
  const { t } = useTranslation();
  useFocusMainOnNavigation();
  return (
    <>
      <a className="skip-link visually-hidden-focusable" href="#contenuto">
        {t("app.skipToContent")}
      </a>
      <SiteHeader />
      <main id="contenuto" tabIndex={-1} className="container my-4">
        <Outlet />
      </main>
      <SiteFooter />
    </>
  );
}
