import { randomUUID } from "node:crypto";
import http from "node:http";
import type { Socket } from "node:net";
import type { FastifyReply, FastifyRequest } from "fastify";
import { type AppErrorCode, appErrorCodes } from "../../domain/errors/app-error.ts";
import { frameworkErrorOf } from "./framework-errors.ts";
import { problemOf, sendProblem } from "./problem.ts";

/** Fastify's `frameworkErrors`: a bad URL or an over-long path parameter, before any route runs. */
export function sendFrameworkError(
  error: Error & { code?: string; statusCode?: number },
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const { code, detail } = frameworkErrorOf(error);
  reply.header("x-request-id", request.id);
  return sendProblem(reply, problemOf(code, detail, request.id));
}

/**
 * Fastify's `clientErrorHandler`: a request that Node's HTTP parser refused (malformed request
 * line, headers too large, timeout) never reaches a route; it gets a problem written on the socket.
 */
export function handleClientError(error: Error & { code?: string }, socket: Socket) {
  if (error.code === "ECONNRESET" || socket.destroyed) return;
  const code: AppErrorCode =
    error.code === "ERR_HTTP_REQUEST_TIMEOUT"
      ? "request-timeout"
      : error.code === "HPE_HEADER_OVERFLOW"
        ? "headers-too-large"
        : "invalid-request";
  const requestId = randomUUID();
  const problem = problemOf(
    code,
    code === "invalid-request" ? "La richiesta HTTP non è ben formata." : appErrorCodes[code],
    requestId,
  );
  const body = JSON.stringify(problem);
  if (socket.writable)
    socket.write(
      `HTTP/1.1 ${problem.status} ${http.STATUS_CODES[problem.status]}\r\n` +
        "Content-Type: application/problem+json; charset=utf-8\r\n" +
        `Content-Length: ${Buffer.byteLength(body)}\r\nX-Request-Id: ${requestId}\r\nConnection: close\r\n\r\n${body}`,
    );
  socket.destroy(error);
}
