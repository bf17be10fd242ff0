import { useRef } from "react";
import type { ListedTicket, Ticket } from "../../contract/index.ts";

/** The part of the widget's remembered last ticket the list needs. */
interface SentRecord {
  ticket: Ticket;
  summary: string;
  fileCount: number;
}

/**
 * The ticket last sent from this widget as a list row, its time taken when first seen (the
 * proxy's own `createdAt` replaces it once the list loads), or null.
 */
export function useJustSent(last: SentRecord | null): ListedTicket | null {
  const row = useRef<ListedTicket | null>(null);
  if (last === null) return null;
  if (row.current?.ticketId !== last.ticket.ticketId) {
    row.current = {
      ...last.ticket,
      summary: last.summary,
      createdAt: new Date().toISOString(),
      attachmentCount: last.fileCount,
    };
  }
  return row.current;
}
