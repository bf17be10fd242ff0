import { isTicket, ticketOf, type Ticket } from "../../contract/index.ts";

/** Reads a `{ticketId, status, issueKey}` answer; `null` when it is not one. */
export function parseTicket(bodyText: string): Ticket | null {
  let body: unknown;
  try {
    body = JSON.parse(bodyText);
  } catch {
    return null;
  }
  return isTicket(body) ? ticketOf(body) : null;
}
