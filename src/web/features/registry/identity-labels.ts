import { labelOf } from "../../../domain/code-lists/code-list.ts";
import { otherIdentifierKinds, sexes } from "../../../domain/code-lists/interchange-codes.ts";
import { findCountryByIstatCode, statelessIstatCode } from "../../../domain/territory/countries.ts";
import { i18n } from "../../i18n/setup.ts";

export function sexLabel(code: string): string {
  return labelOf(sexes, code) ?? code;
}

export function otherIdKindLabel(code: string): string {
  return labelOf(otherIdentifierKinds, code) ?? code;
}

/** The Italian name of a state from its ISTAT code ("999": stateless or unknown). */
export function countryName(code: string): string {
  if (code === statelessIstatCode) return i18n.t("registry.values.stateless");
  return findCountryByIstatCode(code)?.name ?? code;
}

const monthYear = new Intl.DateTimeFormat("it-IT", { month: "long", year: "numeric", timeZone: "UTC" });

/** "2012-03" → "marzo 2012". */
export function formatYearMonth(value: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(value);
  if (!match) return value;
  return monthYear.format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1)));
}

/** Why a pair was proposed, in Italian; an unknown code is shown as it is. */
export function reasonLabel(code: string): string {
  const key = `registry.reasons.${code}`;
  return i18n.exists(key) ? i18n.t(key as never) : code;
}
