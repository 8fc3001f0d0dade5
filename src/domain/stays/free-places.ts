/**
 * Places on a day: the one definition behind *Posti liberi*, the occupancy report and the
 * *Monitoraggio* dashboard that shows it.
 *
 * - A structure is counted on day D when it is active on D (its ASSO version of D), or when
 *   someone is present in it on D (a suspended or closed structure still hosting a child).
 * - Its free places are its authorised places minus those present, only while it is active: a
 *   suspended or closed structure admits nobody and offers no place. Free places are never
 *   negative: a structure over its authorised capacity (emergency places in use) has none.
 * - Present: persons present on D, a minor counted once (in the most recent stay), an absent
 *   minor still holding the place.
 */

export type StructurePlacesOnDay = {
  /** The structure's status in its version of the day (`active`, `suspended`, `closed`…), null without one. */
  status: string | null;
  authorisedPlaces: number;
  present: number;
};

export function isCountedInPlaces(structure: StructurePlacesOnDay): boolean {
  return structure.status === "active" || structure.present > 0;
}

export function freePlacesOf(structure: StructurePlacesOnDay): number {
  if (structure.status !== "active") return 0;
  return Math.max(structure.authorisedPlaces - structure.present, 0);
}

/** The Italian statement of the rule, printed with the figures (reports, files, screens). */
export const freePlacesDefinition =
  "Posti liberi: posti autorizzati meno presenti, nelle sole strutture attive nel giorno; una struttura sospesa o chiusa non offre posti, e una struttura oltre la capienza autorizzata ha 0 posti liberi. Sono contate le strutture attive nel giorno e quelle con presenti.";
