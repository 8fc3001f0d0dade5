/**
 * SINBA code lists. The lists themselves are generated from the national XSD (the only
 * authority for SINBA numbers); this module adds the few conventions shared by several of them.
 */
export * from "./sinba-codes.generated.ts";

/**
 * The XSD encodes every yes/no attribute (MinoreStranieroNoAcc, Disabilita,
 * SegnalazioneAutoritaGiudiziaria, ProvvedimentoGiudiziario) as "1" = SI, "2" = NO.
 */
export const sinbaYes = "1";
export const sinbaNo = "2";

export function sinbaYesNoOf(value: boolean): typeof sinbaYes | typeof sinbaNo {
  return value ? sinbaYes : sinbaNo;
}
