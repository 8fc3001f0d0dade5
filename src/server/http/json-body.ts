import type { FastifyInstance, FastifyRequest } from "fastify";
import { AppError } from "../../domain/errors/app-error.ts";

type JsonParser = (request: FastifyRequest, body: string, done: ParserDone) => void;
type ParserDone = (error: Error | null, body?: unknown) => void;

/** The `charset` parameter of a Content-Type header, lower-cased and unquoted; undefined if absent. */
export function charsetOf(contentType: string | undefined): string | undefined {
  const parameter = (contentType ?? "")
    .split(";")
    .slice(1)
    .map((part) => part.trim().toLowerCase())
    .find((part) => part.startsWith("charset="));
  return parameter?.slice("charset=".length).replaceAll('"', "").trim();
}

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

/**
 * JSON travels in UTF-8 (RFC 8259 §8.1). Another declared charset is refused with 415 rather
 * than guessed at, and bytes that are not UTF-8 are refused rather than silently replaced by
 * U+FFFD; a leading byte order mark is dropped.
 */
export function decodeJsonText(contentType: string | undefined, bytes: Buffer): string {
  const charset = charsetOf(contentType);
  if (charset !== undefined && charset !== "utf-8" && charset !== "utf8")
    throw new AppError(
      "unsupported-media-type",
      "Il corpo JSON va inviato in UTF-8: indicare charset=utf-8 oppure nessun charset.",
    );
  try {
    return utf8.decode(bytes);
  } catch {
    throw new AppError("invalid-request", "Il corpo della richiesta non è codificato in UTF-8.");
  }
}

/** Parses a JSON body read as bytes: UTF-8 only, then Fastify's own parser (prototype poisoning refused). */
export function parseJsonBody(
  parseJson: JsonParser,
  request: FastifyRequest,
  bytes: Buffer,
  done: ParserDone,
) {
  let text: string;
  try {
    text = decodeJsonText(request.headers["content-type"], bytes);
  } catch (error) {
    done(error as Error);
    return;
  }
  parseJson(request, text, done);
}

/**
 * The API reads only JSON bodies (event files have their own parsers): the JSON parser is
 * replaced by the UTF-8-checking one above, and `text/plain` is no longer accepted (415).
 */
export function registerJsonBodyParser(app: FastifyInstance) {
  const parseJson: JsonParser = app.getDefaultJsonParser("error", "error");
  app.removeContentTypeParser(["application/json", "text/plain"]);
  app.addContentTypeParser("application/json", { parseAs: "buffer" }, (request, body, done) =>
    parseJsonBody(parseJson, request, body as Buffer, done),
  );
}
