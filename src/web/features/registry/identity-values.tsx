import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ComuneName } from "../structures/record-values.tsx";
import { countryName } from "./identity-labels.ts";
import type { BirthPlace } from "./registry-api.ts";

/** A place of birth: the comune with its province for Italy, the state otherwise. */
export function BirthPlaceName({ place }: { place: BirthPlace | null | undefined }) {
  const { t } = useTranslation();
  if (!place) return <>{t("registry.values.notKnown")}</>;
  if ("comune" in place) return <ComuneName code={place.comune} />;
  return <>{countryName(place.country)}</>;
}

export function Entry({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="col-sm-5 col-lg-4">{label}</dt>
      <dd className="col-sm-7 col-lg-8">{children}</dd>
    </>
  );
}
