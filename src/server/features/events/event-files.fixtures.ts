import { stringify } from "csv-stringify/sync";
import type { FastifyInstance } from "fastify";
import { digestHeaderOf, type KeyedClient, publicUrl, signToken } from "./machine-request.fixtures.ts";

export const eventFilesUrl = `${publicUrl}/api/v1/event-files`;
export const caseEventFilesUrl = `${publicUrl}/api/v1/case-event-files`;

export type FileOptions = {
  contentType?: string;
  integrity?: boolean;
  token?: string;
  /** The Digest header sent, when it differs from the body's. */
  digest?: string;
};

/** POST /api/v1/event-files as a client would send it, with INTEGRITY_REST_01 when asked. */
export async function postEventFile(
  app: FastifyInstance,
  client: KeyedClient,
  body: string | Buffer,
  options: FileOptions = {},
) {
  return postFile(app, client, eventFilesUrl, body, options);
}

/** POST /api/v1/case-event-files (case events, JSON Lines) as a service's software sends it. */
export async function postCaseEventFile(
  app: FastifyInstance,
  client: KeyedClient,
  body: string | Buffer,
  options: FileOptions = {},
) {
  return postFile(app, client, caseEventFilesUrl, body, options);
}

async function postFile(
  app: FastifyInstance,
  client: KeyedClient,
  audience: string,
  body: string | Buffer,
  options: FileOptions,
) {
  const contentType = options.contentType ?? "application/x-ndjson";
  const headers: Record<string, string> = {
    "content-type": contentType,
    authorization: `Bearer ${options.token ?? (await signToken(client, { aud: audience }))}`,
  };
  if (options.integrity) {
    headers.digest =
      options.digest ?? digestHeaderOf(typeof body === "string" ? body : body.toString("utf8"));
    headers["agid-jwt-signature"] = await signToken(client, {
      aud: audience,
      extra: { signed_headers: [{ digest: headers.digest }, { "content-type": contentType }] },
    });
  }
  const url = audience.slice(publicUrl.length);
  return app.inject({ method: "POST", url, headers, payload: body });
}

export async function getEventFile(app: FastifyInstance, client: KeyedClient, location: string) {
  const [path, query] = location.split("?");
  const token = await signToken(client, { aud: `${publicUrl}${path}` });
  return app.inject({
    method: "GET",
    url: query ? `${path}?${query}` : path,
    headers: { authorization: `Bearer ${token}` },
  });
}

export function jsonLinesOf(events: object[]) {
  return `${events.map((event) => JSON.stringify(event)).join("\n")}\n`;
}

/** Events as rows of the flat CSV layout (dotted column names, `|` between values). */
export function csvOf(events: object[], columns: string[]) {
  const cell = (event: object, column: string) => {
    const value = column
      .split(".")
      .reduce<unknown>((node, key) => (node as Record<string, unknown>)?.[key], event);
    if (value === undefined || value === null) return "";
    if (Array.isArray(value))
      return value
        .map((item) => (typeof item === "object" ? `${item.kind}:${item.value}` : String(item)))
        .join("|");
    return String(value);
  };
  return stringify([columns, ...events.map((event) => columns.map((column) => cell(event, column)))]);
}

export type FileStatus = {
  id: string;
  kind: string;
  status: string;
  counts: { lines: number; processed: number; accepted: number; duplicate: number; rejected: number };
  progress: number;
  outcomes: {
    line: number;
    id: string;
    status: string;
    warnings: { code: string }[];
    errors: { code: string; path: string }[];
  }[];
  nextCursor: number | null;
};
