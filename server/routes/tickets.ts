import { Router, type Request, type Response } from "express";
import { API, type Ticket } from "../../contract/index.ts";
import { ApiError, apiErrorData, apiErrorFrom } from "../http/apiError.ts";
import type { BackgroundWork } from "../http/createBackgroundWork.ts";
import { createUploadSpool } from "../upload/createUploadSpool.ts";
import type { SpoolOwner } from "../upload/spoolFileName.ts";
import type { TicketsEnabledProbe } from "../upstream/createTicketsEnabledProbe.ts";
import type { UpstreamClient } from "../upstream/createUpstreamClient.ts";
import { drainRequest } from "../http/drainRequest.ts";
import { MAX_UPLOAD_BODY_BYTES, parseTicketUpload } from "../upload/parseTicketUpload.ts";
import { clientGone, customerIdOf, localsOf } from "../http/requestContext.ts";
import { ruleError } from "../upload/ruleError.ts";
import type { TicketRecorder } from "../tickets/createTicketRecorder.ts";
import { withTechnicalDetails } from "../tickets/technicalDetailsBlock.ts";
import type {
  IdempotencyClaim,
  SlotLimiter,
  SlotReservation,
  TicketStore,
} from "../tickets/ticketStore.ts";

// Printable ASCII, as an HTTP header value is; a UUID fits with room to spare.
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;
// An upload longer than this has the store checked again before Ripio is asked.
const STORE_RECHECK_AFTER_MS = 1_000;
// A duplicate whose first attempt was abandoned claims the key again; never forever.
const MAX_CLAIMS = 3;

/** What `POST /api/tickets` needs. */
export interface TicketsRouteDeps {
  upstream: UpstreamClient;
  store: TicketStore;
  ticketsEnabled: TicketsEnabledProbe;
  /** Accepted tickets per customer: a slot is reserved before the upload, kept on 202. */
  ticketLimiter: SlotLimiter;
  /** Records an accepted ticket, retrying in the background if the store fails right then. */
  recorder: TicketRecorder;
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

  /** `settle` runs after the ticket is recorded: the Idempotency-Key's completion, if any. */
  function createTicket(
    req: Request,
    res: Response,
    customerId: string,
    settle?: (ticket: Ticket) => Promise<void>,
  ): Promise<Ticket> {
    return deps.background.track(spoolAndForward(req, res, customerId, settle));
  }

  async function spoolAndForward(
    req: Request,
    res: Response,
    customerId: string,
    settle?: (ticket: Ticket) => Promise<void>,
  ): Promise<Ticket> {
    // Reserved before a byte of the upload is read, so concurrent sends cannot beat the limit;
    // this is also where a store that is down refuses the send, before anything reaches Ripio.
    const slot = await deps.ticketLimiter.reserve(customerId);
    if (!slot.ok) {
      throw new ApiError("RATE_LIMITED", "Too many tickets; try again later.", {
        retryAfterSeconds: slot.retryAfterSeconds,
      });
    }
    const reservedAt = performance.now();
    const spool = createUploadSpool(deps.tmpDir, deps.spoolOwner);
    let accepted = false;
    try {
      const upload = await parseTicketUpload(req, { spool, signal: deps.stopping });
      // After a long upload, make sure the ticket can still be recorded before Ripio makes it
      // (a quick one was just checked by the reservation: one round trip saved per ticket).
      if (performance.now() - reservedAt > STORE_RECHECK_AFTER_MS) await deps.store.ping();
      const { context, ...ticketText } = upload;
      const description = withTechnicalDetails(upload.description, context);
      const ticket = await deps.upstream.createTicket({ customerId, ...ticketText, description });
      accepted = true;
      deps.ticketsEnabled.learn(true);
      await deps.recorder.record(ticket.ticketId, [
        // At once: a shared store gets both in one round trip (node-redis pipelines them).
        async () =>
          void (await Promise.all([deps.store.recordTicket(ticket, customerId), slot.commit()])),
        // Then the key: a duplicate told of the ticket must find it recorded.
        ...(settle ? [() => settle(ticket)] : []),
      ]);
      return ticket;
    } catch (error) {
      if (!accepted) await releaseSlot(slot, res);
      if (error instanceof ApiError && error.code === "TICKETS_DISABLED")
        deps.ticketsEnabled.learn(false);
      throw error;
    } finally {
      await spool.remove();
    }
  }

  /** A failed send frees its slot; if the store is down, the hold lapses by itself instead. */
  async function releaseSlot(slot: Extract<SlotReservation, { ok: true }>, res: Response) {
    try {
      await slot.release();
    } catch (error) {
      localsOf(res).log.warn({ err: error }, "ticket slot not released; it lapses by itself");
    }
  }

  /** Releases the key; if the store is down, its claim lapses by itself (STORE_TTL.runningMs). */
  async function failClaim(
    claim: Extract<IdempotencyClaim, { kind: "first" }>,
    error: unknown,
    res: Response,
  ): Promise<void> {
    try {
      await claim.fail(error instanceof ApiError ? apiErrorData(error) : null);
    } catch (storeError) {
      localsOf(res).log.warn({ err: storeError }, "idempotency key not released; it lapses");
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
        // Completed once the ticket is recorded (it throws only when nothing was created).
        return await createTicket(req, res, customerId, (ticket) => claim.complete(ticket));
      } catch (error) {
        // The key is released either way; duplicates waiting get our error, or retry if we left.
        await failClaim(claim, error, res);
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
        ? await createTicket(req, res, customerId)
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
