import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useLocation, useNavigate, useSearchParams } from "react-router";
import { ErrorAlert } from "../components/error-alert.tsx";
import { TextField } from "../components/form-fields.tsx";
import { Loading } from "../components/loading.tsx";
import { PageHeader } from "../components/page-header.tsx";
import { nextPathOf, useSignInMethods } from "../features/access/login-steps-api.ts";
import { useLogIn, useSession } from "../features/access/session-api.ts";

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const [search] = useSearchParams();
  const from = (location.state as { from?: string } | null)?.from ?? "/";
  const { data: session, isPending } = useSession();
  const methods = useSignInMethods();
  const logIn = useLogIn();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [missing, setMissing] = useState<{ username?: boolean; password?: boolean }>({});

  if (isPending || methods.isPending) return <Loading />;
  if (session && !logIn.isPending && (session.active || session.pendingStep))
    return <Navigate to={nextPathOf(session, from)} replace />;
  const offersProvider = methods.data?.provider ?? false;
  const offersLocal = methods.data?.localAccounts ?? true;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const nowMissing = { username: username.trim() === "", password: password === "" };
    setMissing(nowMissing);
    if (nowMissing.username || nowMissing.password) return;
    logIn.mutate(
      { username: username.trim(), password },
      { onSuccess: (created) => navigate(nextPathOf(created, from), { replace: true }) },
    );
  };

  return (
    <div className="row justify-content-center">
      <div className="col-12 col-md-8 col-lg-6">
        <PageHeader title={t("login.title")}>
          <p>{t("login.intro")}</p>
        </PageHeader>
        {search.get("uscita") === "provider" && (
          <div className="alert alert-info" role="status">
            {t("access.provider.loggedOut")}
          </div>
        )}
        {offersProvider && (
          <section aria-labelledby="provider-heading" className="mt-4">
            <h2 id="provider-heading" className="h4">
              {t("access.provider.heading")}
            </h2>
            <p>{t("access.provider.intro")}</p>
            <a className="btn btn-primary" href="/api/v1/session/oidc">
              {t("access.provider.button")}
            </a>
          </section>
        )}
        {offersLocal && (
          <section aria-labelledby="local-heading" className="mt-5">
            {offersProvider && (
              <h2 id="local-heading" className="h4">
                {t("access.provider.localHeading")}
              </h2>
            )}
            {logIn.error && <ErrorAlert error={logIn.error} title={t("login.failed")} />}
            <form
              onSubmit={onSubmit}
              noValidate
              className="mt-4"
              aria-labelledby={offersProvider ? "local-heading" : undefined}
            >
              <TextField
                id="login-username"
                label={t("login.username")}
                autoComplete="username"
                value={username}
                onChange={(event) => setUsername(event.target.value)}
                error={missing.username ? t("login.required") : undefined}
                required
              />
              <TextField
                id="login-password"
                label={t("login.password")}
                type="password"
                autoComplete="current-password"
                value={password}
                onChange={(event) => setPassword(event.target.value)}
                error={missing.password ? t("login.required") : undefined}
                required
              />
              <button
                type="submit"
                className={`btn ${offersProvider ? "btn-outline-primary" : "btn-primary"}`}
                disabled={logIn.isPending}
              >
                {t("login.submit")}
              </button>
            </form>
          </section>
        )}
      </div>
    </div>
  );
}
