import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { type SignInRefusal, signInRefusalCodes } from "../../domain/access/sign-in-outcomes.ts";
import { PageHeader } from "../components/page-header.tsx";

/** Where the provider's answer lands when it is refused: the reason in Italian, never a server error. */
export function SignInRefusalPage() {
  const { t } = useTranslation();
  const [search] = useSearchParams();
  const given = search.get("motivo") ?? "";
  const reason = (signInRefusalCodes as string[]).includes(given) ? (given as SignInRefusal) : null;
  const title =
    reason === "user-not-enabled"
      ? t("access.refusal.notEnabledTitle")
      : reason === "level-insufficient"
        ? t("access.refusal.levelTitle")
        : t("access.refusal.title");
  return (
    <div className="row justify-content-center">
      <div className="col-12 col-md-8 col-lg-6">
        <PageHeader title={title} />
        <div className="alert alert-danger" role="alert">
          {reason ? t(`access.refusal.reasons.${reason}`) : t("access.refusal.unknown")}
        </div>
        <Link className="btn btn-primary mt-3" to="/accesso">
          {t("access.refusal.again")}
        </Link>
      </div>
    </div>
  );
}
