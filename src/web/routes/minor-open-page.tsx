import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { TextField } from "../components/form-fields.tsx";
import { PageHeader } from "../components/page-header.tsx";

const pseudonymPattern = /^[A-Z0-9]{4,20}$/;

/** Opens the pseudonymous record of a minor from the pseudonym (never from identifying data). */
export function MinorOpenPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [pseudonym, setPseudonym] = useState("");
  const [error, setError] = useState<string | undefined>();

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const value = pseudonym.replace(/\s+/g, "").toUpperCase();
    if (!pseudonymPattern.test(value)) {
      setError(value ? t("registry.open.invalid") : t("errors.required"));
      document.getElementById("minor-pseudonym")?.focus();
      return;
    }
    setError(undefined);
    navigate(`/anagrafe/minori/${value}`);
  };

  return (
    <>
      <PageHeader title={t("registry.open.title")} crumbs={[{ label: t("nav.home"), to: "/" }]}>
        <p>{t("registry.open.intro")}</p>
      </PageHeader>
      <form onSubmit={onSubmit} noValidate className="mt-5">
        <div className="row">
          <div className="col-12 col-md-8 col-lg-6">
            <TextField
              id="minor-pseudonym"
              label={t("registry.fields.pseudonym")}
              hint={t("registry.open.pseudonymHint")}
              autoComplete="off"
              spellCheck={false}
              required
              value={pseudonym}
              error={error}
              onChange={(event) => setPseudonym(event.target.value)}
            />
          </div>
        </div>
        <button type="submit" className="btn btn-primary">
          {t("registry.open.submit")}
        </button>
      </form>
    </>
  );
}
