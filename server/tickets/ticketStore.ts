import type { Ticket, TicketStatus } from "../../contract/index.ts";
import type { ApiErrorData } from "../http/apiError.ts";

/** A ticket as the proxy keeps it: Ripio's fields plus who may read it. */
export interface StoredTicket extends Ticket {
  ownerCustomerId: string;
  /** ms on the store's clock of the last change. */
  updatedAt: number;
}

/** How the first request with an Idempotency-Key ended, as a waiting duplicate receives it. */
export type IdempotentOutcome =
  | { ok: true; ticket: Ticket }
  /** `error` null: the first request was abandoned (its client left) and gave no answer. */
  | { ok: false; error: ApiErrorData | null };

/** What `beginIdempotent` found for a (customer, key) pair. */
export type IdempotencyClaim =
  /** This request owns the key: it must call `complete` or `fail` exactly once. */
  | {
      kind: "first";
      complete(ticket: Ticket): Promise<void>;
      /** Releases the key (a failed attempt does not keep it) and tells waiting duplicates. */
      fail(error: ApiErrorData | null): Promise<void>;
    }
  /** The key already made a ticket: answer it, create nothing. */
  | { kind: "existing"; ticket: Ticket }
  /** Another request with the key is running: wait for its outcome. */
  | { kind: "running"; wait(signal?: AbortSignal): Promise<IdempotentOutcome> };

/**
 * Where the proxy keeps ticket owners, statuses and idempotency keys, each with a time to
 * live. Async throughout, so a shared store (Redis, a database) can plug in here.
 */
export interface TicketStore {
  /** Records a ticket Ripio accepted for `ownerCustomerId`. */
  recordTicket(ticket: Ticket, ownerCustomerId: string): Promise<void>;
  getTicket(ticketId: string): Promise<StoredTicket | null>;
  /**
   * Applies a status Ripio reported; true when it changed something. A terminal status never
   * changes, so a replayed or late event is a no-op. Wakes `waitForChange` callers.
   */
  applyStatus(ticketId: string, status: TicketStatus, issueKey: string | null): Promise<boolean>;
  /**
   * Resolves true when the ticket changes — at once if it changed after `since` (the
   * `updatedAt` the caller last read, so no change slips between a read and the wait) —
   * false after `timeoutMs` or when `signal` aborts.
   */
  waitForChange(
    ticketId: string,
    options: { timeoutMs: number; since?: number; signal?: AbortSignal },
  ): Promise<boolean>;
  /** Claims an Idempotency-Key for a customer (keys are scoped to the customer). */
  beginIdempotent(customerId: string, key: string): Promise<IdempotencyClaim>;
}
