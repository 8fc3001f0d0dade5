import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../components/error-alert.tsx";
import { Loading } from "../components/loading.tsx";
import { PageHeader } from "../components/page-header.tsx";
import { DuplicatePair } from "../features/registry/duplicate-pair.tsx";
import { MergesTable } from "../features/registry/merges-table.tsx";
import { useDuplicateReviews, useMinorMerges } from "../features/registry/registry-api.ts";
import type { DecidedReview } from "../features/registry/review-decision.tsx";

/** The steward's desk: pairs to decide, then the merges made, which can be undone. */
export function DuplicatesPage() {
  const { t } = useTranslation();
  const reviews = useDuplicateReviews();
  const merges = useMinorMerges();
  const [outcome, setOutcome] = useState<string | null>(null);

  const onDecided = ({ outcome: decided }: DecidedReview) =>
    setOutcome(
      decided.state === "merged"
        ? t("registry.duplicates.merged", { survivor: decided.survivor ?? "" })
        : t("registry.duplicates.markedDifferent"),
    );

  return (
    <>
      <PageHeader title={t("registry.duplicates.title")} crumbs={[{ label: t("nav.home"), to: "/" }]}>
        <p>{t("registry.duplicates.intro")}</p>
      </PageHeader>
      <div aria-live="polite">
        {outcome && (
          <div className="alert alert-success" id="registry-outcome">
            {outcome}
          </div>
        )}
      </div>
      <section aria-labelledby="pending-pairs-heading" className="mb-5">
        <h2 id="pending-pairs-heading" className="h3 mb-3">
          {t("registry.duplicates.pendingHeading")}
        </h2>
        {reviews.isPending && <Loading />}
        {reviews.error && <ErrorAlert error={reviews.error} />}
        {reviews.data?.length === 0 && <p>{t("registry.duplicates.empty")}</p>}
        {reviews.data && reviews.data.length > 0 && (
          <ul className="list-unstyled">
            {reviews.data.map((review) => (
              <li key={review.id} className="mb-4">
                <DuplicatePair review={review} onDecided={onDecided} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="merges-heading">
        <h2 id="merges-heading" className="h3 mb-3">
          {t("registry.merges.heading")}
        </h2>
        {merges.isPending && <Loading />}
        {merges.error && <ErrorAlert error={merges.error} />}
        {merges.data?.length === 0 && <p>{t("registry.merges.empty")}</p>}
        {merges.data && merges.data.length > 0 && (
          <MergesTable
            merges={merges.data}
            onUndone={(merge) =>
              setOutcome(t("registry.merges.undone", { survivor: merge.survivor, merged: merge.merged }))
            }
          />
        )}
      </section>
    </>
  );
}
