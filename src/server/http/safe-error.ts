/**
 * What may be logged of an unexpected error. Query errors carry the query's parameters in their
 * message (names, fiscal codes...): only the database's own message and code are kept.
 */
export function safeErrorSummary(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { kind: typeof error };
  const cause = (error as { cause?: unknown }).cause;
  const databaseError = (cause instanceof Error ? cause : error) as Error & {
    code?: string;
    routine?: string;
  };
  const isQueryError = error.message.startsWith("Failed query");
  const message = databaseError.message.startsWith("Failed query") ? "query failed" : databaseError.message;
  return {
    errorName: error.name,
    code: (error as { code?: string }).code ?? databaseError.code,
    message: message.slice(0, 300),
    routine: databaseError.routine,
    stack: isQueryError ? undefined : error.stack?.split("\n").slice(1, 6).join("\n"),
  };
}
