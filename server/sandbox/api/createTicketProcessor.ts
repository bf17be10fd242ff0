import { randomUUID } from "node:crypto";
import type { SandboxStore } from "../createSandboxStore.ts";
import type { Timers } from "../createTimers.ts";
import type { WebhookSender } from "./createWebhookSender.ts";
import type { ReceivedFile, ReceivedTicket, TicketOutcome } from "../types.ts";

/** Ripio's asynchronous processing: PENDING, then CREATED (with an issueKey) or FAILED. */
export interface TicketProcessor {
  /** Stores a new PENDING ticket and schedules its outcome. */
  accept(input: {
    customerId: string;
    summary: string;
    description: string;
    files: ReceivedFile[];
  }): ReceivedTicket;
  /** Finishes a PENDING ticket now; a terminal one is left as it is. Null for an unknown id. */
  complete(ticketId: string, outcome: TicketOutcome): ReceivedTicket | null;
  /** Cancels every scheduled outcome. */
  cancelAll(): void;
}

/** Creates the processor; outcomes fire webhook events through `webhooks`. */
export function createTicketProcessor(deps: {
  store: SandboxStore;
  timers: Timers;
  webhooks: WebhookSender;
}): TicketProcessor {
  const { store, timers, webhooks } = deps;
  const timerKey = (ticketId: string): string => `ticket:${ticketId}`;

  function complete(ticketId: string, outcome: TicketOutcome): ReceivedTicket | null {
    const ticket = store.tickets.get(ticketId);
    if (!ticket) return null;
    if (ticket.status !== "PENDING") return ticket;
    timers.clear(timerKey(ticketId));
    ticket.status = outcome;
    // Only registered tickets get a number, so SUP-1001, SUP-1002… count CREATED ones.
    ticket.issueKey = outcome === "CREATED" ? store.nextIssueKey() : null;
    webhooks.send(`SUPPORT_TICKET.${outcome}`, {
      ticketId,
      status: ticket.status,
      issueKey: ticket.issueKey,
    });
    return ticket;
  }

  return {
    accept(input) {
      const ticket: ReceivedTicket = {
        ticketId: randomUUID(),
        ...input,
        status: "PENDING",
        issueKey: null,
        createdAt: new Date().toISOString(),
      };
      store.tickets.set(ticket.ticketId, ticket);
      // The outcome is decided now: "nextOutcome" belongs to the next ticket accepted.
      const outcome = store.scenario.nextOutcome;
      store.scenario.nextOutcome = "CREATED";
      const { ticketId } = ticket;
      timers.set(
        () => void complete(ticketId, outcome),
        store.scenario.processingDelayMs,
        timerKey(ticketId),
      );
      return ticket;
    },
    complete,
    cancelAll: () => timers.clearAll("ticket:"),
  };
}
