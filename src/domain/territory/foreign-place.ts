/** A foreign state or territory as the Belfiore registry knows it (codes Z###). */
export interface ForeignPlace {
  belfiore: string;
  name: string;
  /** The state's ISTAT code when it is one of `countries`; null for territories and ceased states. */
  istatCountryCode: string | null;
  validFrom: string;
  /** Last day of validity; null while in force. */
  validTo: string | null;
}
