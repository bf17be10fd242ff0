import { customerKeyFromToken } from "./customerKeyFromToken.ts";

/** The host's ways to name the customer (see HelpWidgetOptions). */
export interface TokenOptions {
  customerToken?: string | undefined;
  getCustomerToken?: (() => Promise<string>) | undefined;
}

/** Who the customer is, as far as the widget knows: the cached token and its customer key. */
export interface IdentityState {
  /** The cached token; `null` when one must be asked for (none given, or the host changed). */
  token: string | null;
  /** A hash of the token's `sub` (see customerKeyFromToken); `null` until a token is known. */
  customerKey: string | null;
}

/** Where the customer token comes from, with the current one cached. */
export interface TokenSource {
  /** The current token, fetching one with `getCustomerToken` if none is cached. */
  get(): Promise<string | null>;
  /** A new token from `getCustomerToken`; `null` when the host gave no way to refresh. */
  refresh(): Promise<string | null>;
  /** The cached token without asking anyone. */
  peek(): string | null;
  /**
   * The host's options again (each render, or a script tag's `update()`). A new
   * `customerToken` replaces the cached one; a new `getCustomerToken` function drops it, so
   * the next request asks the new function: the user may have changed.
   */
  configure(options: TokenOptions): void;
  /** Asks for a token once, to learn whose widget this is; the key is "unknown" if none comes. */
  learn(): Promise<void>;
  getState(): IdentityState;
  subscribe(listener: () => void): () => void;
}

// For tokens we cannot read (opaque, or none at all): one shared slot per tab.
export const UNKNOWN_CUSTOMER = "unknown";

const keyOf = (token: string): string => customerKeyFromToken(token) ?? UNKNOWN_CUSTOMER;

/**
 * Caches the host's customer token. Concurrent callers share one `getCustomerToken()` call,
 * so a status poll and a send that both meet an expired token refresh it once. A token a
 * replaced function answers after the change is never cached: it is the previous user's.
 */
export function createTokenSource(initial: TokenOptions): TokenSource {
  let options = initial;
  let state: IdentityState = {
    token: initial.customerToken ?? null,
    customerKey: initial.customerToken === undefined ? null : keyOf(initial.customerToken),
  };
  // Counts the host's changes of identity; answers of an earlier one are not cached.
  let generation = 0;
  let learned = -1;
  let inFlight: { generation: number; promise: Promise<string | null> } | null = null;
  const listeners = new Set<() => void>();

  function set(next: IdentityState): void {
    if (next.token === state.token && next.customerKey === state.customerKey) return;
    state = next;
    for (const listener of [...listeners]) listener();
  }

  function fetchNew(): Promise<string | null> {
    const { getCustomerToken } = options;
    if (!getCustomerToken) return Promise.resolve(null);
    if (inFlight?.generation === generation) return inFlight.promise;
    const asked = generation;
    const promise = getCustomerToken()
      .then((token) => {
        if (asked === generation) set({ token, customerKey: keyOf(token) });
        return token;
      })
      .finally(() => {
        if (inFlight?.promise === promise) inFlight = null;
      });
    inFlight = { generation: asked, promise };
    return promise;
  }

  return {
    get: () => (state.token !== null ? Promise.resolve(state.token) : fetchNew()),
    refresh: fetchNew,
    peek: () => state.token,
    configure(next) {
      const tokenChanged = next.customerToken !== options.customerToken;
      const getterChanged = next.getCustomerToken !== options.getCustomerToken;
      options = next;
      if (!tokenChanged && !getterChanged) return;
      generation += 1;
      inFlight = null;
      const given = next.customerToken;
      // Until the new token is known the key stays: a switch shows once it is certain. With
      // no way left to name anyone (a logout), no one's draft or ticket may stay.
      if (tokenChanged && given !== undefined) set({ token: given, customerKey: keyOf(given) });
      else if (!next.getCustomerToken) set({ token: null, customerKey: UNKNOWN_CUSTOMER });
      else set({ token: null, customerKey: state.customerKey });
    },
    async learn() {
      if (state.token !== null || learned === generation) return;
      learned = generation;
      const asked = generation;
      const token = await this.get().catch(() => null);
      if (token === null && asked === generation && state.customerKey === null) {
        set({ token: null, customerKey: UNKNOWN_CUSTOMER });
      }
    },
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
