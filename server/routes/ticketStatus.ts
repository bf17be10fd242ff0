import { Router, type Response } from "express";
import { API, MAX_WAIT_SECONDS, isTerminal, type Ticket } from "../../contract/index.ts";
import { ApiError } from "../http/apiError.ts";
import { createAbortFanout, type AbortFanout } from "../http/createAbortFanout.ts";
import type { ProxyMetrics } from "../metrics/createProxyMetrics.ts";
import type { TicketRefresher } from "../tickets/createTicketRefresher.ts";
import { clientGone, customerIdOf } from "../http/requestContext.ts";
import { isStoreUnavailable } from "../tickets/storeUnavailable.ts";
import type { StoredTicket, TicketStore } from "../tickets/ticketStore.ts";

/** During a long poll, Ripio is asked again this often, so it works without webhooks too. */
const RECHECK_EVERY_MS = 5_000;

export function parseWait(value: unknown): number {
  if (value === undefined) return 0;
  if (typeof value !== "string" || !/^\d{1,2}$/.test(value) || Number(value) > MAX_WAIT_SECONDS) {
    throw new ApiError(
      "MALFORMED_REQUEST",
      `wait must be a whole number of seconds from 0 to ${MAX_WAIT_SECONDS}.`,
    );
  }
  return Number(value);
}

/**
 * Aborts when the client leaves or the server shuts down. Not AbortSignal.any: with a
 * long-lived source signal, some Node releases kept every dependant alive.
 */
export function holdSignal(
  res: Response,
  shutdown: AbortFanout,
): { signal: AbortSignal; release(): void } {
  const controller = new AbortController();
  const end = (): void => controller.abort();
  clientGone(res).addEventListener("abort", end, { once: true });
  return { signal: controller.signal, release: shutdown.watch(end) };
}

/**
 * `GET /api/tickets/:ticketId[?wait=N]`: the owner's ticket from the store (404 for anyone
 * else, the same as for an unknown id), refreshed from Ripio while PENDING. With `wait`, the
 * answer is held until the status changes (webhook or Retrieve), N seconds pass, the client
 * leaves, or the server shuts down. If the store goes away after the owner was checked, the
 * poll answers what Ripio says (Retrieve) instead of an error, and never waits for the store.
 */
export function createTicketStatusRouter(deps: {
  store: TicketStore;
  refresher: TicketRefresher;
  now: () => number;
  shutdown: AbortSignal;
  metrics: ProxyMetrics;
}): Router {
  const router = Router();
  const { store, refresher, now } = deps;
  const shutdown = createAbortFanout(deps.shutdown);

  router.get(`${API.tickets}/:ticketId`, async (req, res) => {
    const customerId = customerIdOf(res);
    const wait = parseWait(req.query.wait);
    const { ticketId } = req.params;
    const owned = async (): Promise<StoredTicket> => {
      const ticket = await store.getTicket(ticketId);
      if (!ticket || ticket.ownerCustomerId !== customerId) {
        throw new ApiError("TICKET_NOT_FOUND", "No such ticket.");
      }
      return ticket;
    };

    let ticket = await owned(); // a store that is down: 503, as the owner cannot be checked
    let answer: Ticket = ticket;
    const deadline = now() + wait * 1000;
    const held = performance.now();
    const hold = holdSignal(res, shutdown);
    try {
      if (!isTerminal(ticket.status)) {
        await refresher.refresh(ticketId);
        answer = ticket = await owned();
      }
      while (!isTerminal(ticket.status) && now() < deadline && !hold.signal.aborted) {
        const timeoutMs = Math.min(RECHECK_EVERY_MS, deadline - now());
        const options = { timeoutMs, since: ticket.updatedAt, signal: hold.signal };
        const changed = await store.waitForChange(ticketId, options);
        if (!changed && !hold.signal.aborted) await refresher.refresh(ticketId);
        answer = ticket = await owned();
      }
    } catch (error) {
      if (!isStoreUnavailable(error)) throw error;
      answer = (await refresher.retrieve(ticketId)) ?? answer;
    } finally {
      hold.release();
      if (wait > 0) deps.metrics.statusWait((performance.now() - held) / 1000);
    }
    if (res.destroyed) return;
    res.set("Cache-Control", "no-store").json({
      ticketId: answer.ticketId,
      status: answer.status,
      issueKey: answer.issueKey,
    } satisfies Ticket);
  });

  return router;
}
