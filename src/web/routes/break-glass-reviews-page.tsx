import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ReviewListPage } from "../components/review-list-page.tsx";
import {
  type BreakGlassReviewItem,
  type ReviewFilter,
  useBreakGlassReviews,
} from "../features/break-glass/break-glass-api.ts";
import { BreakGlassDecisionForm } from "../features/break-glass/break-glass-decision.tsx";
import { ReviewTable } from "../features/break-glass/break-glass-tables.tsx";

const filters = ["pending", "accepted", "questioned", "all"] as const satisfies readonly ReviewFilter[];

/** The auditor's review of emergency accesses. */
export function BreakGlassReviewsPage() {
  const { t } = useTranslation();
  const [state, setState] = useState<ReviewFilter>("pending");
  const [deciding, setDeciding] = useState<BreakGlassReviewItem | null>(null);
  const reviews = useBreakGlassReviews(state);
  return (
    <ReviewListPage
      title={t("breakGlass.reviews.title")}
      intro={t("breakGlass.reviews.intro")}
      filterId="break-glass-filter"
      filterLabel={t("breakGlass.reviews.filter")}
      filters={filters.map((value) => ({ value, label: t(`breakGlass.reviews.filters.${value}`) }))}
      filter={state}
      onFilter={setState}
      reviews={reviews}
      above={deciding && <BreakGlassDecisionForm item={deciding} onDone={() => setDeciding(null)} />}
    >
      {(items) => <ReviewTable items={items} onDecide={setDeciding} />}
    </ReviewListPage>
  );
}
