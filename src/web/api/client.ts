import type { FieldProblem } from "../../domain/errors/app-error.ts";

/** The problem+json body of an API error (RFC 9457 with the S.I.R.MI code and field problems). */
export type { FieldProblem };

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly problems: FieldProblem[];

  constructor(status: number, code: string, detail: string, problems: FieldProblem[] = []) {
    super(detail);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.detail = detail;
    this.problems = problems;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

const apiBase = "/api/v1";
const safeMethods = new Set(["GET", "HEAD"]);
let csrfToken: string | null = null;

/** Every session answer carries the token that writes must echo in X-CSRF-Token. */
export function rememberCsrfToken(token: string | null) {
  csrfToken = token;
}

type Query = Record<string, string | number | boolean | null | undefined>;

export function withQuery(path: string, query: Query = {}): string {
  const parameters = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== "") parameters.set(key, String(value));
  }
  const text = parameters.toString();
  return text ? `${path}?${text}` : path;
}

async function problemOf(response: Response): Promise<ApiError> {
  const fallback = new ApiError(response.status, `http-${response.status}`, "");
  try {
    const body = (await response.json()) as Partial<{
      code: string;
      detail: string;
      problems: FieldProblem[];
    }>;
    return new ApiError(
      response.status,
      body.code ?? fallback.code,
      body.detail ?? "",
      Array.isArray(body.problems) ? body.problems : [],
    );
  } catch {
    return fallback;
  }
}

export async function apiRequest<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (body !== undefined) headers["content-type"] = "application/json";
  if (!safeMethods.has(method) && csrfToken) headers["x-csrf-token"] = csrfToken;
  let response: Response;
  try {
    response = await fetch(`${apiBase}${path}`, {
      method,
      headers,
      credentials: "same-origin",
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, "network-error", "");
  }
  if (!response.ok) throw await problemOf(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

export const api = {
  get: <T>(path: string, query?: Query) => apiRequest<T>("GET", withQuery(path, query)),
  post: <T>(path: string, body?: unknown) => apiRequest<T>("POST", path, body ?? {}),
  put: <T>(path: string, body?: unknown) => apiRequest<T>("PUT", path, body ?? {}),
  delete: <T>(path: string) => apiRequest<T>("DELETE", path),
};
