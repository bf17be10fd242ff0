import { useEffect, useMemo, useRef } from "react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { MAX_WAIT_SECONDS, isTerminal, type Ticket } from "../../contract/index.ts";
import { ApiClientError } from "../api/ApiClientError.ts";
import type { ApiClient } from "../api/createApiClient.ts";
import { usePageVisible } from "./usePageVisible.ts";

// The proxy holds a status request up to this long, answering as soon as it changes.
const LONG_POLL_SECONDS = Math.min(20, MAX_WAIT_SECONDS);
// A PENDING answer faster than this was not held: the long poll is not working (a proxy in
// between, an old server), so fall back to plain polling with backoff.
const HELD_MS = 1000;
// After a held answer that is still PENDING, ask again at once (a tick, not a busy loop).
const AGAIN_MS = 50;

/** Backoff for plain polling and for retries: 1 s, 2 s, 4 s, 8 s, then every 10 s. */
export function backoffDelay(attempt: number): number {
  return Math.min(1000 * 2 ** attempt, 10_000);
}

// Worth asking again: the connection, the proxy or Ripio may recover. Not: the ticket is
// not ours or the identity is gone; asking again would get the same answer.
function isTransient(error: unknown): boolean {
  if (!(error instanceof ApiClientError)) return true;
  return [
    "NETWORK_ERROR",
    "RATE_LIMITED",
    "UPSTREAM_UNAVAILABLE",
    "UPSTREAM_ERROR",
    "STORE_UNAVAILABLE",
  ].includes(error.code);
}

/** What is known of a followed ticket. */
export interface TicketStatus {
  ticket: Ticket | null;
  /** Asking failed and is being retried with backoff. */
  trouble: boolean;
  /** Asking failed for good (e.g. TICKET_NOT_FOUND). */
  error: ApiClientError | null;
}

/**
 * Follows `ticket` until CREATED or FAILED: a long poll (`?wait=`) asked again as soon as it
 * answers PENDING, falling back to polling with backoff (1 s → 10 s) when answers come back
 * unheld or fail. Paused while the page is hidden (an in-flight request is cancelled).
 */
export function useTicketStatus(client: ApiClient, ticket: Ticket | null): TicketStatus {
  const visible = usePageVisible();
  const queryClient = useQueryClient();
  const unheld = useRef(0);
  const ticketId = ticket?.ticketId ?? null;
  const queryKey = useMemo(() => ["ripio-help", "ticket", ticketId], [ticketId]);
  const follow = ticket !== null && !isTerminal(ticket.status);

  const query = useQuery({
    queryKey,
    queryFn: async ({ signal }) => {
      const started = Date.now();
      const next = await client.getTicket(ticketId ?? "", {
        waitSeconds: LONG_POLL_SECONDS,
        signal,
      });
      const held = Date.now() - started >= HELD_MS;
      unheld.current = next.status === "PENDING" && !held ? unheld.current + 1 : 0;
      return next;
    },
    ...(ticket ? { initialData: ticket, initialDataUpdatedAt: 0 } : {}),
    enabled: follow && visible,
    staleTime: 0,
    refetchInterval: (q) => {
      const data = q.state.data;
      if (!data || isTerminal(data.status) || q.state.fetchStatus !== "idle") return false;
      // Transient errors are retried inside the fetch; one that ends it is for good.
      if (q.state.status === "error") return false;
      return unheld.current === 0 ? AGAIN_MS : backoffDelay(unheld.current - 1);
    },
    refetchIntervalInBackground: false,
    refetchOnWindowFocus: true,
    retry: (_failures, error) => isTransient(error),
    retryDelay: (failures) => backoffDelay(failures),
  });

  const hiddenWhileFollowing = follow && !visible;
  useEffect(() => {
    // A long poll held while hidden would only be answered to nobody.
    if (hiddenWhileFollowing) void queryClient.cancelQueries({ queryKey });
  }, [hiddenWhileFollowing, queryClient, queryKey]);

  return {
    ticket: query.data ?? ticket,
    trouble: query.failureCount > 0 && query.error === null,
    error: query.error instanceof ApiClientError ? query.error : null,
  };
}
