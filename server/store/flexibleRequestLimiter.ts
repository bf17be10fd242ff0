import { RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import type { RequestLimiter } from "../tickets/ticketStore.ts";
import { storeUnavailable } from "../tickets/storeUnavailable.ts";

/**
 * A RequestLimiter over one of rate-limiter-flexible's limiters (memory, SQLite or Redis; a
 * fixed window per key). A refusal carries the seconds until the window ends; an engine error
 * that no insurance limiter absorbed becomes STORE_UNAVAILABLE.
 */
export function flexibleRequestLimiter(limiter: RateLimiterAbstract): RequestLimiter {
  return {
    async take(key) {
      try {
        await limiter.consume(key, 1);
        return { ok: true };
      } catch (refusal) {
        if (!(refusal instanceof RateLimiterRes)) throw storeUnavailable(refusal);
        return {
          ok: false,
          retryAfterSeconds: Math.max(1, Math.ceil(refusal.msBeforeNext / 1000)),
        };
      }
    },
  };
}
