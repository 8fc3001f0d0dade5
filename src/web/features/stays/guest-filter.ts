import type { Guest } from "./stays-api.ts";

export type Presence = "all" | "present" | "absent";

/** What the person narrowing the list typed and chose; kept in the page's memory, never in the URL. */
export type GuestFilter = { text: string; presence: Presence; flaggedOnly: boolean };

export const noGuestFilter: GuestFilter = { text: "", presence: "all", flaggedOnly: false };

export function isFiltering(filter: GuestFilter): boolean {
  return filter.text.trim() !== "" || filter.presence !== "all" || filter.flaggedOnly;
}

/**
 * Something about the guest's stay or record is waiting for someone: an overlap to correct, an
 * admission to be confirmed (here or by another structure), a possible duplicate.
 */
export function hasWarnings(
  guest: Pick<
    Guest,
    "hasOverlap" | "isToBeConfirmed" | "isOtherAdmissionToBeConfirmed" | "isPossibleDuplicate"
  >,
): boolean {
  return (
    guest.hasOverlap ||
    guest.isToBeConfirmed ||
    guest.isOtherAdmissionToBeConfirmed ||
    guest.isPossibleDuplicate
  );
}

/**
 * The guests that match: the text within the first name (when the reader may see it), the
 * pseudonym or the stay's reference, ignoring case, accents and punctuation; present in the
 * structure or away; with warnings only. Runs in the browser on the list already authorised.
 */
export function filterGuests(guests: Guest[], filter: GuestFilter): Guest[] {
  const wanted = searchable(filter.text);
  return guests.filter((guest) => {
    if (filter.presence === "present" && guest.currentAbsence !== null) return false;
    if (filter.presence === "absent" && guest.currentAbsence === null) return false;
    if (filter.flaggedOnly && !hasWarnings(guest)) return false;
    if (wanted === "") return true;
    return [guest.givenName ?? "", guest.pseudonym, guest.stayRef].some((value) =>
      searchable(value).includes(wanted),
    );
  });
}

/** Letters without accents, digits, one space for any run of anything else, in capitals. */
function searchable(value: string): string {
  return value
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toUpperCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}
