import { Router, type Request, type Response } from "express";
import { API, type Ticket } from "../../contract/index.ts";
import { ApiError, apiErrorData, apiErrorFrom } from "../http/apiError.ts";
import type { BackgroundWork } from "../http/createBackgroundWork.ts";
import { createUploadSpool } from "../upload/createUploadSpool.ts";
import type { SpoolOwner } from "../upload/spoolFileName.ts";
import type { RateLimiter } from "../protection/createRateLimiter.ts";
import type { TicketsEnabledProbe } from "../upstream/createTicketsEnabledProbe.ts";
import type { UpstreamClient } from "../upstream/createUpstreamClient.ts";
import { drainRequest } from "../http/drainRequest.ts";
import { MAX_UPLOAD_BODY_BYTES, parseTicketUpload } from "../upload/parseTicketUpload.ts";
import { clientGone, customerIdOf, localsOf } from "../http/requestContext.ts";
import { ruleError } from "../upload/ruleError.ts";
import type { TicketStore } from "../tickets/ticketStore.ts";

// Printable ASCII, as an HTTP header value is; a UUID fits with room to spare.
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;
// A duplicate whose first attempt was abandoned claims the key again; never forever.
const MAX_CLAIMS = 3;

/** What `POST /api/tickets` needs. */
export interface TicketsRouteDeps {
  upstream: UpstreamClient;
  store: TicketStore;
  ticketsEnabled: TicketsEnabledProbe;
  /** Accepted tickets per customer (checked before the upload, counted on 202). */
  ticketLimiter: RateLimiter;
  /** The spool folder: one temporary file per attachment, removed after. */
  tmpDir: string;
  /** Named in each spool file, so a sweep at start can tell a crashed process's files. */
  spoolOwner: SpoolOwner;
  /** Aborted when shutdown begins: new uploads are refused with 503 from then on. */
  draining: AbortSignal;
  /**
   * Aborted, with the ApiError to answer as its reason, when the shutdown grace runs out:
   * uploads still being read stop and get that answer.
   */
  stopping: AbortSignal;
  /** Tracks each upload until its files are gone, so shutdown can wait for it. */
  background: BackgroundWork;
}

/**
 * `POST /api/tickets`: spools the upload to temporary files while checking every rule, then
 * forwards it to Create Support Ticket, records the owner and answers 202. The files are
 * removed in every outcome. With an Idempotency-Key, a repeat gets the first ticket.
 */
export function createTicketsRouter(deps: TicketsRouteDeps): Router {
  const router = Router();

  function createTicket(req: Request, customerId: string): Promise<Ticket> {
    return deps.background.track(spoolAndForward(req, customerId));
  }

  async function spoolAndForward(req: Request, customerId: string): Promise<Ticket> {
    const allowance = deps.ticketLimiter.check(customerId);
    if (!allowance.ok) {
      throw new ApiError("RATE_LIMITED", "Too many tickets; try again later.", {
        retryAfterSeconds: allowance.retryAfterSeconds,
      });
    }
    const spool = createUploadSpool(deps.tmpDir, deps.spoolOwner);
    try {
      const upload = await parseTicketUpload(req, { spool, signal: deps.stopping });
      const ticket = await deps.upstream.createTicket({ customerId, ...upload });
      deps.ticketsEnabled.learn(true);
      deps.ticketLimiter.record(customerId);
      await deps.store.recordTicket(ticket, customerId);
      return ticket;
    } catch (error) {
      if (error instanceof ApiError && error.code === "TICKETS_DISABLED")
        deps.ticketsEnabled.learn(false);
      throw error;
    } finally {
      await spool.remove();
    }
  }

  /** Runs the upload under the key's claim; a duplicate waits for the first and shares its answer. */
  async function createOnce(
    req: Request,
    res: Response,
    customerId: string,
    key: string,
  ): Promise<Ticket> {
    for (let attempt = 1; attempt <= MAX_CLAIMS; attempt += 1) {
      const claim = await deps.store.beginIdempotent(customerId, key);
      if (claim.kind === "existing") {
        drainRequest(req);
        return claim.ticket;
      }
      if (claim.kind === "running") {
        // Our own body waits unread meanwhile: if the first attempt is abandoned, we upload it.
        const outcome = await claim.wait(clientGone(res));
        if (outcome.ok) {
          drainRequest(req);
          return outcome.ticket;
        }
        if (outcome.error !== null) throw apiErrorFrom(outcome.error);
        continue;
      }
      try {
        const ticket = await createTicket(req, customerId);
        await claim.complete(ticket);
        return ticket;
      } catch (error) {
        // The key is released either way; duplicates waiting get our error, or retry if we left.
        await claim.fail(error instanceof ApiError ? apiErrorData(error) : null);
        throw error;
      }
    }
    throw new ApiError("UPSTREAM_UNAVAILABLE", "This ticket is being sent already; try again.", {
      retryAfterSeconds: 5,
    });
  }

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
    const ticket =
      key === undefined
        ? await createTicket(req, customerId)
        : await createOnce(req, res, customerId, key);
    localsOf(res).log.info({ ticketId: ticket.ticketId }, "ticket accepted");
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
