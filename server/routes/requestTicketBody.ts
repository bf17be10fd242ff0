import type { Request, Response } from "express";
import { ApiError } from "../http/apiError.ts";
import type { AbortFanout } from "../http/createAbortFanout.ts";
import { discardBody } from "../http/discardBody.ts";
import { clientGone } from "../http/requestContext.ts";
import { watchHeldBody } from "../http/watchHeldBody.ts";
import type { BodyProgressLimits } from "../http/watchBodyProgress.ts";
import type { TicketBody } from "../tickets/createSubmitTicket.ts";
import { MAX_UPLOAD_BODY_BYTES, parseTicketUpload } from "../upload/parseTicketUpload.ts";
import { renewWhileFlowing } from "../upload/renewWhileFlowing.ts";
import { ruleError } from "../upload/ruleError.ts";

/**
 * The body of `POST /api/tickets` for the ticket service: parsed as the upload, discarded to
 * its end, or held unread under the body deadline. `stopping` (the end of the shutdown grace,
 * fanned out to each request) stops reading with its reason as the answer.
 */
export function requestTicketBody(
  req: Request,
  res: Response,
  options: { stopping: AbortFanout; bodyProgress: BodyProgressLimits; now: () => number },
): TicketBody {
  /** Runs `work` with a signal of this request's own that aborts when the grace runs out. */
  async function untilStopping<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const stopping = options.stopping.child();
    try {
      return await work(stopping.signal);
    } finally {
      stopping.release();
    }
  }
  return {
    read: (spool) => untilStopping((signal) => parseTicketUpload(req, { spool, signal })),
    skip: () =>
      untilStopping((signal) =>
        discardBody(req, {
          maxBytes: MAX_UPLOAD_BODY_BYTES,
          tooLarge: () => ruleError("ATTACHMENTS_TOO_LARGE"),
          signal,
        }),
      ),
    renewWhileFlowing: (slot, onError) =>
      renewWhileFlowing(req, slot, { now: options.now, onError }),
    hold() {
      const controller = new AbortController();
      const left = clientGone(res);
      const onLeft = (): void => controller.abort(left.reason);
      left.addEventListener("abort", onLeft, { once: true });
      if (left.aborted) onLeft();
      const { minBytes, windowMs } = options.bodyProgress;
      const stopWatching = watchHeldBody(req, options.bodyProgress, () => {
        // Answered 408 like a body that stalls while read, and the connection closed after.
        res.setHeader("Connection", "close");
        controller.abort(
          new ApiError(
            "REQUEST_TIMEOUT",
            `The request body stalled: under ${minBytes} bytes in ${windowMs / 1000} s.`,
          ),
        );
      });
      return {
        signal: controller.signal,
        release() {
          stopWatching();
          left.removeEventListener("abort", onLeft);
        },
      };
    },
  };
}
