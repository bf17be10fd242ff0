import type { Logger } from "pino";
import { isTerminal, type Ticket } from "../../contract/index.ts";
import type { UpstreamClient } from "../upstream/createUpstreamClient.ts";
import type { TicketStore } from "./ticketStore.ts";

/** Asks Ripio for a ticket's status and feeds the store, politely. */
export interface TicketRefresher {
  /** Retrieves the ticket unless one Retrieve is running (joined) or ran < minInterval ago. */
  refresh(ticketId: string): Promise<void>;
  /**
   * Retrieves it now (joining one that is running) and answers what Ripio said, or null when
   * Ripio could not say: for a poll that lost its store and must still answer.
   */
  retrieve(ticketId: string): Promise<Ticket | null>;
}

/**
 * Creates the refresher: at most one Retrieve per ticket at a time, however many polls ask,
 * and none more often than `minIntervalMs`. Failures are logged and leave the stored status
 * (an upstream 404 for a ticket we own, too): a poll still gets what we know.
 */
export function createTicketRefresher(deps: {
  upstream: UpstreamClient;
  store: TicketStore;
  logger: Logger;
  now: () => number;
  minIntervalMs?: number;
}): TicketRefresher {
  const minInterval = deps.minIntervalMs ?? 1_000;
  const running = new Map<string, Promise<Ticket | null>>();
  const lastAsked = new Map<string, number>();

  function forgetOld(): void {
    if (lastAsked.size < 1_000) return;
    const cutoff = deps.now() - minInterval;
    for (const [id, at] of lastAsked) if (at < cutoff) lastAsked.delete(id);
  }

  async function ask(ticketId: string): Promise<Ticket | null> {
    let ticket: Ticket | null;
    try {
      ticket = await deps.upstream.retrieveTicket(ticketId);
    } catch (error) {
      deps.logger.warn(
        { ticketId, err: error },
        "Retrieve Support Ticket failed; answering the stored status",
      );
      return null;
    }
    if (ticket === null) {
      deps.logger.warn(
        { ticketId },
        "Ripio does not know a ticket we recorded; keeping our status",
      );
      return null;
    }
    try {
      await deps.store.applyStatus(ticketId, ticket.status, ticket.issueKey);
    } catch (error) {
      deps.logger.warn({ ticketId, err: error }, "status from Ripio not stored: store unavailable");
    }
    if (isTerminal(ticket.status)) lastAsked.delete(ticketId);
    return ticket;
  }

  function start(ticketId: string): Promise<Ticket | null> {
    forgetOld();
    lastAsked.set(ticketId, deps.now());
    const call = ask(ticketId).finally(() => running.delete(ticketId));
    running.set(ticketId, call);
    return call;
  }

  return {
    async refresh(ticketId) {
      const joined = running.get(ticketId);
      if (joined) return void (await joined);
      const last = lastAsked.get(ticketId);
      if (last !== undefined && deps.now() - last < minInterval) return;
      await start(ticketId);
    },
    retrieve: (ticketId) => running.get(ticketId) ?? start(ticketId),
  };
}
