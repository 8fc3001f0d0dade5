import { Spinner } from "design-react-kit";
import { useTranslation } from "react-i18next";

export function Loading() {
  const { t } = useTranslation();
  return (
    <div className="d-flex align-items-center gap-3 my-4" role="status">
      <Spinner active small label={t("app.loading")} />
      <span aria-hidden="true">{t("app.loading")}</span>
    </div>
  );
}
