import { useMemo } from "react";
import { createApiClient, type ApiClient } from "../api/createApiClient.ts";
import { createTokenSource, type TokenSource } from "../identity/createTokenSource.ts";
import type { HelpWidgetOptions } from "./HelpWidgetOptions.ts";
import { useLatest } from "./useLatest.ts";

/**
 * The token source and API client for the given options. `getCustomerToken` is read
 * through a ref, so a host passing a new arrow function each render keeps one client
 * (and one cached token).
 */
export function useWidgetClient(
  options: Pick<HelpWidgetOptions, "apiBase" | "customerToken" | "getCustomerToken">,
): { tokens: TokenSource; client: ApiClient } {
  const { apiBase = "", customerToken, getCustomerToken } = options;
  const latestGetter = useLatest(getCustomerToken);
  const canRefresh = getCustomerToken !== undefined;
  const tokens = useMemo(
    () =>
      createTokenSource({
        customerToken,
        getCustomerToken: canRefresh
          ? () => latestGetter.current?.() ?? Promise.reject(new Error("getCustomerToken removed"))
          : undefined,
      }),
    [customerToken, canRefresh, latestGetter],
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
