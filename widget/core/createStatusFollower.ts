import { QueryObserver, type QueryClient, type QueryObserverOptions } from "@tanstack/query-core";
import { MAX_WAIT_SECONDS, isTerminal, type Ticket } from "../../contract/index.ts";
import { ApiClientError, isTransientCode } from "../api/ApiClientError.ts";
import type { ApiClient } from "../api/createApiClient.ts";
import { backoffDelay } from "./backoffDelay.ts";
import type { Clock, FollowedTicket, Visibility } from "./ticketFlowTypes.ts";

// The proxy holds a status request up to this long, answering as soon as it changes.
const LONG_POLL_SECONDS = Math.min(20, MAX_WAIT_SECONDS);
// A PENDING answer faster than this was not held: the long poll is not working (a proxy in
// between, an old server), so fall back to plain polling with backoff.
const HELD_MS = 1000;
// After a held answer that is still PENDING, ask again at once (a tick, not a busy loop).
const AGAIN_MS = 50;

/** The query keys of the flow's statuses; one customer's are removed when they leave. */
export const STATUS_QUERY_ROOT = ["ripio-help", "ticket"] as const;

// Worth asking again when the answer is transient; not when the ticket is not ours or the
// identity is gone (asking again would get the same answer).
function isTransient(error: unknown): boolean {
  return !(error instanceof ApiClientError) || isTransientCode(error.code);
}

type StatusOptions = QueryObserverOptions<Ticket, Error, Ticket, Ticket, readonly unknown[]>;

/** Follows one ticket's status at a time through a TanStack Query observer. */
export interface StatusFollower {
  /** Follows `ticket` (of `customerKey`) until it is CREATED or FAILED; `null` stops. */
  follow(ticket: Ticket | null, customerKey: string | null): void;
  /** Starts asking (observer and visibility subscribed); returns the stop. */
  connect(): () => void;
}

/**
 * The status layer: a `QueryObserver` on the widget's QueryClient, as TanStack's adapters
 * drive one. A long poll (`?wait=`) asked again as soon as it answers PENDING, falling back
 * to polling with backoff (1 s → 10 s) when answers come back unheld or fail. Paused while
 * the page is hidden (an in-flight request is cancelled). Each answer goes to `onNews`.
 */
export function createStatusFollower(deps: {
  client: () => ApiClient;
  queryClient: QueryClient;
  visibility: Visibility;
  clock: Clock;
  onNews(ticketId: string, followed: FollowedTicket): void;
}): StatusFollower {
  const { queryClient, visibility, clock } = deps;
  let target: { ticket: Ticket; queryKey: readonly unknown[] } | null = null;
  let visible = visibility.isVisible();
  let unheld = 0;

  function options(): StatusOptions {
    if (!target) return { queryKey: [...STATUS_QUERY_ROOT, "none"], enabled: false };
    const { ticket, queryKey } = target;
    const { ticketId } = ticket;
    return {
      queryKey,
      queryFn: async ({ signal }) => {
        const started = clock.now();
        const next = await deps.client().getTicket(ticketId, {
          waitSeconds: LONG_POLL_SECONDS,
          signal,
        });
        const held = clock.now() - started >= HELD_MS;
        unheld = next.status === "PENDING" && !held ? unheld + 1 : 0;
        return next;
      },
      initialData: ticket,
      initialDataUpdatedAt: 0,
      enabled: !isTerminal(ticket.status) && visible,
      staleTime: 0,
      refetchInterval: (query) => {
        const { data, fetchStatus, status } = query.state;
        if (!data || isTerminal(data.status) || fetchStatus !== "idle") return false;
        // Transient errors are retried inside the fetch; one that ends it is for good.
        if (status === "error") return false;
        return unheld === 0 ? AGAIN_MS : backoffDelay(unheld - 1);
      },
      refetchIntervalInBackground: false,
      refetchOnWindowFocus: true,
      retry: (_failures, error) => isTransient(error),
      retryDelay: (failures) => backoffDelay(failures),
    };
  }

  const observer = new QueryObserver(queryClient, options());

  function apply(): void {
    observer.setOptions(options());
    // A long poll held while hidden would only be answered to nobody.
    if (target && !visible) void queryClient.cancelQueries({ queryKey: target.queryKey });
  }

  return {
    follow(ticket, customerKey) {
      if (target && ticket?.ticketId !== target.ticket.ticketId) {
        void queryClient.cancelQueries({ queryKey: target.queryKey });
      }
      unheld = ticket?.ticketId === target?.ticket.ticketId ? unheld : 0;
      target = ticket
        ? { ticket, queryKey: [...STATUS_QUERY_ROOT, customerKey, ticket.ticketId] }
        : null;
      apply();
    },
    connect() {
      const stopObserving = observer.subscribe((result) => {
        const ticketId = target?.ticket.ticketId;
        // An answer about another ticket (one just left) is no news of this one.
        if (ticketId === undefined || (result.data && result.data.ticketId !== ticketId)) return;
        deps.onNews(ticketId, {
          ticket: result.data ?? target?.ticket ?? null,
          trouble: result.failureCount > 0 && result.error === null,
          error: result.error instanceof ApiClientError ? result.error : null,
        });
      });
      const stopWatching = visibility.subscribe(() => {
        const now = visibility.isVisible();
        if (now === visible) return;
        visible = now;
        apply();
      });
      visible = visibility.isVisible();
      apply();
      return () => {
        stopWatching();
        stopObserving();
        if (target) void queryClient.cancelQueries({ queryKey: target.queryKey });
      };
    },
  };
}
