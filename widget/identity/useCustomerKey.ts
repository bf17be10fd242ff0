import { useEffect, useSyncExternalStore } from "react";
import type { TokenSource } from "./createTokenSource.ts";

/**
 * Which customer's draft and last ticket to use. Known at once from a `customerToken`;
 * with only `getCustomerToken`, learned when the widget is shown (not on every page load,
 * which would call the host's backend for nothing), and again when the host hands over a
 * new `getCustomerToken`: the user may have changed. `null` until known.
 */
export function useCustomerKey(tokens: TokenSource, canFetch: boolean): string | null {
  const state = useSyncExternalStore(tokens.subscribe, tokens.getState, tokens.getState);
  const missing = state.token === null;
  useEffect(() => {
    if (missing && canFetch) void tokens.learn();
  }, [tokens, missing, canFetch, state]);
  return state.customerKey;
}
