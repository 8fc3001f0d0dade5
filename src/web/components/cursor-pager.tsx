import { useTranslation } from "react-i18next";

/** Previous/next navigation for cursor-paginated lists. */
export function CursorPager({
  page,
  hasPrevious,
  hasNext,
  onPrevious,
  onNext,
  previousLabel,
  nextLabel,
}: {
  page: number;
  hasPrevious: boolean;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
  previousLabel?: string;
  nextLabel?: string;
}) {
  const { t } = useTranslation();
  if (!hasPrevious && !hasNext) return null;
  return (
    <nav className="pagination-wrapper mt-3" aria-label={t("common.pagination")}>
      <ul className="pagination align-items-center gap-2">
        <li className="page-item">
          <button
            type="button"
            className="btn btn-outline-primary btn-sm"
            disabled={!hasPrevious}
            onClick={onPrevious}
          >
            {previousLabel ?? t("common.previous")}
          </button>
        </li>
        <li className="page-item">
          <span className="px-2">{t("common.pageOf", { page })}</span>
        </li>
        <li className="page-item">
          <button
            type="button"
            className="btn btn-outline-primary btn-sm"
            disabled={!hasNext}
            onClick={onNext}
          >
            {nextLabel ?? t("common.next")}
          </button>
        </li>
      </ul>
    </nav>
  );
}
