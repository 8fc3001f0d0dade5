/**
 * The shape of every S.I.R.MI write path for append-only records (the ASMI stay events today;
 * the SINBA case events are built on it): a shell around a pure core.
 *
 * - The shell prepares the inputs without the database (parsing, keyed digests), then, in one
 *   transaction, takes every lock and makes every read the batch can need: the prepared state.
 * - The core decides the inputs one after the other, in order, each against the state as the
 *   earlier ones left it: `decide` judges an input without changing the state, `apply` makes its
 *   effects (an accepted record, a rejection kept, a projection recomputed) visible to the next.
 * - The shell then writes what the state recorded, with the audit entries, and commits once.
 *
 * Nothing reads or writes the database between the first decision and the last: a decision is a
 * function of the prepared state and its input, and the outcome of a batch is the outcome of its
 * inputs sent one by one in the same order.
 */
export interface PreparedStateDecider<State, Input, Decision> {
  /** Judges one input against the state; must leave the state as it was. */
  decide(state: State, input: Input): Decision;
  /** Makes the decision's effects part of the state, for the next inputs and for the writes. */
  apply(state: State, decision: Decision): void;
}

export function decideInOrder<State, Input, Decision>(
  decider: PreparedStateDecider<State, Input, Decision>,
  state: State,
  inputs: readonly Input[],
): Decision[] {
  const decisions: Decision[] = [];
  for (const input of inputs) {
    const decision = decider.decide(state, input);
    decider.apply(state, decision);
    decisions.push(decision);
  }
  return decisions;
}
