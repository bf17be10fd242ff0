import type { ErrorCode } from "./errorCodes.ts";
import type { Locale } from "./limits.ts";

export type TicketStatus = "PENDING" | "CREATED" | "FAILED";

/** A ticket as Ripio and the proxy answer it. `issueKey` is set once CREATED. */
export interface Ticket {
  ticketId: string;
  status: TicketStatus;
  issueKey: string | null;
}

/** The form fields a ticket is about; `attachments` are the files, `context` its technical details. */
export const TICKET_FIELDS = ["summary", "description", "attachments", "context"] as const;
export type TicketField = (typeof TICKET_FIELDS)[number];

/** True when `value` names one of the ticket's fields (for answers parsed from the network). */
export function isTicketField(value: unknown): value is TicketField {
  return (TICKET_FIELDS as readonly unknown[]).includes(value);
}

/** Every error answer of the proxy. */
export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    field?: TicketField;
  };
}

/** `GET /api/config`: what the widget needs to know before it renders. */
export interface PublicConfig {
  ticketsEnabled: boolean;
  locales: readonly Locale[];
  limits: {
    summaryMaxChars: number;
    descriptionMaxChars: number;
    maxFiles: number;
    maxFileBytes: number;
    maxTotalBytes: number;
  };
  allowedExtensions: readonly string[];
}

/** True once a ticket's status can no longer change. */
export function isTerminal(status: TicketStatus): boolean {
  return status !== "PENDING";
}

/** Names on the wire between the widget and the proxy. */
export const API = {
  tickets: "/api/tickets",
  config: "/api/config",
  customerTokenHeader: "X-Customer-Token",
  idempotencyKeyHeader: "Idempotency-Key",
  fields: {
    summary: "summary",
    description: "description",
    attachments: "attachments",
    context: "context",
  },
} as const;

/** Path of one ticket's status. */
export function ticketPath(ticketId: string): string {
  return `${API.tickets}/${encodeURIComponent(ticketId)}`;
}
