import { Router } from "express";
import { API, type Ticket } from "../../contract/index.ts";
import { ApiError } from "../http/apiError.ts";
import { BODY_PROGRESS } from "../http/bodyDeadline.ts";
import { createAbortFanout } from "../http/createAbortFanout.ts";
import { customerIdOf, localsOf } from "../http/requestContext.ts";
import type { BodyProgressLimits } from "../http/watchBodyProgress.ts";
import { createSubmitTicket, type SubmitTicketDeps } from "../tickets/createSubmitTicket.ts";
import { MAX_UPLOAD_BODY_BYTES } from "../upload/parseTicketUpload.ts";
import { requestTicketBody } from "./requestTicketBody.ts";
import { ruleError } from "../upload/ruleError.ts";

// Printable ASCII, as an HTTP header value is; a UUID fits with room to spare.
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

/** What `POST /api/tickets` needs: the ticket service's dependencies and the server's signals. */
export interface TicketsRouteDeps extends SubmitTicketDeps {
  /** Aborted when shutdown begins: new uploads are refused with 503 from then on. */
  draining: AbortSignal;
  /**
   * Aborted, with the ApiError to answer as its reason, when the shutdown grace runs out:
   * uploads still being read stop and get that answer.
   */
  stopping: AbortSignal;
  /** The floor a body must keep, also while a duplicate holds it unread (default 1 KiB / 30 s). */
  bodyProgress?: BodyProgressLimits;
  /** The clock slot holds are renewed by while bytes flow; default Date.now. */
  now?: () => number;
}

/**
 * `POST /api/tickets`, the HTTP edge of the ticket service (tickets/createSubmitTicket.ts):
 * refuses what can be refused from the headers, hands the service the customer, the
 * Idempotency-Key and the body, and answers 202 with the ticket.
 */
export function createTicketsRouter(deps: TicketsRouteDeps): Router {
  const router = Router();
  const submitTicket = createSubmitTicket(deps);
  const bodyOptions = {
    stopping: createAbortFanout(deps.stopping),
    bodyProgress: deps.bodyProgress ?? BODY_PROGRESS,
    now: deps.now ?? Date.now,
  };

  router.post(API.tickets, async (req, res) => {
    const customerId = customerIdOf(res);
    if (deps.draining.aborted) {
      throw new ApiError("UPSTREAM_UNAVAILABLE", "The help service is restarting; send again.", {
        retryAfterSeconds: 5,
      });
    }
    const declaredLength = Number(req.get("content-length"));
    if (declaredLength > MAX_UPLOAD_BODY_BYTES) throw ruleError("ATTACHMENTS_TOO_LARGE");
    const key = req.get(API.idempotencyKeyHeader);
    if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) {
      throw new ApiError(
        "MALFORMED_REQUEST",
        `${API.idempotencyKeyHeader} must be 1–200 visible ASCII characters.`,
      );
    }
    const { log } = localsOf(res);
    const ticket = await submitTicket({
      customerId,
      idempotencyKey: key,
      body: requestTicketBody(req, res, bodyOptions),
      log,
    });
    log.info({ ticketId: ticket.ticketId }, "ticket accepted");
    res
      .status(202)
      .set("Cache-Control", "no-store")
      .json({
        ticketId: ticket.ticketId,
        status: ticket.status,
        issueKey: ticket.issueKey,
      } satisfies Ticket);
  });

  return router;
}
