import type { PreparedStateDecider } from "./decide-in-order.ts";

/**
 * The steps every append-only pipeline takes around its own rules (the ASMI stay events, the
 * SINBA case events), written once: a fact without an id is answered and not stored; an id
 * already stored answers `duplicate` for the same content from the same source and `id-reused`
 * otherwise; a fact that fails its parsing or its rules is stored as rejected with its errors;
 * an accepted one is stored with what its pipeline keeps of it. Each outcome is remembered for
 * the next facts of the batch, exactly as if they had been sent one by one.
 */

/** An error or warning on a fact: stable code, JSON pointer, Italian message. */
export type FactProblem = { code: string; path: string; message: string };

/**
 * A fact parsed on its own: the fact (with what its pipeline sets apart while parsing, `Apart`,
 * such as an identity to resolve), or what can be told of a refused one.
 */
export type ParsedFact<Fact, Apart extends object = object> =
  | ({ ok: true; event: Fact } & Apart)
  | { ok: false; id: string | null; type: string | null; errors: FactProblem[] };

/** A raw fact once parsed, its id read and its keyed digest computed (no database). */
export type PreparedFact<Parsed> = { parsed: Parsed; id: string | null; digest: string | null };

/** The outcome of one fact, as its sender is told: `Target` names the record it went to. */
export type FactResult<Target extends string> = FactOutcome & { [Key in Target]?: string };
type FactOutcome = {
  id: string;
  status: "accepted" | "duplicate" | "rejected";
  warnings: FactProblem[];
  errors: FactProblem[];
};

/** A fact already stored under an id of the batch (by any source): idempotency. */
export type EarlierFactOutcome<Target extends string> = {
  contentDigest: string;
  sourceId: string;
  warnings: FactProblem[];
  errors: FactProblem[];
} & { [Key in Target]: string | null };

/** What every stored fact carries: an accepted one adds its content, a rejected one has only this. */
export type FactRecord = {
  id: string;
  sourceKind: string;
  sourceId: string;
  contentDigest: string;
  status: "accepted" | "rejected";
  type: string | null;
  warnings: FactProblem[];
  errors: FactProblem[];
};

/** The decision on one fact: `Stored` is what an accepted one keeps, `Effects` what it changes. */
export type FactDecision<Target extends string, Stored, Effects> =
  /** Answered and not stored: no valid id, a duplicate, an id reused for other content. */
  | { kind: "answered"; result: FactResult<Target> }
  | { kind: "rejected"; result: FactResult<Target>; record: FactRecord }
  | ({ kind: "accepted"; result: FactResult<Target>; record: FactRecord & Stored } & Effects);

/** What a pipeline's rules make of a fact they accept. */
export type Acceptance<Stored, Effects> = {
  /** The id of the record the fact went to (a stay, a case). */
  target: string;
  warnings: FactProblem[];
  stored: Stored;
  effects: Effects;
};

/** The part of a batch's prepared state that the common steps read and write. */
export type FactBatchState<Target extends string> = {
  /** The batch's ids already stored, then those the batch decides. */
  earlier: Map<string, EarlierFactOutcome<Target>>;
  /** The facts to store, in the order decided. */
  records: FactRecord[];
};

/** A pipeline's own part: its rules, its problems and its effects on the state. */
export interface FactPipeline<
  State extends FactBatchState<Target>,
  Fact extends { id: string; type: string },
  Target extends string,
  Stored,
  Effects,
  Apart extends object = object,
