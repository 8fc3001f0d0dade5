import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { ReasonForm } from "./reason-form.tsx";
import { type DuplicateReview, type ReviewOutcome, useDecideReview } from "./registry-api.ts";

export type DecidedReview = { review: DuplicateReview; outcome: ReviewOutcome };

/** "Same child: merge" or "different children", each with a required reason. */
export function ReviewDecision({
  review,
  onDecided,
}: {
  review: DuplicateReview;
  onDecided: (decided: DecidedReview) => void;
}) {
  const { t } = useTranslation();
  const decide = useDecideReview();
  const [decision, setDecision] = useState<"same" | "different" | null>(null);
  const reasonId = `review-reason-${useId().replaceAll(":", "")}`;

  // Once decided, the pair leaves the queue and this form unmounts: the promise still resolves,
  // whereas the callbacks of mutate would be dropped. A failure shows through decide.error.
  const submit = (reason: string) => {
    if (!decision) return;
    decide
      .mutateAsync({ reviewId: review.id, decision, reason })
      .then((outcome) => onDecided({ review, outcome }))
      .catch(() => {});
  };

  return (
    <div className="mt-3">
      {decide.error && <ErrorAlert error={decide.error} />}
      {decision === null ? (
        <div className="d-flex flex-wrap gap-2">
          <button type="button" className="btn btn-primary" onClick={() => setDecision("same")}>
            {t("registry.duplicates.same")}
          </button>
          <button type="button" className="btn btn-outline-primary" onClick={() => setDecision("different")}>
            {t("registry.duplicates.different")}
          </button>
        </div>
      ) : (
        <ReasonForm
          id={reasonId}
          label={t("registry.duplicates.reason")}
          submitLabel={
            decision === "same"
              ? t("registry.duplicates.confirmSame")
              : t("registry.duplicates.confirmDifferent")
          }
          submitClassName={decision === "same" ? "btn-primary" : "btn-outline-primary"}
          isPending={decide.isPending}
          onSubmit={submit}
          onCancel={() => {
            decide.reset();
            setDecision(null);
          }}
        >
          <p className="fw-semibold">
            {decision === "same" ? t("registry.duplicates.same") : t("registry.duplicates.different")}
          </p>
        </ReasonForm>
      )}
    </div>
  );
}
