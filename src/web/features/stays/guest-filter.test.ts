import { describe, expect, it } from "vitest";
import { filterGuests, isFiltering, noGuestFilter } from "./guest-filter.ts";
import type { Guest } from "./stays-api.ts";

function guest(overrides: Partial<Guest>): Guest {
  return {
    stayId: overrides.stayRef ?? "s",
    stayRef: "s",
    pseudonym: "AAAA1111",
    givenName: null,
    age: null,
    admissionDate: "2026-01-01",
    daysInStay: 1,
    absences: 0,
    currentAbsence: null,
    msna: false,
    hasOverlap: false,
    isToBeConfirmed: false,
    isOtherAdmissionToBeConfirmed: false,
    isPossibleDuplicate: false,
    ...overrides,
  };
}

const guests = [
  guest({ stayRef: "ACC-1", pseudonym: "MNRPTJ3A", givenName: "Niccolò" }),
  guest({ stayRef: "ACC-2", pseudonym: "MNKQ7Z2B", givenName: "Anna Maria", currentAbsence: "hospital" }),
  guest({ stayRef: "ACC-3", pseudonym: "MN5WXY9C", givenName: null, hasOverlap: true }),
  guest({ stayRef: "ACC-4", pseudonym: "MN8DEF4D", givenName: "Youssef", isPossibleDuplicate: true }),
];
const refs = (list: Guest[]) => list.map((item) => item.stayRef);

describe("narrowing the guests list", () => {
  it("keeps everyone without a filter", () => {
    expect(refs(filterGuests(guests, noGuestFilter))).toEqual(["ACC-1", "ACC-2", "ACC-3", "ACC-4"]);
    expect(isFiltering(noGuestFilter)).toBe(false);
    expect(isFiltering({ ...noGuestFilter, text: "  " })).toBe(false);
  });

  it("matches the first name regardless of case and accents, the pseudonym and the stay's reference", () => {
    const by = (text: string) => refs(filterGuests(guests, { ...noGuestFilter, text }));
    expect(by("niccolo")).toEqual(["ACC-1"]);
    expect(by("NICCOLÒ")).toEqual(["ACC-1"]);
    expect(by("anna-maria")).toEqual(["ACC-2"]);
    expect(by("mn5w")).toEqual(["ACC-3"]);
    expect(by("acc-4")).toEqual(["ACC-4"]);
    expect(by("Giulia")).toEqual([]);
  });

  it("separates guests in the structure from those away, and shows only those with warnings", () => {
    expect(refs(filterGuests(guests, { ...noGuestFilter, presence: "absent" }))).toEqual(["ACC-2"]);
    expect(refs(filterGuests(guests, { ...noGuestFilter, presence: "present" }))).toEqual([
      "ACC-1",
      "ACC-3",
      "ACC-4",
    ]);
    expect(refs(filterGuests(guests, { ...noGuestFilter, flaggedOnly: true }))).toEqual(["ACC-3", "ACC-4"]);
    expect(refs(filterGuests(guests, { text: "you", presence: "present", flaggedOnly: true }))).toEqual([
      "ACC-4",
    ]);
  });
});
