import { createTokenBackoff, type TokenBackoffLimits } from "./tokenBackoff.ts";

/** An access token as the token endpoint gave it. */
export interface IssuedToken {
  accessToken: string;
  /** Lifetime in seconds, read from each answer (never assumed). */
  expiresIn: number;
}

/** The client-credentials token, shared by every request. */
export interface TokenCache {
  /** A token that is not about to expire; one fetch at a time, shared by all callers. */
  get(): Promise<string>;
  /** Forgets `token` if it is still the cached one (Ripio refused it). */
  invalidate(token: string): void;
  /** True when a token is cached and not about to expire. */
  hasFreshToken(): boolean;
}

// Refresh this long before expiry: a tenth of the lifetime, capped at a minute, so a
// request never leaves with a token that dies on the way.
const MAX_REFRESH_MARGIN_MS = 60_000;

/**
 * Creates the cache around the function that asks the token endpoint. A failed fetch is
 * answered from memory for a short backoff (tokenBackoff.ts) instead of being asked again.
 */
export function createTokenCache(deps: {
  fetchToken: () => Promise<IssuedToken>;
  now: () => number;
  backoff?: TokenBackoffLimits;
}): TokenCache {
  let cached: { token: string; refreshAt: number } | null = null;
  let inFlight: Promise<string> | null = null;
  const backoff = createTokenBackoff(deps.now, deps.backoff);

  const fresh = (): boolean => cached !== null && deps.now() < cached.refreshAt;

  function refresh(): Promise<string> {
    const failure = backoff.pending();
    if (failure) return Promise.reject(failure.error);
    inFlight ??= (async () => {
      try {
        const startedAt = deps.now();
        let issued: IssuedToken;
        try {
          issued = await deps.fetchToken();
        } catch (error) {
          backoff.failed(error);
          throw error;
        }
        backoff.succeeded();
        const { accessToken, expiresIn } = issued;
        const lifetimeMs = expiresIn * 1000;
        const margin = Math.min(MAX_REFRESH_MARGIN_MS, lifetimeMs / 10);
        // Counted from when we asked: the token's clock started no later than that.
        cached = { token: accessToken, refreshAt: startedAt + lifetimeMs - margin };
        return accessToken;
      } finally {
        inFlight = null;
      }
    })();
    return inFlight;
  }

  return {
    get: () => (fresh() && cached ? Promise.resolve(cached.token) : refresh()),
    invalidate(token) {
      if (cached?.token === token) cached = null;
    },
    hasFreshToken: fresh,
  };
}
