import type { NextFunction, Request, Response } from "express";
import { ApiError } from "./apiError.ts";
import { drainRequest } from "./drainRequest.ts";
import { localsOf } from "./requestContext.ts";
import { watchBodyProgress, type BodyProgressLimits } from "./watchBodyProgress.ts";

/** Under 1 KiB in 30 s of reading: the body has stalled (docs/architecture.md, "Hostile clients"). */
export const BODY_PROGRESS: BodyProgressLimits = { minBytes: 1024, windowMs: 30_000 };

const hasBody = (req: Request): boolean =>
  req.headers["transfer-encoding"] !== undefined || Number(req.headers["content-length"]) > 0;

/**
 * Deadlines for every request body, whatever the route: one that stalls while read (see
 * watchBodyProgress) is answered 408 REQUEST_TIMEOUT when an answer can still be written, and
 * its connection closed; once any answer is sent, the rest of the body is drained for at most
 * 1 MiB or 5 s (drainRequest) — also for routes that never read theirs, which Node would
 * otherwise read to the end however slowly it came.
 */
export function bodyDeadline(limits: BodyProgressLimits = BODY_PROGRESS) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (!hasBody(req)) return next();
    const stopWatching = watchBodyProgress(req, limits, () => {
      const { log } = localsOf(res);
      log.info({ minBytes: limits.minBytes, windowMs: limits.windowMs }, "request body stalled");
      // Its reader (a parse waiting for the rest) learns of the end only from a destroyed
      // request: Node no longer closes a request whose answer has gone out.
      if (res.headersSent) {
        req.destroy();
        return;
      }
      const error = new ApiError(
        "REQUEST_TIMEOUT",
        `The request body stalled: under ${limits.minBytes} bytes in ${limits.windowMs / 1000} s.`,
      );
      localsOf(res).errorCode = error.code;
      res
        .status(error.status)
        .set({ Connection: "close", "Cache-Control": "no-store" })
        .json(error.toBody());
      res.once("finish", () => req.destroy());
    });
    res.once("finish", () => {
      stopWatching();
      drainRequest(req);
    });
    res.once("close", stopWatching);
    next();
  };
}
