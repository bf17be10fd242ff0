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
   * A running claim in a shared store: renewed by its process every third of this, so a claim
   * whose process died (kill -9) frees its key this long after.
   */
  runningMs: 30_000,
  /** A failed claim's outcome, kept so duplicates waiting in other processes learn it. */
  failedMs: 60_000,
  /** A reserved ticket slot counts this long unless committed or released (upload + Create). */
  holdMs: 15 * 60_000,
} as const;

/** Times to live a store takes; tests shorten them. */
export interface StoreTtlOptions {
  ticketTtlMs?: number;
  idempotencyTtlMs?: number;
  runningTtlMs?: number;
  /** How long a customer's list keeps a ticket; 0 keeps no list. */
  historyTtlMs?: number;
}
