const HOUR = 60 * 60 * 1000;

/** How long each kind of record lives in every store (tickets 7 days, keys 24 h; docs/architecture.md). */
export const STORE_TTL = {
  /** A ticket's owner and status: a returning user may look it up. */
  ticketMs: 7 * 24 * HOUR,
  /** A customer's list keeps a ticket this long (TICKET_HISTORY_DAYS; 0 = no list). */
  historyMs: 90 * 24 * HOUR,
  /** The same Idempotency-Key within this gives the same ticket. */
  idempotencyMs: 24 * HOUR,
  /**
   * A running claim: renewed by its process every quarter of this, so a claim whose process
   * died (kill -9) frees its key at most this long after (a retry waits no more than that),
   * while a live process would have to stall for three quarters of it to lose its claim.
   */
  runningMs: 8_000,
  /** A failed claim's outcome, kept so duplicates waiting in other processes learn it. */
  failedMs: 60_000,
  /**
   * A reserved ticket slot counts this long unless committed, released or renewed: renewed
   * while its upload brings bytes, so it lapses only when its process died (upload + Create).
   */
  holdMs: 15 * 60_000,
} as const;

/** Times to live a store takes, and its clock; tests shorten the one and move the other. */
export interface StoreTtlOptions {
  /** The store's clock (ms since the epoch); default Date.now. Replicas sharing a store need clocks in step. */
  now?: () => number;
  ticketTtlMs?: number;
  idempotencyTtlMs?: number;
  runningTtlMs?: number;
  /** How long a customer's list keeps a ticket; 0 keeps no list. */
  historyTtlMs?: number;
}
