/** The verdict on one more request for a key. */
export type RateVerdict = { ok: true } | { ok: false; retryAfterSeconds: number };

/** A sliding-window limit per key (client IP, customer id), in memory. */
export interface RateLimiter {
  /** Counts a hit for `key` when under the limit; refuses it (uncounted) otherwise. */
  take(key: string): RateVerdict;
  /** Whether a hit would be allowed now, without counting one. */
  check(key: string): RateVerdict;
  /** Counts a hit whatever the limit (an accepted ticket, checked before its upload). */
  record(key: string): void;
}

/** Creates a limiter of `limit` hits per `windowMs`; `now` is the clock (ms). */
export function createRateLimiter(options: {
  limit: number;
  windowMs: number;
  now?: () => number;
}): RateLimiter {
  const { limit, windowMs } = options;
  const now = options.now ?? Date.now;
  // Hit times per key, oldest first; at most `limit` of them are ever kept.
  const hits = new Map<string, number[]>();
  let lastSweep = now();

  function recent(key: string): number[] {
    const t = now();
    if (t - lastSweep >= windowMs) {
      lastSweep = t;
      for (const [k, times] of hits) if ((times.at(-1) ?? 0) <= t - windowMs) hits.delete(k);
    }
    const times = hits.get(key) ?? [];
    while (times.length > 0 && (times[0] ?? 0) <= t - windowMs) times.shift();
    return times;
  }

  function verdict(times: number[]): RateVerdict {
    if (times.length < limit) return { ok: true };
    const freeAt = (times[times.length - limit] ?? now()) + windowMs;
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((freeAt - now()) / 1000)) };
  }

  function record(key: string): void {
    const times = recent(key);
    times.push(now());
    if (times.length > limit) times.splice(0, times.length - limit);
    hits.set(key, times);
  }

  return {
    take(key) {
      const result = verdict(recent(key));
      if (result.ok) record(key);
      return result;
    },
    check: (key) => verdict(recent(key)),
    record,
  };
}
