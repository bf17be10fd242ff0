import type { NextFunction, Request, Response } from "express";
import { ApiError } from "./apiError.ts";
import { drainRequest } from "./drainRequest.ts";
import { ClientAbortError } from "./ClientAbortError.ts";
import { localsOf } from "./requestContext.ts";
import { toApiError } from "./toApiError.ts";

/** Body parsers' errors carry an HTTP status and a `type` such as "entity.too.large". */
function isClientError(error: unknown): error is { status: number; message: string } {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === "number" && status >= 400 && status < 500;
}

/** A body parser's 4xx is the client's; anything else unknown is a defect, logged with its stack. */
function fallbackError(error: unknown, log: { error(data: object, message: string): void }) {
  if (isClientError(error)) {
    return new ApiError("MALFORMED_REQUEST", "The request body could not be read.");
  }
  log.error({ err: error }, "unexpected error");
  return new ApiError("INTERNAL_ERROR", "Something went wrong in the help proxy.");
}

/**
 * The one error handler: ApiError, or a domain error of the store or upstream client
 * (toApiError) → its status and `{"error": {code, message, field?}}` (+ Retry-After); a body
 * parser's 4xx → MALFORMED_REQUEST; anything else is a defect,
 * logged with its stack and answered 500 INTERNAL_ERROR without details. The unread rest of
 * the body is drained so the client can read the answer.
 */
export function errorHandler(
  error: unknown,
  req: Request,
  res: Response,
  _next: NextFunction,
): void {
  const { log } = localsOf(res);
  const reason = error instanceof Error ? error.message : String(error);
  if (res.headersSent) {
    // Answered already (a stalled body's 408), or cut mid-answer: nothing more can be said.
    log.debug({ reason }, "error after the answer began");
    if (!res.writableEnded) res.destroy();
    return;
  }
  if (error instanceof ClientAbortError || req.socket.destroyed) {
    log.info({ reason }, "client left");
    return;
  }
  const apiError = toApiError(error) ?? fallbackError(error, log);
  localsOf(res).errorCode = apiError.code;
  if (apiError.retryAfterSeconds !== undefined) {
    res.setHeader("Retry-After", String(apiError.retryAfterSeconds));
  }
  res.status(apiError.status).setHeader("Cache-Control", "no-store").json(apiError.toBody());
  drainRequest(req);
}
