import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { ErrorAlert } from "../components/error-alert.tsx";
import { Loading } from "../components/loading.tsx";
import { PageHeader } from "../components/page-header.tsx";
import { LookupForm } from "../features/registry/lookup-form.tsx";
import { LookupResultView } from "../features/registry/lookup-result.tsx";
import { type LookupInput, useLookUpMinor } from "../features/registry/registry-api.ts";
import { AdmissionForm } from "../features/stays/admission-form.tsx";
import type { IdentitySource } from "../features/stays/admission-model.ts";
import { useStructure } from "../features/structures/structure-api.ts";

/**
 * A new admission in two steps: the exact search in the registry (purpose "admission", recorded
 * in the access log), then the admission event with the identity found or entered.
 */
export function AdmissionPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { structureId = "" } = useParams();
  const structure = useStructure(structureId);
  const lookup = useLookUpMinor();
  const [searched, setSearched] = useState<LookupInput | null>(null);
  const [source, setSource] = useState<IdentitySource | null>(null);
  const stepHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (source) stepHeading.current?.focus();
  }, [source]);

  const title = t("stays.admission.title");
  const crumbs = [
    { label: t("nav.home"), to: "/" },
    { label: t("nav.guests"), to: `/ospiti/${structureId}` },
  ];
  if (structure.isPending) return <Loading />;
  if (structure.error) {
    return (
      <>
        <PageHeader title={title} crumbs={crumbs} />
        <ErrorAlert error={structure.error} />
      </>
    );
  }
  const { name, code } = structure.data.summary;
  const minor = lookup.data?.found ? lookup.data.minor : null;

  return (
    <>
      <PageHeader title={title} crumbs={crumbs}>
        <p>{t("stays.admission.intro", { name })}</p>
      </PageHeader>
      {source === null ? (
        <section aria-labelledby="admission-step-1">
          <h2 id="admission-step-1" className="h3 mb-3">
            {t("stays.admission.step1")}
          </h2>
          <p>{t("stays.admission.step1Intro")}</p>
          <LookupForm
            purpose="admission"
            onSearch={(input) => {
              lookup.reset();
              setSearched(input);
              return lookup.mutateAsync(input);
            }}
            isSearching={lookup.isPending}
          />
          {lookup.data && (
            <>
              <LookupResultView key={lookup.submittedAt} result={lookup.data} />
              <div className="mt-3">
                {minor ? (
                  <button
                    type="button"
                    className="btn btn-primary"
                    onClick={() =>
                      setSource({ kind: "registry", pseudonym: minor.pseudonym, identity: minor.identity })
                    }
                  >
                    {t("stays.admission.useIdentity")}
                  </button>
                ) : (
                  !lookup.data.ambiguous && (
                    <button
                      type="button"
                      className="btn btn-primary"
                      onClick={() => setSource({ kind: "new", searched })}
                    >
                      {t("stays.admission.enterIdentity")}
                    </button>
                  )
                )}
              </div>
            </>
          )}
        </section>
      ) : (
        <section aria-labelledby="admission-step-2">
          <h2 id="admission-step-2" className="h3 mb-3" tabIndex={-1} ref={stepHeading}>
            {t("stays.admission.step2")}
          </h2>
          <button
            type="button"
            className="btn btn-outline-primary btn-sm mb-4"
            onClick={() => {
              lookup.reset();
              setSource(null);
            }}
          >
            {t("stays.admission.backToSearch")}
          </button>
          <AdmissionForm
            structureId={structureId}
            structureCode={code ?? ""}
            source={source}
            onRecorded={(recorded) =>
              navigate(`/accoglienze/${recorded.result.stayId}`, { state: { recorded } })
            }
          />
        </section>
      )}
    </>
  );
}
