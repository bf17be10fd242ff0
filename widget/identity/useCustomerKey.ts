import { useEffect, useState } from "react";
import type { TokenSource } from "./createTokenSource.ts";
import { customerKeyFromToken } from "./customerKeyFromToken.ts";

// For tokens we cannot read (opaque, or none at all): one shared slot per tab.
const UNKNOWN_CUSTOMER = "unknown";

/**
 * Which customer's draft and last ticket to use. Known at once from a `customerToken`;
 * with only `getCustomerToken`, learned the first time the widget opens (not on every
 * page load, which would call the host's backend for nothing). `null` until known.
 */
export function useCustomerKey(tokens: TokenSource, canFetch: boolean): string | null {
  const fromPeek = (): string | null => {
    const token = tokens.peek();
    return token === null ? null : (customerKeyFromToken(token) ?? UNKNOWN_CUSTOMER);
  };
  const [state, setState] = useState(() => ({ tokens, key: fromPeek() }));
  let current = state;
  if (state.tokens !== tokens) {
    current = { tokens, key: fromPeek() };
    setState(current);
  }

  const known = current.key !== null;
  useEffect(() => {
    if (known || !canFetch) return;
    let live = true;
    void tokens
      .get()
      .then((token) => customerKeyFromToken(token) ?? UNKNOWN_CUSTOMER)
      .catch(() => UNKNOWN_CUSTOMER)
      .then((key) => {
        if (live) setState({ tokens, key });
      });
    return () => {
      live = false;
    };
  }, [tokens, known, canFetch]);

  return current.key;
}
