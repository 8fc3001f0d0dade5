import { describe, expect, it } from "vitest";
import { type FactBatchState, type FactProblem, factDecider, type ParsedFact } from "./decide-facts.ts";
import { decideInOrder } from "./decide-in-order.ts";
import { readFactEnvelope, uniqueProblems } from "./parse-fact.ts";

/** A pipeline of notes, the least the common steps need: notes go to boards, "bad" ones are refused. */
type Note = { id: string; type: "note"; board: string; text: string };
type NoteState = FactBatchState<"boardId"> & { sender: { kind: string; id: string }; boards: string[] };

class Refusal extends Error {
  constructor(readonly problems: FactProblem[]) {
    super("refused");
  }
}
const problem = (code: string, path: string): FactProblem => ({ code, path, message: `Messaggio ${code}` });

const notes = factDecider({
  target: "boardId",
  sender: (state: NoteState) => state.sender,
  problem,
  accept(_state, note: Note) {
    if (note.text === "bad") throw new Refusal([problem("bad-text", "/text")]);
    if (note.text === "broken") throw new TypeError("a programming error");
    return {
      target: note.board,
      warnings: note.text.length > 10 ? [problem("long-text", "/text")] : [],
      stored: { text: note.text },
      effects: { board: note.board },
    };
  },
  refusal: (error) => (error instanceof Refusal ? error.problems : undefined),
  applyAccepted: (state, { board }) => {
    state.boards.push(board);
  },
});

function parse(raw: unknown): ParsedFact<Note> {
  const envelope = readFactEnvelope(raw, (message) => ({ code: "invalid-json-shape", path: "", message }));
  if (!envelope.ok) return envelope;
  const { record, id, type } = envelope;
  if (type !== "note") return { ok: false, id, type, errors: [problem("unknown-type", "/type")] };
  return { ok: true, event: record as Note };
}

const prepared = (raw: Record<string, unknown> | string) => ({
  parsed: parse(raw),
  id: typeof raw === "object" && typeof raw.id === "string" ? raw.id : null,
  digest: typeof raw === "object" && typeof raw.id === "string" ? JSON.stringify(raw) : null,
});

const stateOf = (senderId = "s1"): NoteState => ({
  sender: { kind: "client", id: senderId },
  earlier: new Map(),
  records: [],
  boards: [],
});

const note = (id: string, text: string, board = "b1") => ({ id, type: "note", board, text });

describe("the common steps of an append-only pipeline", () => {
  it("accepts a fact with its target and warnings, stores it and applies its effects", () => {
    const state = stateOf();
    const [decision] = decideInOrder(notes, state, [prepared(note("n1", "a very long text"))]);
    expect(decision.result).toEqual({
      id: "n1",
      status: "accepted",
      warnings: [problem("long-text", "/text")],
      errors: [],
      boardId: "b1",
    });
    expect(state.records).toEqual([
      {
        id: "n1",
        sourceKind: "client",
        sourceId: "s1",
        contentDigest: JSON.stringify(note("n1", "a very long text")),
        status: "accepted",
        type: "note",
        text: "a very long text",
        warnings: [problem("long-text", "/text")],
        errors: [],
      },
    ]);
    expect(state.boards).toEqual(["b1"]);
  });

  it("answers the same fact again as a duplicate, with its first outcome, and another content as id-reused", () => {
    const state = stateOf();
    const results = decideInOrder(notes, state, [
      prepared(note("n1", "hello")),
      prepared(note("n1", "hello")),
      prepared(note("n1", "other")),
    ]).map((decision) => decision.result);
    expect(results.map((result) => result.status)).toEqual(["accepted", "duplicate", "rejected"]);
    expect(results[1]).toEqual({ id: "n1", status: "duplicate", warnings: [], errors: [], boardId: "b1" });
    expect(results[2].errors.map((error) => error.code)).toEqual(["id-reused"]);
    expect(results[2]).not.toHaveProperty("boardId");
    // Only the first is stored, and applied once.
    expect(state.records).toHaveLength(1);
    expect(state.boards).toEqual(["b1"]);
  });

  it("answers an id stored by another source as id-reused, even for the same content", () => {
    const state = stateOf("s2");
    state.earlier.set("n1", {
      contentDigest: JSON.stringify(note("n1", "hello")),
      sourceId: "s1",
      warnings: [],
      errors: [],
      boardId: "b1",
    });
    const [decision] = decideInOrder(notes, state, [prepared(note("n1", "hello"))]);
    expect(decision.kind).toBe("answered");
    expect(decision.result.errors.map((error) => error.code)).toEqual(["id-reused"]);
  });

  it("stores a fact refused by its parsing or its rules as rejected, and remembers the refusal", () => {
    const state = stateOf();
    const decisions = decideInOrder(notes, state, [
      prepared({ id: "n1", type: "memo" }),
      prepared(note("n2", "bad")),
      prepared(note("n2", "bad")),
    ]);
    expect(decisions.map((decision) => decision.kind)).toEqual(["rejected", "rejected", "answered"]);
    expect(decisions[2].result).toEqual({
      id: "n2",
      status: "duplicate",
      warnings: [],
      errors: [problem("bad-text", "/text")],
    });
    expect(state.records.map((record) => [record.id, record.status, record.type])).toEqual([
      ["n1", "rejected", "memo"],
      ["n2", "rejected", "note"],
    ]);
    expect(state.boards).toEqual([]);
  });

  it("answers a fact without an id and stores nothing: its parsing errors, or invalid-json-shape", () => {
    const state = stateOf();
    const results = decideInOrder(notes, state, [
      prepared("not an object"),
      { parsed: { ok: false, id: null, type: null, errors: [] }, id: null, digest: null },
    ]).map((decision) => decision.result);
    expect(results[0]).toEqual({
      id: "",
      status: "rejected",
      warnings: [],
      errors: [{ code: "invalid-json-shape", path: "", message: "L'evento deve essere un oggetto JSON." }],
    });
    expect(results[1].errors).toEqual([problem("invalid-json-shape", "/id")]);
    expect(state.records).toEqual([]);
  });

  it("lets an error that is no refusal through", () => {
    expect(() => decideInOrder(notes, stateOf(), [prepared(note("n1", "broken"))])).toThrow(TypeError);
  });
});

describe("reading a raw fact", () => {
  it("reads the id and the type cut to a safe length", () => {
    const envelope = readFactEnvelope({ id: "x".repeat(100), type: "t".repeat(100) }, () =>
      problem("no", ""),
    );
    expect(envelope).toMatchObject({ ok: true, id: "x".repeat(64), type: "t".repeat(40) });
  });

  it("keeps one problem per code and place", () => {
    const twice = [problem("a", "/x"), problem("a", "/x"), problem("a", "/y"), problem("b", "/x")];
    expect(uniqueProblems(twice)).toEqual([problem("a", "/x"), problem("a", "/y"), problem("b", "/x")]);
  });
});
