import type { Logger } from "pino";
import type { Ticket } from "../../contract/index.ts";
import { UpstreamRejectedError } from "../domain/UpstreamRejectedError.ts";
import { ApiError, apiErrorData, apiErrorFrom } from "../http/apiError.ts";
import { toApiError } from "../http/toApiError.ts";
import type { BackgroundWork } from "../http/createBackgroundWork.ts";
import { createUploadSpool, type UploadSpool } from "../upload/createUploadSpool.ts";
import type { TicketUpload } from "../upload/parseTicketUpload.ts";
import type { SpoolOwner } from "../upload/spoolFileName.ts";
import type { TicketsEnabledProbe } from "../upstream/createTicketsEnabledProbe.ts";
import type { UpstreamClient } from "../upstream/createUpstreamClient.ts";
import type { TicketRecorder } from "./createTicketRecorder.ts";
import { withTechnicalDetails } from "./technicalDetailsBlock.ts";
import type { IdempotencyClaim, SlotLimiter, SlotReservation, TicketStore } from "./ticketStore.ts";

// An upload longer than this has the store checked again before Ripio is asked.
const STORE_RECHECK_AFTER_MS = 1_000;
// A duplicate whose first attempt was abandoned claims the key again; never forever.
const MAX_CLAIMS = 3;

/**
 * A request's body as the service sees it. It is read once: as the upload, or — for a
 * duplicate that gets the first ticket — to its end and discarded, so the client, still
 * sending, can read the answer.
 */
export interface TicketBody {
  /** Parses the upload, spooling its files; rejects with the first rule it breaks. */
  read(spool: UploadSpool): Promise<TicketUpload>;
  /** Reads the body to its end, discarding it; rejects if the client leaves or stalls. */
  skip(): Promise<void>;
  /**
   * While a duplicate waits with its body unread: a signal that aborts when the client leaves
   * or its body stops arriving (the reason is what to answer). Release it when the wait ends.
   */
  hold(): { signal: AbortSignal; release(): void };
  /**
   * Renews `slot` (a ticket slot's hold) while the body brings bytes, so a slow upload keeps
   * it past the hold's lapse; a stalled body is cut by the body deadline instead. Returns the
   * function that stops renewing.
   */
  renewWhileFlowing(
    slot: { renew(): Promise<void> },
    onError: (error: unknown) => void,
  ): () => void;
}

/** One `POST /api/tickets`, stripped of HTTP. */
export interface TicketSubmission {
  customerId: string;
  /** Scoped to the customer: the same key gives the same ticket. */
  idempotencyKey?: string | undefined;
  body: TicketBody;
  /** The request's logger (it carries the request id). */
  log: Logger;
}

/** What a send answers when its key is another attempt's: nothing was made, try again soon. */
function sentAlready(): ApiError {
  return new ApiError("UPSTREAM_UNAVAILABLE", "This ticket is being sent already; try again.", {
    retryAfterSeconds: 5,
  });
}

/** Sends a ticket once; answers the ticket Ripio accepted, or the one its key already has. */
export type SubmitTicket = (submission: TicketSubmission) => Promise<Ticket>;

/** What submitting a ticket needs. */
export interface SubmitTicketDeps {
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
  /** Tracks each upload until its files are gone, so shutdown can wait for it. */
  background: BackgroundWork;
  /** MAX_UPLOADS_IN_FLIGHT: one more upload is refused before its slot or a byte of it. */
  uploadsInFlight: { enter(): () => void };
}

/**
 * The ticket flow behind `POST /api/tickets`: reserve a slot, spool the upload while checking
 * every rule, forward it to Create Support Ticket, record the owner. The files are removed in
 * every outcome. With an Idempotency-Key, a duplicate waits for the first attempt and gets its
 * ticket (after reading its own body to the end), or uploads its own if the first was abandoned.
 */
