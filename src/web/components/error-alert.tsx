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

/**
 * The error's message and, when the server named fields, each problem after the field's Italian
 * label (`fieldLabels`, by the problem's path): never the path itself.
 */
export function ErrorAlert({
  error,
  title,
  fieldLabels = {},
}: {
  error: unknown;
  title?: string;
  fieldLabels?: Record<string, string>;
}) {
  const { t } = useTranslation();
  const messageOf = useErrorMessage();
  const problems = isApiError(error) ? error.problems : [];
  return (
    <div className="alert alert-danger" role="alert">
      <p className="fw-semibold mb-1">{title ?? t("errors.title")}</p>
      <p className="mb-0">{messageOf(error)}</p>
      {problems.length > 0 && (
        <ul className="mb-0 mt-2 error-problems">
          {problems.map((problem) => {
            const label = fieldLabels[problem.path];
            return (
              <li key={`${problem.path}-${problem.code}`}>
                {label ? `${label}: ${problem.message}` : problem.message}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
