import type { ErrorCode } from "./errorCodes.ts";
import type { Locale } from "./limits.ts";

/** A ticket's statuses, in the order it can go through them (PENDING, then one of the others). */
export const TICKET_STATUSES = ["PENDING", "CREATED", "FAILED"] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

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
    /** The one file the error is about: its position among the request's attachments. */
    file?: ErrorFile;
  };
}

/** Names the attachment an error is about, by position (0-based) and cleaned name. */
export interface ErrorFile {
  index: number;
  name: string;
}

/** True when `value` is an `ErrorFile` (for answers parsed from the network). */
export function isErrorFile(value: unknown): value is ErrorFile {
  const file = value as Partial<ErrorFile> | null;
  return (
    typeof file?.name === "string" &&
    typeof file.index === "number" &&
    Number.isInteger(file.index) &&
    file.index >= 0
  );
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

/**
 * A row of `GET /api/tickets`: what the list keeps of a ticket — never its description or
 * files. `createdAt` is an ISO 8601 instant.
 */
export interface ListedTicket extends Ticket {
  summary: string;
  createdAt: string;
  attachmentCount: number;
}

/** `GET /api/tickets`: the caller's tickets, newest first; `next` is the cursor of the page after. */
export interface TicketList {
  tickets: ListedTicket[];
  next: string | null;
}

/** `?limit=` of `GET /api/tickets`: 1 to `max`, `default` when absent. */
export const TICKET_LIST_LIMIT = { default: 20, max: 50 } as const;

/** True once a ticket's status can no longer change. */
export function isTerminal(status: TicketStatus): boolean {
  return status !== "PENDING";
}

/** Names on the wire between the widget and the proxy. */
export const API = {
  tickets: "/api/tickets",
  config: "/api/config",
  customerTokenHeader: "X-Customer-Token",
  /** The `aud` claim of a customer token: tokens meant for another service are refused. */
  customerTokenAudience: "ripio-help",
  idempotencyKeyHeader: "Idempotency-Key",
  /**
   * On `GET /api/tickets` answers: the list's version, opaque, growing with every change. Sent
   * back as `?since=` with `?wait=`, a change made between two long polls is answered at once.
   */
  listVersionHeader: "X-List-Version",
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
