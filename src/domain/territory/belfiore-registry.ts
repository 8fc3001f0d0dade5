import type { ForeignPlace } from "./foreign-place.ts";
import { foreignPlaces } from "./foreign-places.generated.ts";

/**
 * Places by Belfiore code (codice catastale): every comune, current or suppressed, and every foreign
 * state or territory (Z###), each with its validity. It answers the two questions the fiscal code and
 * the SINBA flow ask: which place is this code (on a day), and which code did a comune have on a day.
 *
 * Built from rows (the comune and suppressed_comune tables, or their seeds), so that it stays pure.
 * Validity bounds are days "YYYY-MM-DD", both inclusive; `validTo` null means still in force.
 */
export interface ComunePeriod {
  belfiore: string;
  /** Null for a suppressed comune: the archive gives no ISTAT code for it. */
  istatCode: string | null;
  name: string;
  provinceAbbreviation: string;
  validFrom: string;
  validTo: string | null;
  /** Belfiore code of the comune established in its place, when known. */
  mergedInto?: string | null;
}

export type BelfiorePlace =
  | ({ kind: "comune"; isSuppressed: boolean; mergedInto: string | null } & Omit<ComunePeriod, "mergedInto">)
  | ({ kind: "foreign-state" } & ForeignPlace);

export interface BelfioreRegistry {
  /** The place this code designates on `day`; without a day, its latest period. */
  findPlace(belfiore: string, day?: string): BelfiorePlace | undefined;
  /** The Belfiore code of a comune (ISTAT code) on `day`: undefined when it did not exist that day. */
  findComuneBelfiore(istatCode: string, day: string): string | undefined;
  /**
   * The comune that exists today in place of this code: itself when current, else the end of its
   * chain of mergers (Tavarnelle Val di Pesa → Barberino Tavarnelle); undefined when not known.
   */
  findCurrentComune(belfiore: string): (BelfiorePlace & { kind: "comune" }) | undefined;
}

const foreignCodePattern = /^Z\d{3}$/;

/** A Z### code designates a foreign state or territory, never a comune. */
export function isForeignBelfiore(belfiore: string): boolean {
  return foreignCodePattern.test(belfiore);
}

export function isValidOn(period: { validFrom: string; validTo: string | null }, day: string): boolean {
  return period.validFrom <= day && (period.validTo === null || day <= period.validTo);
}

function latestFirst<Period extends { validFrom: string }>(periods: Period[]): Period[] {
  return periods.sort((left, right) => right.validFrom.localeCompare(left.validFrom));
}

function groupByCode<Period extends { belfiore: string; validFrom: string }>(
  periods: readonly Period[],
): Map<string, Period[]> {
  const byCode = new Map<string, Period[]>();
  for (const period of periods) {
    const group = byCode.get(period.belfiore);
    if (group) group.push(period);
    else byCode.set(period.belfiore, [period]);
  }
  for (const group of byCode.values()) latestFirst(group);
  return byCode;
}

export function createBelfioreRegistry(
  comuni: readonly ComunePeriod[],
  foreign: readonly ForeignPlace[] = foreignPlaces,
): BelfioreRegistry {
  const comunePlaces = comuni.map(({ mergedInto, ...period }): BelfiorePlace & { kind: "comune" } => ({
    kind: "comune",
    ...period,
    isSuppressed: period.validTo !== null,
    mergedInto: mergedInto ?? null,
  }));
  const comuniByCode = groupByCode(comunePlaces);
  const foreignByCode = groupByCode(
    foreign.map((place): BelfiorePlace => ({ kind: "foreign-state", ...place })),
  );
  const comuniByIstatCode = new Map<string, (BelfiorePlace & { kind: "comune" })[]>();
  for (const place of comunePlaces) {
    if (place.istatCode === null) continue;
    comuniByIstatCode.set(place.istatCode, [...(comuniByIstatCode.get(place.istatCode) ?? []), place]);
  }

  function findPlace(belfiore: string, day?: string): BelfiorePlace | undefined {
    const periods = (isForeignBelfiore(belfiore) ? foreignByCode : comuniByCode).get(belfiore) ?? [];
    return day === undefined ? periods[0] : periods.find((period) => isValidOn(period, day));
  }

  function findCurrentComune(belfiore: string): (BelfiorePlace & { kind: "comune" }) | undefined {
    const seen = new Set<string>();
    let code: string | null = belfiore;
    while (code !== null && !seen.has(code)) {
      seen.add(code);
      const place: (BelfiorePlace & { kind: "comune" }) | undefined = comuniByCode.get(code)?.[0];
      if (!place) return undefined;
      if (!place.isSuppressed) return place;
      code = place.mergedInto;
    }
    return undefined;
  }

  return {
    findPlace,
    findCurrentComune,
    findComuneBelfiore(istatCode, day) {
      return comuniByIstatCode.get(istatCode)?.find((period) => isValidOn(period, day))?.belfiore;
    },
  };
}

/** A birth place in the terms of a minor's identity (minor-identity.ts): an ISTAT comune or country code. */
export type IdentityBirthPlace = { comune: string } | { country: string };

/**
 * Where a fiscal code says its holder was born: the place its Belfiore code designated on the birth
 * date (or, when the code was not in force that day, its latest period, flagged), and the same place as
 * an identity's birth place when it has an ISTAT code (a current comune or a state; not a suppressed
 * comune, a territory or a ceased state).
 */
export function findFiscalCodeBirthPlace(
  registry: BelfioreRegistry,
  decoded: { birthPlaceCode: string; birthDate: string },
):
  | { place: BelfiorePlace; isValidOnBirthDate: boolean; birthPlace: IdentityBirthPlace | undefined }
  | undefined {
  const onBirthDate = registry.findPlace(decoded.birthPlaceCode, decoded.birthDate);
  const place = onBirthDate ?? registry.findPlace(decoded.birthPlaceCode);
  if (!place) return undefined;
  const birthPlace: IdentityBirthPlace | undefined =
    place.kind === "comune"
      ? place.istatCode === null
        ? undefined
        : { comune: place.istatCode }
      : place.istatCountryCode === null
        ? undefined
        : { country: place.istatCountryCode };
  return { place, isValidOnBirthDate: onBirthDate !== undefined, birthPlace };
}