export function createSubmitTicket(deps: SubmitTicketDeps): SubmitTicket {
  /** Sent under an Idempotency-Key's claim: `held` before Ripio, `settle` once recorded. */
  interface UnderClaim {
    held(): Promise<boolean>;
    settle(ticket: Ticket): Promise<void>;
  }

  function createTicket(submission: TicketSubmission, claim?: UnderClaim): Promise<Ticket> {
    // Counted until its spool files are gone; a duplicate waiting on its key is not counted.
    const leave = deps.uploadsInFlight.enter();
    return deps.background.track(spoolAndForward(submission, claim).finally(leave));
  }

  async function spoolAndForward(
    { customerId, body, log }: TicketSubmission,
    claim?: UnderClaim,
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
      const stopRenewing = body.renewWhileFlowing(slot, (error) =>
        log.warn({ err: error }, "ticket slot not renewed"),
      );
      const upload = await body.read(spool).finally(stopRenewing);
      // After a long upload, make sure the ticket can still be recorded before Ripio makes it
      // (a quick one was just checked by the reservation: one round trip saved per ticket).
      if (performance.now() - reservedAt > STORE_RECHECK_AFTER_MS) await deps.store.ping();
      // A claim lost while this process stalled: a duplicate may be uploading already.
      if (claim && !(await claim.held())) throw sentAlready();
      // The user's text first; the technical details block only where it fits in the limit.
      const { context, ...ticketText } = upload;
      const description = withTechnicalDetails(upload.description, context);
      const ticket = await deps.upstream.createTicket({ customerId, ...ticketText, description });
      accepted = true;
      deps.ticketsEnabled.learn(true);
      await deps.recorder.record(ticket.ticketId, [
        // At once: a shared store gets both in one round trip (node-redis pipelines them).
        async () =>
          void (await Promise.all([
            deps.store.recordTicket(ticket, customerId, {
              summary: upload.summary,
              attachmentCount: upload.files.length,
            }),
            slot.commit(),
          ])),
        // Then the key: a duplicate told of the ticket must find it recorded.
        ...(claim ? [() => claim.settle(ticket)] : []),
      ]);
      return ticket;
    } catch (error) {
      if (!accepted) await releaseSlot(slot, log);
      if (error instanceof UpstreamRejectedError && error.reason === "ticketsDisabled")
        deps.ticketsEnabled.learn(false);
      throw error;
    } finally {
      await spool.remove();
    }
  }

  /** A failed send frees its slot; if the store is down, the hold lapses by itself instead. */
  async function releaseSlot(slot: Extract<SlotReservation, { ok: true }>, log: Logger) {
    try {
      await slot.release();
    } catch (error) {
      log.warn({ err: error }, "ticket slot not released; it lapses by itself");
    }
  }

  /** Releases the key; if the store is down, its claim lapses by itself (STORE_TTL.runningMs). */
  async function failClaim(
    claim: Extract<IdempotencyClaim, { kind: "first" }>,
    error: unknown,
    log: Logger,
  ): Promise<void> {
    try {
      const answer = toApiError(error);
      await claim.fail(answer ? apiErrorData(answer) : null);
    } catch (storeError) {
      log.warn({ err: storeError }, "idempotency key not released; it lapses");
    }
  }

  /** Waits for the key's running attempt with the body held unread, as long as it keeps coming. */
  async function waitHeld(claim: Extract<IdempotencyClaim, { kind: "running" }>, body: TicketBody) {
    const hold = body.hold();
    try {
      return await claim.wait(hold.signal);
    } finally {
      hold.release();
    }
  }

  /** Runs the upload under the key's claim; a duplicate waits for the first and shares its answer. */
  async function createOnce(submission: TicketSubmission, key: string): Promise<Ticket> {
    const { customerId, body, log } = submission;
    for (let attempt = 1; attempt <= MAX_CLAIMS; attempt += 1) {
      const claim = await deps.store.beginIdempotent(customerId, key);
      if (claim.kind === "existing") {
        await body.skip();
        return claim.ticket;
      }
      if (claim.kind === "running") {
        // Our own body waits unread meanwhile: if the first attempt is abandoned, we upload it.
        const outcome = await waitHeld(claim, body);
        if (outcome.ok) {
          await body.skip();
          return outcome.ticket;
        }
        if (outcome.error !== null) throw apiErrorFrom(outcome.error);
        continue;
      }
      try {
        // Completed once the ticket is recorded (it throws only when nothing was created).
        return await createTicket(submission, {
          held: () => claim.held(),
          settle: (ticket) => claim.complete(ticket),
        });
      } catch (error) {
        // The key is released either way; duplicates waiting get our error, or retry if we left.
        await failClaim(claim, error, log);
        throw error;
      }
    }
    throw sentAlready();
  }

  return (submission) =>
    submission.idempotencyKey === undefined
      ? createTicket(submission)
      : createOnce(submission, submission.idempotencyKey);
}
