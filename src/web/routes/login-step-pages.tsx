import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useNavigate } from "react-router";
import { renderSVG } from "uqr";
import { sessionQueryKey } from "../api/query-client.ts";
import { ErrorAlert } from "../components/error-alert.tsx";
import { TextField } from "../components/form-fields.tsx";
import { Loading } from "../components/loading.tsx";
import { PageHeader } from "../components/page-header.tsx";
import {
  nextPathOf,
  useChangePassword,
  useConfirmEnrolment,
  useStartEnrolment,
  useSubmitSecondFactor,
} from "../features/access/login-steps-api.ts";
import { type Session, useSession } from "../features/access/session-api.ts";

/** A page of one login step: only for a session that owes exactly that step. */
function StepGate({
  step,
  children,
}: {
  step: NonNullable<Session["pendingStep"]>;
  children: (session: Session) => ReactNode;
}) {
  const { data: session, isPending } = useSession();
  if (isPending) return <Loading />;
  if (!session) return <Navigate to="/accesso" replace />;
  if (session.pendingStep !== step) return <Navigate to={nextPathOf(session)} replace />;
  return (
    <div className="row justify-content-center">
      <div className="col-12 col-md-8 col-lg-6">{children(session)}</div>
    </div>
  );
}

export function SecondFactorPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const submit = useSubmitSecondFactor();
  const [code, setCode] = useState("");
  const [missing, setMissing] = useState(false);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setMissing(code.trim() === "");
    if (code.trim() === "") return;
    submit.mutate(code.trim(), { onSuccess: (session) => navigate(nextPathOf(session), { replace: true }) });
  };
  return (
    <StepGate step="second-factor">
      {() => (
        <>
          <PageHeader title={t("access.secondFactor.title")}>
            <p>{t("access.secondFactor.intro")}</p>
          </PageHeader>
          {submit.error && <ErrorAlert error={submit.error} title={t("access.secondFactor.failed")} />}
          <form onSubmit={onSubmit} noValidate className="mt-4">
            <TextField
              id="second-factor-code"
              label={t("access.secondFactor.code")}
              autoComplete="one-time-code"
              inputMode="text"
              value={code}
              onChange={(event) => setCode(event.target.value)}
              error={missing ? t("login.required") : undefined}
              required
            />
            <button type="submit" className="btn btn-primary" disabled={submit.isPending}>
              {t("access.secondFactor.submit")}
            </button>
          </form>
        </>
      )}
    </StepGate>
  );
}

export function PasswordChangePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const change = useChangePassword();
  const [values, setValues] = useState({ current: "", next: "", repeat: "" });
  const [errors, setErrors] = useState<Partial<Record<"current" | "next" | "repeat", string>>>({});
  const set = (key: keyof typeof values, value: string) => setValues((old) => ({ ...old, [key]: value }));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found: typeof errors = {};
    for (const key of ["current", "next", "repeat"] as const)
      if (!values[key]) found[key] = t("login.required");
    if (!found.repeat && values.next !== values.repeat) found.repeat = t("access.passwordChange.mismatch");
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    change.mutate(
      { currentPassword: values.current, newPassword: values.next },
      { onSuccess: (session) => navigate(nextPathOf(session), { replace: true }) },
    );
  };
  return (
    <StepGate step="password-change">
      {() => (
        <>
          <PageHeader title={t("access.passwordChange.title")}>
            <p>{t("access.passwordChange.intro")}</p>
          </PageHeader>
          {change.error && <ErrorAlert error={change.error} title={t("access.passwordChange.failed")} />}
          <form onSubmit={onSubmit} noValidate className="mt-4">
            <TextField
              id="password-current"
              type="password"
              autoComplete="current-password"
              label={t("access.passwordChange.current")}
              value={values.current}
              onChange={(event) => set("current", event.target.value)}
              error={errors.current}
              required
            />
            <TextField
              id="password-next"
              type="password"
              autoComplete="new-password"
              label={t("access.passwordChange.next")}
              hint={t("access.passwordChange.rules")}
              value={values.next}
              onChange={(event) => set("next", event.target.value)}
              error={errors.next}
              required
            />
            <TextField
              id="password-repeat"
              type="password"
              autoComplete="new-password"
              label={t("access.passwordChange.repeat")}
              value={values.repeat}
              onChange={(event) => set("repeat", event.target.value)}
              error={errors.repeat}
              required
            />
            <button type="submit" className="btn btn-primary" disabled={change.isPending}>
              {t("access.passwordChange.submit")}
            </button>
          </form>
        </>
      )}
    </StepGate>
  );
}

export function SecondFactorEnrolmentPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const start = useStartEnrolment();
  const confirm = useConfirmEnrolment();
  const [code, setCode] = useState("");
  const [missing, setMissing] = useState(false);
  const [recovery, setRecovery] = useState<{ codes: string[]; session: Session } | null>(null);
  if (recovery) {
    return (
      <div className="row justify-content-center">
        <div className="col-12 col-md-8 col-lg-6">
          <PageHeader title={t("access.enrolment.recoveryTitle")}>
            <p>{t("access.enrolment.recoveryIntro")}</p>
          </PageHeader>
          <ul className="list-unstyled font-monospace fs-5" id="recovery-codes">
            {recovery.codes.map((entry) => (
              <li key={entry}>{entry}</li>
            ))}
          </ul>
          <button
            type="button"
            className="btn btn-primary mt-3"
            onClick={() => {
              queryClient.setQueryData(sessionQueryKey, recovery.session);
              navigate(nextPathOf(recovery.session), { replace: true });
            }}
          >
            {t("access.enrolment.continue")}
          </button>
        </div>
      </div>
    );
  }
  const onConfirm = (event: FormEvent) => {
    event.preventDefault();
    setMissing(code.trim() === "");
    if (code.trim() === "") return;
    confirm.mutate(code.trim(), {
      onSuccess: (result) => setRecovery({ codes: result.recoveryCodes, session: result.session }),
    });
  };
  return (
    <StepGate step="second-factor-enrolment">
      {() => (
        <>
          <PageHeader title={t("access.enrolment.title")}>
            <p>{t("access.enrolment.intro")}</p>
          </PageHeader>
          {start.error && <ErrorAlert error={start.error} />}
          {!start.data ? (
            <button
              type="button"
              className="btn btn-primary"
              disabled={start.isPending}
              onClick={() => start.mutate()}
            >
              {t("access.enrolment.start")}
            </button>
          ) : (
            <>
              <img
                className="d-block my-3"
                width={220}
                height={220}
                alt={t("access.enrolment.qrAlt")}
                src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(renderSVG(start.data.otpauthUri))}`}
              />
              <p>{t("access.enrolment.manual")}</p>
              <p className="font-monospace fs-5" id="totp-secret">
                {start.data.secret}
              </p>
              {confirm.error && <ErrorAlert error={confirm.error} title={t("access.enrolment.failed")} />}
              <form onSubmit={onConfirm} noValidate className="mt-4">
                <TextField
                  id="enrolment-code"
                  label={t("access.enrolment.code")}
                  autoComplete="one-time-code"
                  inputMode="numeric"
                  value={code}
                  onChange={(event) => setCode(event.target.value)}
                  error={missing ? t("login.required") : undefined}
                  required
                />
                <button type="submit" className="btn btn-primary" disabled={confirm.isPending}>
                  {t("access.enrolment.confirm")}
                </button>
              </form>
            </>
          )}
        </>
      )}
    </StepGate>
  );
}
