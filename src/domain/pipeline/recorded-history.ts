/**
 * What every append-only history of facts has in common (a stay's events, a case file's events):
 * each fact recorded once, at an instant and in a global arrival order; a void makes another fact
 * stop counting; a correction replaces the content of an earlier fact. A projection (a stay, a
 * case) is a pure function of the facts that count, as known at an instant.
 */
export type RecordedFact = {
  id: string;
  /** The global recording order (the event table's identity column). */
  arrival: number;
  /** The recording instant (RFC 3339, UTC). */
  recordedAt: string;
  /** The fact this one voids. */
  voids?: string;
  /** The fact this one corrects. */
  corrects?: string;
};

/** The facts recorded by an instant ("as known at"); all of them without one. */
export function knownAt<Fact extends RecordedFact>(facts: Fact[], asOf?: string): Fact[] {
  if (!asOf) return facts;
  const instant = new Date(asOf).getTime();
  return facts.filter((fact) => new Date(fact.recordedAt).getTime() <= instant);
}

/** The facts still counting: a void removes its target, unless the void is itself voided. */
export function effectiveFacts<Fact extends RecordedFact>(facts: Fact[]): Fact[] {
  const voidsOf = new Map<string, Fact[]>();
  for (const fact of facts) {
    if (fact.voids) voidsOf.set(fact.voids, [...(voidsOf.get(fact.voids) ?? []), fact]);
  }
  const memo = new Map<string, boolean>();
  const isEffective = (fact: Fact, depth = 0): boolean => {
    const known = memo.get(fact.id);
    if (known !== undefined) return known;
    const result = depth > 64 || !(voidsOf.get(fact.id) ?? []).some((v) => isEffective(v, depth + 1));
    memo.set(fact.id, result);
    return result;
  };
  return facts.filter((fact) => isEffective(fact));
}
