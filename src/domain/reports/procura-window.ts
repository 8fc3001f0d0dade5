/**
 * The list for the Procura minorile covers the current semester and the previous one (access
 * protocol, principle 8: the same door everywhere). An older semester is no longer a legal
 * obligation of the structure: its identities are reached only through an emergency access.
 */

/** The semester, written `YYYY-1` or `YYYY-2`, that contains a calendar day `YYYY-MM-DD`. */
export function semesterOf(day: string): string {
  const year = day.slice(0, 4);
  return Number(day.slice(5, 7)) <= 6 ? `${year}-1` : `${year}-2`;
}

/** The semester before one written `YYYY-1` or `YYYY-2`. */
export function previousSemester(semester: string): string {
  const [year, half] = semester.split("-");
  return half === "2" ? `${year}-1` : `${Number(year) - 1}-2`;
}

/** The semesters whose list a structure's manager may produce on `today`: current and previous. */
export function procuraSemesters(today: string): [current: string, previous: string] {
  const current = semesterOf(today);
  return [current, previousSemester(current)];
}

export function isProcuraSemesterOpen(semester: string, today: string): boolean {
  return procuraSemesters(today).includes(semester);
}
