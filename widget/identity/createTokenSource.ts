/** Where the customer token comes from, with the current one cached. */
export interface TokenSource {
  /** The current token, fetching one with `getCustomerToken` if none was given. */
  get(): Promise<string | null>;
  /** A new token from `getCustomerToken`; `null` when the host gave no way to refresh. */
  refresh(): Promise<string | null>;
  /** The cached token without asking anyone (for the draft's storage key). */
  peek(): string | null;
}

/**
 * Caches the host's customer token. Concurrent callers share one `getCustomerToken()` call,
 * so a status poll and a send that both meet an expired token refresh it once.
 */
export function createTokenSource(options: {
  customerToken?: string | undefined;
  getCustomerToken?: (() => Promise<string>) | undefined;
}): TokenSource {
  let current: string | null = options.customerToken ?? null;
  let inFlight: Promise<string | null> | null = null;

  function fetchNew(): Promise<string | null> {
    const { getCustomerToken } = options;
    if (!getCustomerToken) return Promise.resolve(null);
    inFlight ??= getCustomerToken()
      .then((token) => {
        current = token;
        return token;
      })
      .finally(() => {
        inFlight = null;
      });
    return inFlight;
  }

  return {
    get: () => (current !== null ? Promise.resolve(current) : fetchNew()),
    refresh: fetchNew,
    peek: () => current,
  };
}
