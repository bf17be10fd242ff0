import type { Ticket, TicketStatus } from "../../contract/index.ts";
import type { ApiErrorData } from "../http/apiError.ts";
import type { HistoryPage, HistoryPosition, TicketListing } from "./ticketHistory.ts";

/** A ticket as the proxy keeps it: Ripio's fields plus who may read it. */
export interface StoredTicket extends Ticket {
  ownerCustomerId: string;
  /** ms on the store's clock of the last change. */
  updatedAt: number;
}

/** How the first request with an Idempotency-Key ended, as a waiting duplicate receives it. */
export type IdempotentOutcome =
  | { ok: true; ticket: Ticket }
  /** `error` null: the first request was abandoned (its client left, or its process died). */
  | { ok: false; error: ApiErrorData | null };

/** What `beginIdempotent` found for a (customer, key) pair. */
export type IdempotencyClaim =
  /** This request owns the key: it must call `complete` or `fail` exactly once. */
  | {
      kind: "first";
      /**
       * Whether the key is still this request's: false once its claim lapsed (its process
       * stalled past the lapse) and a duplicate may have taken it. Asked before Ripio's Create.
       */
      held(): Promise<boolean>;
      complete(ticket: Ticket): Promise<void>;
      /** Releases the key (a failed attempt does not keep it) and tells waiting duplicates. */
      fail(error: ApiErrorData | null): Promise<void>;
    }
  /** The key already made a ticket: answer it, create nothing. */
  | { kind: "existing"; ticket: Ticket }
  /** Another request with the key is running: wait for its outcome. */
  | { kind: "running"; wait(signal?: AbortSignal): Promise<IdempotentOutcome> };

/** The verdict on one more request for a key. */
export type RateVerdict = { ok: true } | { ok: false; retryAfterSeconds: number };

/** Counts requests per key (client IP): `limit` per `windowMs`. */
export interface RequestLimiter {
  /** Counts a hit for `key`; refuses it when over the limit. */
  take(key: string): Promise<RateVerdict>;
}

/** A slot held for one send: counted from `reserve` on, for good once committed. */
export type SlotReservation =
  | {
      ok: true;
      /** The send succeeded: the slot counts until the window has passed since now. */
      commit(): Promise<void>;
      /** The send failed: the slot is free again at once. */
      release(): Promise<void>;
      /**
       * The upload is still coming: the hold counts a full hold time from now again (a hold
       * that has lapsed meanwhile is not revived). Called while bytes flow.
       */
      renew(): Promise<void>;
    }
  | { ok: false; retryAfterSeconds: number };

/** At most `limit` slots per key in any window (accepted tickets per customer). */
export interface SlotLimiter {
  /** Atomically takes a slot when fewer than `limit` are held or committed in the window. */
  reserve(key: string): Promise<SlotReservation>;
}

/** What a limiter is called (a namespace in the store) and how much it allows. */
export interface LimitOptions {
  /** Letters, digits and underscores: it names keys or tables. */
  name: string;
  limit: number;
  windowMs: number;
}

/**
 * Where the proxy keeps ticket owners, statuses, idempotency keys and rate-limit counters, each
 * with a time to live: in memory, in an SQLite file, or in Redis (shared by replicas). Every
 * method rejects with a StoreUnavailableError (storeUnavailable.ts) when the store cannot be reached.
 */
export interface TicketStore {
  /**
   * Records a ticket Ripio accepted for `ownerCustomerId`; with `listing`, it also joins the
   * owner's list for the history's time to live (none when that is 0).
   */
  recordTicket(ticket: Ticket, ownerCustomerId: string, listing?: TicketListing): Promise<void>;
  getTicket(ticketId: string): Promise<StoredTicket | null>;
  /**
   * Applies a status Ripio reported; true when it changed something. A terminal status never
   * changes, so a replayed or late event is a no-op. Wakes `waitForChange` callers, on every
   * instance sharing the store.
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
  /** The owner's listed tickets, newest first, from after `after`; at most `limit`. */
  listTickets(
    ownerCustomerId: string,
    options: { limit: number; after?: HistoryPosition },
  ): Promise<HistoryPage>;
  /** Removes the owner's ticket (its row and status); false when it is not theirs or unknown. */
  removeTicket(ownerCustomerId: string, ticketId: string): Promise<boolean>;
  /**
   * Like `waitForChange`, for the owner's whole list: true when its version grows past `since`
   * (a ticket recorded, changed or removed), on every instance sharing the store.
   */
  waitForListChange(
    ownerCustomerId: string,
    options: { timeoutMs: number; since?: number; signal?: AbortSignal },
  ): Promise<boolean>;
  /** Claims an Idempotency-Key for a customer (keys are scoped to the customer). */
  beginIdempotent(customerId: string, key: string): Promise<IdempotencyClaim>;
  /** A request counter on this store (rate-limiter-flexible's backend for the engine). */
  requestLimiter(options: LimitOptions): RequestLimiter;
  /** A slot limiter on this store: reserve before the work, commit or release after. */
  slotLimiter(options: LimitOptions & { holdMs?: number }): SlotLimiter;
  /** Resolves when the store answers; rejects with STORE_UNAVAILABLE and the reason if not. */
  ping(): Promise<void>;
  /** Releases connections and timers (after the server has drained). */
  close(): Promise<void>;
}
