import { TICKET_STATUSES, type Ticket, type TicketStatus } from "./api.ts";

/** True when `value` is one of the ticket statuses (for answers parsed from the network). */
export function isTicketStatus(value: unknown): value is TicketStatus {
  return (TICKET_STATUSES as readonly unknown[]).includes(value);
}

/**
 * True when `value` has a ticket's shape: a non-empty `ticketId`, a known `status` and an
 * `issueKey` that is a string or null. Other properties are allowed (and not copied by
 * `ticketOf`). The one check of a ticket read from Ripio, a webhook, the proxy or storage.
 */
export function isTicket(value: unknown): value is Ticket {
  if (typeof value !== "object" || value === null) return false;
  const { ticketId, status, issueKey } = value as Record<string, unknown>;
  return (
    typeof ticketId === "string" &&
    ticketId !== "" &&
    isTicketStatus(status) &&
    (issueKey === null || typeof issueKey === "string")
  );
}

/** The ticket's own three fields of a value `isTicket` accepted, without anything else it had. */
export function ticketOf(value: Ticket): Ticket {
  return { ticketId: value.ticketId, status: value.status, issueKey: value.issueKey };
}
