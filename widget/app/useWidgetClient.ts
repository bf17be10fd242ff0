import { useLayoutEffect, useMemo, useState } from "react";
import { createApiClient, type ApiClient } from "../api/createApiClient.ts";
import { createTokenSource, type TokenSource } from "../identity/createTokenSource.ts";
import type { HelpWidgetOptions } from "./HelpWidgetOptions.ts";

/**
 * The token source and API client for the given options: one token source per widget,
 * told of each new `customerToken` or `getCustomerToken` in the commit, before anything
 * can be sent with the previous one (see TokenSource.configure).
 */
export function useWidgetClient(
  options: Pick<HelpWidgetOptions, "apiBase" | "customerToken" | "getCustomerToken">,
): { tokens: TokenSource; client: ApiClient } {
  const { apiBase = "", customerToken, getCustomerToken } = options;
  const [tokens] = useState(() => createTokenSource({ customerToken, getCustomerToken }));
  useLayoutEffect(
    () => tokens.configure({ customerToken, getCustomerToken }),
    [tokens, customerToken, getCustomerToken],
  );
  const client = useMemo(
    () =>
      createApiClient({
        apiBase,
        getToken: (fresh) => (fresh ? tokens.refresh() : tokens.get()),
      }),
    [apiBase, tokens],
  );
  return { tokens, client };
}
