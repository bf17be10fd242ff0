import type { LastTicketRecord, TicketText } from "./ticketFlowTypes.ts";

/** The draft as stored: its text and the idempotency key it keeps until a 202. */
export interface StoredDraft extends TicketText {
  idempotencyKey: string;
}

/** Storage key of a customer's draft (see FlowStorage). */
export const draftKey = (customerKey: string): string => `draft/${customerKey}`;
/** Storage key of a customer's last ticket. */
export const lastTicketKey = (customerKey: string): string => `last/${customerKey}`;

/** True for a stored draft written by this widget. */
export function isStoredDraft(value: unknown): value is StoredDraft {
  const draft = value as Partial<StoredDraft> | null;
  return (
    typeof draft?.summary === "string" &&
    typeof draft.description === "string" &&
    typeof draft.idempotencyKey === "string"
  );
}

/** True for a stored last-ticket record written by this widget. */
export function isLastTicketRecord(value: unknown): value is LastTicketRecord {
  const record = value as Partial<LastTicketRecord> | null;
  const ticket = record?.ticket;
  return (
    typeof ticket?.ticketId === "string" &&
    (ticket.status === "PENDING" || ticket.status === "CREATED" || ticket.status === "FAILED") &&
    (ticket.issueKey === null || typeof ticket.issueKey === "string") &&
    typeof record?.summary === "string" &&
    typeof record.description === "string" &&
    typeof record.fileCount === "number"
  );
}
