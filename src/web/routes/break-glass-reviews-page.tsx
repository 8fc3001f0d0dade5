import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../components/error-alert.tsx";
import { SelectField } from "../components/form-fields.tsx";
import { Loading } from "../components/loading.tsx";
import { PageHeader } from "../components/page-header.tsx";
import {
  type BreakGlassReviewItem,
  type ReviewFilter,
  useBreakGlassReviews,
} from "../features/break-glass/break-glass-api.ts";
import { BreakGlassDecisionForm } from "../features/break-glass/break-glass-decision.tsx";
import { ReviewTable } from "../features/break-glass/break-glass-tables.tsx";

/** The auditor's review of emergency accesses. */
export function BreakGlassReviewsPage() {
  const { t } = useTranslation();
  const [state, setState] = useState<ReviewFilter>("pending");
  const [deciding, setDeciding] = useState<BreakGlassReviewItem | null>(null);
  const reviews = useBreakGlassReviews(state);
  const options = (["pending", "accepted", "questioned", "all"] as const).map((value) => ({
    value,
    label: t(`breakGlass.reviews.filters.${value}`),
  }));
  return (
    <>
      <PageHeader title={t("breakGlass.reviews.title")} crumbs={[{ label: t("nav.home"), to: "/" }]}>
        <p>{t("breakGlass.reviews.intro")}</p>
      </PageHeader>
      <div className="row mt-4">
        <div className="col-12 col-md-4">
          <SelectField
            id="break-glass-filter"
            label={t("breakGlass.reviews.filter")}
            options={options}
            value={state}
            onChange={(event) => setState(event.target.value as ReviewFilter)}
          />
        </div>
      </div>
      {deciding && <BreakGlassDecisionForm item={deciding} onDone={() => setDeciding(null)} />}
      {reviews.isPending && <Loading />}
      {reviews.error && <ErrorAlert error={reviews.error} />}
      {reviews.data && <ReviewTable items={reviews.data} onDecide={setDeciding} />}
    </>
  );
}
