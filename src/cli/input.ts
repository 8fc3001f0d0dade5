import type { z } from "zod";
import { fieldProblemsOf } from "../domain/errors/field-problems.ts";

export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** Validates command-line input with the same schema as the API; problems in Italian. */
export function parseOrExit<Schema extends z.ZodType>(schema: Schema, value: unknown): z.infer<Schema> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const lines = fieldProblemsOf(parsed.error.issues).map(
    (problem) => `  ${problem.path}: ${problem.message}`,
  );
  throw new Error(`Dati non validi:\n${lines.join("\n")}`);
}
