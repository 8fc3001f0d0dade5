import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../components/error-alert.tsx";
import { Loading } from "../components/loading.tsx";
import { PageHeader } from "../components/page-header.tsx";
import { useEmergencyIdentity, useOwnBreakGlass } from "../features/break-glass/break-glass-api.ts";
import { BreakGlassForm } from "../features/break-glass/break-glass-form.tsx";
import { OwnAccessesTable } from "../features/break-glass/break-glass-tables.tsx";
import { IdentityView } from "../features/registry/lookup-result.tsx";

/** Break-glass for those who work with minors: open an access, read the identity, see one's accesses. */
export function BreakGlassPage() {
  const { t } = useTranslation();
  const accesses = useOwnBreakGlass();
  const identity = useEmergencyIdentity();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (identity.data) heading.current?.focus();
  }, [identity.data]);
  return (
    <>
      <PageHeader title={t("breakGlass.title")} crumbs={[{ label: t("nav.home"), to: "/" }]} />
      <div className="alert alert-warning">
        <p className="mb-0">{t("breakGlass.intro")}</p>
      </div>
      <section className="mt-4">
        <BreakGlassForm onOpened={(pseudonym) => identity.mutate(pseudonym)} />
      </section>
      <div aria-live="polite">
        {identity.error && <ErrorAlert error={identity.error} />}
        {identity.data && (
          <section aria-labelledby="emergency-identity-heading" className="mt-5 card card-bg shadow-sm">
            <div className="card-body">
              <h2 id="emergency-identity-heading" className="h4" tabIndex={-1} ref={heading}>
                {t("breakGlass.identityHeading", { pseudonym: identity.data.pseudonym })}
              </h2>
              <IdentityView identity={identity.data.identity} />
            </div>
          </section>
        )}
      </div>
      <section aria-labelledby="break-glass-list-heading" className="mt-5">
        <h2 id="break-glass-list-heading" className="h4">
          {t("breakGlass.listHeading")}
        </h2>
        {accesses.isPending && <Loading />}
        {accesses.error && <ErrorAlert error={accesses.error} />}
        {accesses.data && (
          <OwnAccessesTable accesses={accesses.data} onRead={(pseudonym) => identity.mutate(pseudonym)} />
        )}
      </section>
    </>
  );
}
