import { useTranslation } from "react-i18next";
import { isApiError } from "../api/client.ts";

export function useErrorMessage() {
  const { t } = useTranslation();
  return (error: unknown): string => {
    if (!isApiError(error)) return t("errors.generic");
    if (error.code === "network-error") return t("errors.network");
    if (error.detail) return error.detail;
    if (error.status === 404) return t("errors.notFound");
    if (error.status === 403) return t("errors.forbidden");
    return t("errors.generic");
  };
}

export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  const { t } = useTranslation();
  const messageOf = useErrorMessage();
  return (
    <div className="alert alert-danger" role="alert">
      <p className="fw-semibold mb-1">{title ?? t("errors.title")}</p>
      <p className="mb-0">{messageOf(error)}</p>
    </div>
  );
}
