import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useLocation, useNavigate } from "react-router";
import { ErrorAlert } from "../components/error-alert.tsx";
import { TextField } from "../components/form-fields.tsx";
import { Loading } from "../components/loading.tsx";
import { PageHeader } from "../components/page-header.tsx";
import { useLogIn, useSession } from "../features/access/session-api.ts";

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from ?? "/";
  const { data: session, isPending } = useSession();
  const logIn = useLogIn();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [missing, setMissing] = useState<{ username?: boolean; password?: boolean }>({});

  if (isPending) return <Loading />;
  if (session?.active && !logIn.isPending) return <Navigate to={from} replace />;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const nowMissing = { username: username.trim() === "", password: password === "" };
    setMissing(nowMissing);
    if (nowMissing.username || nowMissing.password) return;
    logIn.mutate(
      { username: username.trim(), password },
      {
        onSuccess: (created) => navigate(created.active ? from : "/scegli-ruolo", { replace: true }),
      },
    );
  };

  return (
    <div className="row justify-content-center">
      <div className="col-12 col-md-8 col-lg-6">
        <PageHeader title={t("login.title")}>
          <p>{t("login.intro")}</p>
        </PageHeader>
        {logIn.error && <ErrorAlert error={logIn.error} title={t("login.failed")} />}
        <form onSubmit={onSubmit} noValidate className="mt-5">
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
          <button type="submit" className="btn btn-primary" disabled={logIn.isPending}>
            {t("login.submit")}
          </button>
        </form>
      </div>
    </div>
  );
}