> {
  /** The result's field naming the record a fact went to (`stayId`, `caseId`). */
  readonly target: Target;
  sender(state: State): { kind: string; id: string };
  /** The pipeline's problem for the codes of the common steps, with its Italian message. */
  problem(code: "invalid-json-shape" | "id-reused", path: string): FactProblem;
  /**
   * Judges an accepted fact against the state, leaving it as it was; throws a refusal. `parsed`
   * is the parsing's outcome, with what it set apart.
   */
  accept(
    state: State,
    fact: Fact,
    digest: string,
    parsed: Extract<ParsedFact<Fact, Apart>, { ok: true }>,
  ): Acceptance<Stored, Effects>;
  /** The problems of a refusal that `accept` threw; undefined for any other error (thrown again). */
  refusal(error: unknown): FactProblem[] | undefined;
  /** Makes an accepted fact's effects part of the state, for the next facts and for the writes. */
  applyAccepted(
    state: State,
    decision: Extract<FactDecision<Target, Stored, Effects>, { kind: "accepted" }>,
  ): void;
}

/** The decider of `decideInOrder` for a pipeline: the common steps around its rules. */
export function factDecider<
  State extends FactBatchState<Target>,
  Fact extends { id: string; type: string },
  Target extends string,
  Stored,
  Effects,
  Apart extends object = object,
>(
  pipeline: FactPipeline<State, Fact, Target, Stored, Effects, Apart>,
): PreparedStateDecider<State, PreparedFact<ParsedFact<Fact, Apart>>, FactDecision<Target, Stored, Effects>> {
  type Decision = FactDecision<Target, Stored, Effects>;
  const withTarget = (result: FactOutcome, target: string | null | undefined) =>
    (target ? { ...result, [pipeline.target]: target } : result) as FactResult<Target>;

  return {
    decide(state, { parsed, id, digest }): Decision {
      if (!id || digest === null) {
        const errors = parsed.ok
          ? []
          : parsed.errors.length
            ? parsed.errors
            : [pipeline.problem("invalid-json-shape", "/id")];
        return {
          kind: "answered",
          result: withTarget({ id: id ?? "", status: "rejected", warnings: [], errors }, null),
        };
      }
      const sender = pipeline.sender(state);
      const known = state.earlier.get(id);
      if (known) {
        if (known.contentDigest === digest && known.sourceId === sender.id)
          return {
            kind: "answered",
            result: withTarget(
              { id, status: "duplicate", warnings: known.warnings, errors: known.errors },
              known[pipeline.target],
            ),
          };
        return {
          kind: "answered",
          result: withTarget(
            { id, status: "rejected", warnings: [], errors: [pipeline.problem("id-reused", "/id")] },
            null,
          ),
        };
      }
      const base = { id, sourceKind: sender.kind, sourceId: sender.id, contentDigest: digest };
      const rejected = (errors: FactProblem[]): Decision => ({
        kind: "rejected",
        result: withTarget({ id, status: "rejected", warnings: [], errors }, null),
        record: {
          ...base,
          status: "rejected",
          type: parsed.ok ? parsed.event.type : parsed.type,
          errors,
          warnings: [],
        },
      });
      if (!parsed.ok) return rejected(parsed.errors);
      let acceptance: Acceptance<Stored, Effects>;
      try {
        acceptance = pipeline.accept(state, parsed.event, digest, parsed);
      } catch (error) {
        const problems = pipeline.refusal(error);
        if (problems) return rejected(problems);
        throw error;
      }
      const { target, warnings, stored, effects } = acceptance;
      return {
        kind: "accepted",
        result: withTarget({ id, status: "accepted", warnings, errors: [] }, target),
        record: { ...base, status: "accepted", type: parsed.event.type, ...stored, warnings, errors: [] },
        ...effects,
      };
    },

    apply(state, decision) {
      if (decision.kind === "answered") return;
      const { result, record } = decision;
      state.records.push(record);
      state.earlier.set(result.id, {
        contentDigest: record.contentDigest,
        sourceId: record.sourceId,
        warnings: result.warnings,
        errors: result.errors,
        [pipeline.target]: result[pipeline.target] ?? null,
      } as EarlierFactOutcome<Target>);
      if (decision.kind === "accepted") pipeline.applyAccepted(state, decision);
    },
  };
}
