/** How long a failed token fetch is remembered before the next one may be tried. */
export interface TokenBackoffLimits {
  /** After the first failure with no Retry-After; doubled for each failure in a row. */
  baseMs: number;
  /** The longest wait, whatever Retry-After or the doubling says. */
  maxMs: number;
}

/** 1 s, doubling, at most 30 s: a token outage costs a couple of requests a minute. */
export const TOKEN_BACKOFF: TokenBackoffLimits = { baseMs: 1_000, maxMs: 30_000 };

/** Remembers the last failed token fetch until its backoff is over. */
export interface TokenBackoff {
  /** The failure to answer with while the backoff lasts; null when a fetch may be tried. */
  pending(): { error: unknown } | null;
  failed(error: unknown): void;
  succeeded(): void;
}

/** The Retry-After an error carries (ApiError's `retryAfterSeconds`), in ms; null if none. */
function retryAfterMsOf(error: unknown): number | null {
  const seconds = (error as { retryAfterSeconds?: unknown } | null)?.retryAfterSeconds;
  return typeof seconds === "number" && Number.isFinite(seconds) && seconds > 0
    ? seconds * 1000
    : null;
}

/**
 * Without it, every caller that finds no token — each `/readyz` probe above all — asks the
 * token endpoint again while it is down (50 probes made 51 requests). With it, a failure is
 * answered from memory until `max(Retry-After, base · 2^(failures − 1))`, capped at `maxMs`.
 */
export function createTokenBackoff(
  now: () => number,
  limits: TokenBackoffLimits = TOKEN_BACKOFF,
): TokenBackoff {
  let failures = 0;
  let last: { error: unknown; until: number } | null = null;
  return {
    pending: () => (last !== null && now() < last.until ? { error: last.error } : null),
    failed(error) {
      failures += 1;
      const doubled = limits.baseMs * 2 ** Math.min(failures - 1, 30);
      const waitMs = Math.min(limits.maxMs, Math.max(doubled, retryAfterMsOf(error) ?? 0));
      last = { error, until: now() + waitMs };
    },
    succeeded() {
      failures = 0;
      last = null;
    },
  };
}
