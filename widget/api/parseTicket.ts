import type { Ticket } from "../../contract/index.ts";

/** Reads a `{ticketId, status, issueKey}` answer; `null` when it is not one. */
export function parseTicket(bodyText: string): Ticket | null {
  let body: unknown;
  try {
    body = JSON.parse(bodyText);
  } catch {
    return null;
  }
  if (typeof body !== "object" || body === null) return null;
  const { ticketId, status, issueKey } = body as Record<string, unknown>;
  if (typeof ticketId !== "string") return null;
  if (status !== "PENDING" && status !== "CREATED" && status !== "FAILED") return null;
  if (issueKey !== null && typeof issueKey !== "string") return null;
  return { ticketId, status, issueKey };
}
