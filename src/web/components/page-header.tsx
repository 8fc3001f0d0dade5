import { type ReactNode, useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

export type Crumb = { label: string; to?: string };

export function useDocumentTitle(title: string) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} – ${t("app.titleSuffix")}`;
  }, [title, t]);
}

/** The page's breadcrumb, its only h1 and the document title. */
export function PageHeader({
  title,
  crumbs = [],
  children,
}: {
  title: string;
  crumbs?: Crumb[];
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  useDocumentTitle(title);
  return (
    <div className="mb-4">
      {crumbs.length > 0 && (
        <nav className="breadcrumb-container" aria-label={t("common.breadcrumb")}>
          <ol className="breadcrumb">
            {crumbs.map((crumb) => (
              <li key={crumb.label} className="breadcrumb-item">
                {crumb.to ? <Link to={crumb.to}>{crumb.label}</Link> : crumb.label}
                <span className="separator" aria-hidden="true">
                  /
                </span>
              </li>
            ))}
            <li className="breadcrumb-item active" aria-current="page">
              {title}
            </li>
          </ol>
        </nav>
      )}
      <h1 className="h2">{title}</h1>
      {children}
    </div>
  );
}
