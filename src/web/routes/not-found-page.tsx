import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { PageHeader } from "../components/page-header.tsx";

export function NotFoundPage({ text }: { text?: string }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t("notFound.title")} />
      <p>{text ?? t("notFound.text")}</p>
      <Link to="/">{t("notFound.home")}</Link>
    </>
  );
}
