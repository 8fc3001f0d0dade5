import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { formatItalianDate } from "../../../domain/time/calendar.ts";
import { countryName, otherIdKindLabel, sexLabel } from "./identity-labels.ts";
import { BirthPlaceName, Entry } from "./identity-values.tsx";
import type { LookupResult, MinorIdentityView } from "./registry-api.ts";

export function IdentityView({ identity }: { identity: MinorIdentityView }) {
  const { t } = useTranslation();
  const notKnown = t("registry.values.notKnown");
  const otherIds = identity.otherIds ?? [];
  return (
    <dl className="row record-view mb-0">
      <Entry label={t("registry.fields.fiscalCode")}>{identity.fiscalCode ?? notKnown}</Entry>
      {otherIds.length > 0 && (
        <Entry label={t("registry.fields.otherIds")}>
          <ul className="list-unstyled mb-0">
            {otherIds.map((other) => (
              <li key={`${other.kind}-${other.value}`}>
                {otherIdKindLabel(other.kind)}: {other.value}
              </li>
            ))}
          </ul>
        </Entry>
      )}
      <Entry label={t("registry.fields.familyName")}>{identity.familyName ?? notKnown}</Entry>
      <Entry label={t("registry.fields.givenName")}>{identity.givenName ?? notKnown}</Entry>
      <Entry label={t("registry.fields.sex")}>{sexLabel(identity.sex)}</Entry>
      <Entry label={t("registry.fields.birthDate")}>
        {identity.birthDate ? formatItalianDate(identity.birthDate) : notKnown}
      </Entry>
      <Entry label={t("registry.fields.birthPlace")}>
        <BirthPlaceName place={identity.birthPlace} />
      </Entry>
      <Entry label={t("registry.fields.citizenship")}>
        {identity.citizenship ? countryName(identity.citizenship) : notKnown}
      </Entry>
    </dl>
  );
}

/**
 * The outcome of a search; it takes the focus when it appears, so that it is read at once (the
 * page gives each search its own key).
 */
export function LookupResultView({ result }: { result: LookupResult }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  const minor = result.found ? result.minor : null;
  return (
    <section aria-labelledby="lookup-result-heading" className="mt-5" id="lookup-result">
      <h2 id="lookup-result-heading" className="h4" tabIndex={-1} ref={heading}>
        {t("registry.search.resultHeading")}
      </h2>
      {minor ? (
        <div className="card card-bg shadow-sm">
          <div className="card-body">
            <h3 className="h5 card-title" id="lookup-found">
              {t("registry.search.found")}
            </h3>
            <p className="fw-semibold" id="lookup-pseudonym">
              {t("registry.search.pseudonym", { pseudonym: minor.pseudonym })}
            </p>
            <IdentityView identity={minor.identity} />
          </div>
        </div>
      ) : result.ambiguous ? (
        <div className="alert alert-warning" id="lookup-ambiguous">
          {t("registry.search.ambiguous")}
        </div>
      ) : (
        <div className="alert alert-info" id="lookup-not-found">
          <p className="fw-semibold mb-1">{t("registry.search.notFound")}</p>
          <p className="mb-0">{t("registry.search.notFoundHint")}</p>
        </div>
      )}
    </section>
  );
}
