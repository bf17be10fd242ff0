import { randomUUID } from "node:crypto";
import type { NextFunction, Request, Response } from "express";
import type { Logger } from "pino";

/** What the proxy keeps per request in `res.locals`. */
export interface RequestLocals {
  requestId: string;
  log: Logger;
  /** Set by the identity check on `/api/*`. */
  customerId?: string;
  /** Set by the error handler, so the request's log line says what went wrong. */
  errorCode?: string;
}

/** The typed view of `res.locals`. */
export function localsOf(res: Response): RequestLocals {
  return res.locals as RequestLocals;
}

/** The verified customer of an `/api/*` request (the identity check ran before). */
export function customerIdOf(res: Response): string {
  const { customerId } = localsOf(res);
  if (customerId === undefined) throw new Error("identity check missing before this route");
  return customerId;
}

/** An AbortSignal that fires when the client goes away before its answer is sent. */
export function clientGone(res: Response): AbortSignal {
  const controller = new AbortController();
  const gone = (): void => {
    if (!res.writableFinished) controller.abort(new Error("client went away"));
  };
  // It may have left already, while an earlier await ran: then 'close' will not come again.
  if (res.req.destroyed || res.socket === null || res.socket.destroyed) gone();
  else res.once("close", gone);
  return controller.signal;
}

/** The status an abandoned request is logged with (nginx's convention; never sent). */
export const CLIENT_CLOSED_REQUEST = 499;

// A sane incoming id (from a load balancer) is kept so logs join up; anything else is replaced.
const REQUEST_ID = /^[\w.:-]{1,128}$/;

/**
 * Gives each request an id (echoed as `X-Request-Id`) and a child logger bound to it, and
 * logs one line when the exchange ends: method, path (no query), status, duration. A
 * connection that closed before its answer was sent is logged as status 499 (nginx's "client
 * closed request") with `aborted: true`, not as the 200 Express had not yet changed. Never
 * headers or bodies, so tokens, secrets and file contents stay out of the logs.
 */
export function requestContext(logger: Logger, now: () => number = Date.now) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const incoming = req.get("x-request-id");
    const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    const log = logger.child({ requestId });
    Object.assign(res.locals, { requestId, log } satisfies RequestLocals);
    res.setHeader("X-Request-Id", requestId);
    const started = now();
    res.once("close", () => {
      const aborted = !res.writableFinished;
      const facts = {
        method: req.method,
        path: req.path,
        status: aborted ? CLIENT_CLOSED_REQUEST : res.statusCode,
        ms: now() - started,
        ...(res.locals.errorCode === undefined
          ? {}
          : { errorCode: res.locals.errorCode as string }),
        ...(aborted ? { aborted: true } : {}),
      };
      if (!aborted && res.statusCode >= 500) log.warn(facts, "request");
      else log.info(facts, "request");
    });
    next();
  };
}
