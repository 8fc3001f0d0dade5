import fc from "fast-check";
import { expect } from "vitest";

/**
 * The malformed input of the event endpoints' fuzz tests (stays and cases): huge strings, deep
 * nesting, any JSON, arbitrary text, and valid events with one field spoiled.
 */
const hugeString = fc.nat({ max: 100_000 }).map((length) => "é".repeat(length));
const deepValue = fc.nat({ max: 400 }).map((depth) => {
  let value: unknown = "fondo";
  for (let level = 0; level < depth; level++) value = level % 2 ? [value] : { annidato: value };
  return value;
});
export const oddValue = fc.oneof(fc.jsonValue({ maxDepth: 4 }), hugeString, deepValue);

export type SentBody = { value: unknown; text: string };

/** Either a JSON value sent as JSON (a batch of odd values and spoiled events among them), or arbitrary text. */
export function batchRequestBody(
  spoiledEvent: fc.Arbitrary<Record<string, unknown>>,
): fc.Arbitrary<SentBody> {
  return fc.oneof(
    fc
      .oneof(
        oddValue,
        fc.record({ events: oddValue }),
        fc.record({ events: fc.array(fc.oneof(oddValue, spoiledEvent), { maxLength: 6 }), other: oddValue }),
      )
      .map((value) => ({ value, text: JSON.stringify(value) })),
    fc.string({ maxLength: 200 }).map((text) => ({ value: undefined, text })),
  );
}

type Answer = { statusCode: number; body: string; headers: Record<string, unknown>; json(): unknown };

/**
 * What an event endpoint owes malformed input: never a 5xx; a 4xx problem+json, or 200 with one
 * result per event sent, each accepted, duplicate or rejected, every error with an Italian message.
 */
export function expectAnsweredWithoutServerError(response: Answer, sent: SentBody) {
  expect(response.statusCode, response.body.slice(0, 300)).toBeLessThan(500);
  if (response.statusCode === 200) {
    const events = (sent.value as { events: unknown[] }).events;
    const { results } = response.json() as {
      results: { status: string; errors?: { code: string; message: string }[] }[];
    };
    expect(results).toHaveLength(events.length);
    for (const result of results) {
      expect(["accepted", "duplicate", "rejected"]).toContain(result.status);
      for (const error of result.errors ?? []) expect(error.message).not.toBe(error.code);
    }
  } else {
    expect(response.statusCode).toBeGreaterThanOrEqual(400);
    expect(String(response.headers["content-type"])).toContain("application/problem+json");
  }
}
