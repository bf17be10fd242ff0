import type { Request, Response } from "express";
import { ApiError } from "../http/apiError.ts";
import { discardBody } from "../http/discardBody.ts";
import { clientGone } from "../http/requestContext.ts";
import { watchHeldBody } from "../http/watchHeldBody.ts";
import type { BodyProgressLimits } from "../http/watchBodyProgress.ts";
import type { TicketBody } from "../tickets/createSubmitTicket.ts";
import { MAX_UPLOAD_BODY_BYTES, parseTicketUpload } from "../upload/parseTicketUpload.ts";
import { ruleError } from "../upload/ruleError.ts";

/**
 * The body of `POST /api/tickets` for the ticket service: parsed as the upload, discarded to
 * its end, or held unread under the body deadline. `stopping` (the end of the shutdown grace)
 * stops reading with its reason as the answer.
 */
export function requestTicketBody(
  req: Request,
  res: Response,
  options: { stopping: AbortSignal; bodyProgress: BodyProgressLimits },
): TicketBody {
  return {
    read: (spool) => parseTicketUpload(req, { spool, signal: options.stopping }),
    skip: () =>
      discardBody(req, {
        maxBytes: MAX_UPLOAD_BODY_BYTES,
        tooLarge: () => ruleError("ATTACHMENTS_TOO_LARGE"),
        signal: options.stopping,
      }),
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
