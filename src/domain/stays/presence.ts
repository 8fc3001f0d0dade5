/**
 * The days of a stay, as every rule and every read counts them: present from the admission day
 * (included) to the discharge day (excluded); an open stay has no end. The SQL form of the same
 * predicate is `presentOnSql` (src/db/stay-presence.sql.ts), written once for every query.
 */
export type StayDays = { admissionDate: string | null; dischargeDate: string | null };

/** The days of a projected stay: its (corrected) admission and discharge dates. */
export function daysOf(stay: {
  admission: { date: string } | null;
  discharge: { date: string } | null;
}): StayDays {
  return { admissionDate: stay.admission?.date ?? null, dischargeDate: stay.discharge?.date ?? null };
}

/** Present on day D: admitted on or before D and not yet discharged on D (admission ≤ D < discharge). */
export function isPresentOn(stay: StayDays, day: string): boolean {
  if (stay.admissionDate === null || stay.admissionDate > day) return false;
  return stay.dischargeDate === null || stay.dischargeDate > day;
}

/**
 * Two stays of a minor overlap when their periods [admission, discharge) meet: a transfer
 * discharged and admitted on the same day does not overlap. A stay without admission has no days.
 */
export function staysOverlap(a: StayDays, b: StayDays): boolean {
  if (a.admissionDate === null || b.admissionDate === null) return false;
  return (
    (b.dischargeDate === null || b.dischargeDate > a.admissionDate) &&
    (a.dischargeDate === null || a.dischargeDate > b.admissionDate)
  );
}

/** Present on some day of [from, to] (both included): a stay discharged on its admission day never is. */
export function isPresentDuring(stay: StayDays, from: string, to: string): boolean {
  const { admissionDate, dischargeDate } = stay;
  if (admissionDate === null || admissionDate > to) return false;
  return dischargeDate === null || (dischargeDate > from && dischargeDate > admissionDate);
}
