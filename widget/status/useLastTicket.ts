import { isTicket, type Ticket } from "../../contract/index.ts";
import { useStoredValue, type StoredUpdate } from "../storage/useStoredValue.ts";

/** The ticket last sent from this tab, and what it said (for "Try again" after a reload). */
export interface LastTicketRecord {
  ticket: Ticket;
  summary: string;
  description: string;
  /** How many files went with it: files do not survive a reload and must be re-added. */
  fileCount: number;
}

function isRecord(value: unknown): value is LastTicketRecord {
  const record = value as Partial<LastTicketRecord> | null;
  return (
    isTicket(record?.ticket) &&
    typeof record?.summary === "string" &&
    typeof record.description === "string" &&
    typeof record.fileCount === "number"
  );
}

/** The last ticket of `customerKey` in sessionStorage, so a reload follows it again. */
export function useLastTicket(
  customerKey: string | null,
): [LastTicketRecord | null, (next: StoredUpdate<LastTicketRecord>) => void] {
  return useStoredValue(customerKey === null ? null : `last/${customerKey}`, isRecord);
}
