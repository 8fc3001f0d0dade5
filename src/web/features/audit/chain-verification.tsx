import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { useVerifyAuditChain } from "./audit-api.ts";

/** Recomputes the hash chain on the server and says whether it holds, or where it breaks. */
export function ChainVerification() {
  const { t } = useTranslation();
  const verify = useVerifyAuditChain();
  const result = verify.data;
  return (
    <section className="mb-4" aria-labelledby="chain-verification-heading">
      <h2 id="chain-verification-heading" className="visually-hidden">
        {t("audit.verify")}
      </h2>
      <button
        type="button"
        className="btn btn-outline-primary"
        onClick={() => verify.mutate()}
        disabled={verify.isPending}
      >
        {verify.isPending ? t("audit.verifying") : t("audit.verify")}
      </button>
      <div aria-live="polite" className="mt-3">
        {result?.ok && (
          <div className="alert alert-success" id="chain-verification-result">
            {t("audit.verifiedOk", { count: result.checked })}
          </div>
        )}
        {result && !result.ok && (
          <div className="alert alert-danger" id="chain-verification-result">
            {t("audit.verifiedBroken", {
              sequence: result.firstBrokenSequence ?? "?",
              reason: result.reason ? t(`audit.reasons.${result.reason}`) : "",
              count: result.checked,
            })}
          </div>
        )}
      </div>
      {verify.error && <ErrorAlert error={verify.error} />}
    </section>
  );
}
