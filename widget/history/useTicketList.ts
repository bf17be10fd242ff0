import { useEffect, useSyncExternalStore } from "react";
import type { ApiClient } from "../api/createApiClient.ts";
import { ticketListFor, type TicketListState, type TicketListStore } from "./createTicketList.ts";

/**
 * The list of `customerKey` (null: not known yet, so nothing is listed) while a view shows it:
 * loaded again on each showing and followed live meanwhile.
 */
export function useTicketList(
  client: ApiClient,
  customerKey: string,
): { state: TicketListState; list: TicketListStore } {
  const list = ticketListFor(client, customerKey);
  const state = useSyncExternalStore(list.subscribe, list.getSnapshot, list.getSnapshot);
  useEffect(() => {
    list.refresh();
    return list.follow();
  }, [list]);
  return { state, list };
}
