import { useLayoutEffect, useMemo, useState, useSyncExternalStore } from "react";
import { useQueryClient } from "@tanstack/react-query";
import type { ApiClient } from "../api/createApiClient.ts";
import { createTicketFlow } from "../core/createTicketFlow.ts";
import { documentVisibility } from "../core/documentVisibility.ts";
import { sessionFlowStorage } from "../core/sessionFlowStorage.ts";
import type { CustomerIdentity, TicketFlowHost } from "../core/ticketFlowTypes.ts";
import { toTicketFlow, type TicketFlow } from "./toTicketFlow.ts";

/**
 * The ticket flow's core (createTicketFlow) bound to the component: one core per widget,
 * read through `useSyncExternalStore`, the same on React and Preact. It follows `identity`
 * itself; the client and the host's callbacks (a host may pass new arrows each render) are
 * handed on in the commit, before anything can be clicked.
 */
export function useTicketFlow(
  client: ApiClient,
  identity: CustomerIdentity,
  host: TicketFlowHost,
): TicketFlow {
  const queryClient = useQueryClient();
  const [core] = useState(() =>
    createTicketFlow({
      client,
      queryClient,
      identity,
      host,
      storage: sessionFlowStorage,
      visibility: documentVisibility(),
    }),
  );
  useLayoutEffect(() => {
    core.setClient(client);
    core.setHost(host);
  });
  const snapshot = useSyncExternalStore(core.subscribe, core.getSnapshot, core.getSnapshot);
  return useMemo(() => toTicketFlow(core, snapshot), [core, snapshot]);
}
