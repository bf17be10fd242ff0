import { createAbortFanout } from "../http/createAbortFanout.ts";
import { Router } from "express";
import {
  API,
  TICKET_LIST_LIMIT,
  type ListedTicket,
  type TicketList,
} from "../../contract/index.ts";
import { ApiError } from "../http/apiError.ts";
import { customerIdOf } from "../http/requestContext.ts";
import type { TicketRefresher } from "../tickets/createTicketRefresher.ts";
import {
  decodeCursor,
  encodeCursor,
  type HistoryPage,
  type HistoryPosition,
} from "../tickets/ticketHistory.ts";
import type { TicketStore } from "../tickets/ticketStore.ts";
import { holdSignal, parseWait } from "./ticketStatus.ts";

/** During a list's long poll, Ripio is asked about its PENDING rows this often (no webhooks). */
const RECHECK_EVERY_MS = 5_000;
/** The newest PENDING rows of a page that are refreshed from Ripio per answer. */
const REFRESH_AT_MOST = 5;

function parseLimit(value: unknown): number {
  if (value === undefined) return TICKET_LIST_LIMIT.default;
  const n = typeof value === "string" && /^\d{1,2}$/.test(value) ? Number(value) : NaN;
  if (!(n >= 1 && n <= TICKET_LIST_LIMIT.max)) {
    throw new ApiError(
      "MALFORMED_REQUEST",
      `limit must be a whole number from 1 to ${TICKET_LIST_LIMIT.max}.`,
    );
  }
  return n;
}

function parseCursor(value: unknown): HistoryPosition | undefined {
  if (value === undefined) return undefined;
  const position = typeof value === "string" ? decodeCursor(value) : null;
  if (!position) throw new ApiError("MALFORMED_REQUEST", "cursor is not one this list gave.");
  return position;
}

/** `?since=`: the `version` of the answer the caller shows; absent, the list as read now. */
function parseSince(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "string" || !/^\d{1,16}$/.test(value)) {
    throw new ApiError("MALFORMED_REQUEST", "since must be a version this list gave.");
  }
  return Number(value);
}

const hasPending = (page: HistoryPage): boolean => page.tickets.some((t) => t.status === "PENDING");

const toWire = (page: HistoryPage): TicketList => ({
  tickets: page.tickets.map((row): ListedTicket => ({
    ticketId: row.ticketId,
    status: row.status,
    issueKey: row.issueKey,
    summary: row.summary,
    createdAt: new Date(row.createdAt).toISOString(),
    attachmentCount: row.attachmentCount,
  })),
  next: page.next ? encodeCursor(page.next) : null,
});

/**
 * `GET /api/tickets[?limit&cursor&wait&since]`: the caller's own tickets, newest first, from
 * the store (what it keeps of them: summary, times, status, key, file count). Its newest PENDING
 * rows are refreshed from Ripio first, as a status poll does. With `wait` and a PENDING row on the page,
 * the answer is held until the caller's list changes (a PENDING ticket turns, on any replica),
 * N seconds pass, the client leaves or the server shuts down; with `since` (the version
 * header of the answer the caller shows) a change it has not seen yet is answered at once.
 * `DELETE /api/tickets/:ticketId`: the owner removes a ticket from their list (204); anyone
 * else, or an unknown id, gets 404.
 */
export function createTicketListRouter(deps: {
  store: TicketStore;
  refresher: TicketRefresher;
  now: () => number;
  shutdown: AbortSignal;
}): Router {
  const router = Router();
  // One listener on the server's signal for all the list's long polls, not one per request.
  const shutdown = createAbortFanout(deps.shutdown);
  const { store, refresher, now } = deps;

  router.get(API.tickets, async (req, res) => {
    const customerId = customerIdOf(res);
    const limit = parseLimit(req.query.limit);
    const after = parseCursor(req.query.cursor);
    const wait = parseWait(req.query.wait);
    const since = parseSince(req.query.since);
    const read = (): Promise<HistoryPage> =>
      store.listTickets(customerId, { limit, ...(after ? { after } : {}) });
    const refreshPending = async (page: HistoryPage): Promise<void> => {
      const ids = page.tickets.filter((t) => t.status === "PENDING").map((t) => t.ticketId);
      await Promise.all(ids.slice(0, REFRESH_AT_MOST).map((id) => refresher.refresh(id)));
    };

    let page = await read();
    if (hasPending(page)) {
      await refreshPending(page);
      page = await read();
    }
    // What the caller shows: the version it sends back (`since`), else the list as read now. A
    // newer version is news, even one made between its last answer and this request.
    const seen = since ?? page.version;
    const deadline = now() + wait * 1000;
    const hold = holdSignal(res, shutdown);
    try {
      // Nothing PENDING, nothing to wait for: a poller that saw one learns at once it turned.
      while (hasPending(page) && page.version <= seen && now() < deadline && !hold.signal.aborted) {
        const timeoutMs = Math.min(RECHECK_EVERY_MS, deadline - now());
        const options = { timeoutMs, since: seen, signal: hold.signal };
        const changed = await store.waitForListChange(customerId, options);
        if (!changed && !hold.signal.aborted) await refreshPending(page);
        page = await read();
      }
    } finally {
      hold.release();
    }
    if (res.destroyed) return;
    res.set({ "Cache-Control": "no-store", [API.listVersionHeader]: String(page.version) });
    res.json(toWire(page));
  });

  router.delete(`${API.tickets}/:ticketId`, async (req, res) => {
    const removed = await store.removeTicket(customerIdOf(res), req.params.ticketId);
    if (!removed) throw new ApiError("TICKET_NOT_FOUND", "No such ticket.");
    res.status(204).set("Cache-Control", "no-store").end();
  });

  return router;
}
