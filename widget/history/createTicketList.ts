import { TICKET_LIST_LIMIT, MAX_WAIT_SECONDS, type ListedTicket } from "../../contract/index.ts";
import type { ApiClient } from "../api/createApiClient.ts";
import { isAbortError } from "../api/ApiClientError.ts";

/** What the list shows now. A new object on every change (useSyncExternalStore). */
export interface TicketListState {
  /** `loading` until the first page answers; `failed` while the last load failed. */
  phase: "loading" | "ready" | "failed";
  /** Newest first; kept on screen while a page loads again. */
  tickets: readonly ListedTicket[];
  /** More rows follow (Show more). */
  next: string | null;
  loadingMore: boolean;
  /** The last removal's outcome, for the live region. */
  notice: "removed" | "removeFailed" | null;
}

/** One customer's list: a store with commands, free of any UI framework. */
export interface TicketListStore {
  subscribe(listener: () => void): () => void;
  getSnapshot(): TicketListState;
  /** Loads the first page (opening the list, Retry); the rows shown stay meanwhile. */
  refresh(): void;
  /** Loads the next page below the rows shown. */
  showMore(): void;
  /** Removes a ticket from the list (the proxy forgets it); says how it went in `notice`. */
  remove(ticketId: string): Promise<void>;
  /** A ticket just sent from this widget: at the top at once, before the proxy is asked. */
  noteSent(ticket: ListedTicket): void;
  /** Follows PENDING rows live (long polls) until the returned function is called. */
  follow(): () => void;
}

const FIRST: TicketListState = {
  phase: "loading",
  tickets: [],
  next: null,
  loadingMore: false,
  notice: null,
};

/** Waits `ms`, or less if `signal` aborts. */
const pause = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => (clearTimeout(timer), resolve()), { once: true });
  });

const hasPending = (tickets: readonly ListedTicket[]): boolean =>
  tickets.some((t) => t.status === "PENDING");

/**
 * Creates one customer's list over `client` (whose token is that customer's). Rows come from
 * `GET /api/tickets`, page by page; while followed and a row is PENDING, a long poll
 * (`?wait=`) brings each change as the proxy learns it — `?since=` the version shown, so a
 * change between two polls comes at once — and a failed poll is tried again after `retryMs`.
 */
export function createTicketList(options: {
  client: ApiClient;
  pageSize?: number;
  retryMs?: number;
}): TicketListStore {
  const { client } = options;
  const pageSize = options.pageSize ?? TICKET_LIST_LIMIT.default;
  const retryMs = options.retryMs ?? 3_000;
  let state = FIRST;
  const listeners = new Set<() => void>();
  /** Sent here and maybe not in an answer yet: kept at the top until an answer has them. */
  let sent: ListedTicket[] = [];
  /** Removed here: a ticket just sent and then removed is not noted again. */
  const removed = new Set<string>();
  let loads = 0;
  /** The list's version as the rows on top were read: long polls send it as `since`. */
  let version = "";
  let followers = 0;
  let polling: AbortController | null = null;

  function set(patch: Partial<TicketListState>): void {
    state = { ...state, ...patch };
    for (const listener of [...listeners]) listener();
    if (followers > 0 && !polling && hasPending(state.tickets)) startPolling();
  }

  /** The rows of an answer, each row shown replaced by its newer version, new ones on top. */
  function merge(fresh: readonly ListedTicket[], rest: readonly ListedTicket[]): ListedTicket[] {
    const ids = new Set(fresh.map((t) => t.ticketId));
    sent = sent.filter((t) => !ids.has(t.ticketId));
    const top = fresh[0]?.createdAt ?? "";
    const newer = sent.filter((t) => t.createdAt >= top);
    return [...newer, ...fresh, ...rest.filter((t) => !ids.has(t.ticketId))];
  }

  async function loadFirst(): Promise<void> {
    const load = ++loads;
    if (state.phase === "failed") set({ phase: "loading" });
    try {
      const page = await client.listTickets({ limit: pageSize });
      if (load !== loads) return;
      version = page.version;
      set({ phase: "ready", tickets: merge(page.tickets, []), next: page.next });
    } catch {
      if (load === loads) set({ phase: "failed" });
    }
  }

  async function loadMore(): Promise<void> {
    const cursor = state.next;
    if (cursor === null || state.loadingMore) return;
    set({ loadingMore: true });
    try {
      const page = await client.listTickets({ limit: pageSize, cursor });
      const shown = new Set(state.tickets.map((t) => t.ticketId));
      const below = page.tickets.filter((t) => !shown.has(t.ticketId));
      set({ tickets: [...state.tickets, ...below], next: page.next, loadingMore: false });
    } catch {
      set({ loadingMore: false, phase: "failed" });
    }
  }

  function startPolling(): void {
    const controller = new AbortController();
    polling = controller;
    const { signal } = controller;
    void (async () => {
      while (!signal.aborted && hasPending(state.tickets)) {
        try {
          const limit = Math.min(Math.max(state.tickets.length, 1), TICKET_LIST_LIMIT.max);
          const page = await client.listTickets({
            limit,
            waitSeconds: MAX_WAIT_SECONDS,
            since: version,
            signal,
          });
          if (signal.aborted) break;
          version = page.version;
          // The answer covers the newest `limit` rows: update those, keep the ones below.
          const covered = new Set(page.tickets.map((t) => t.ticketId));
          const oldest = page.tickets.at(-1)?.createdAt ?? "";
          const below = state.tickets.filter(
            (t) => !covered.has(t.ticketId) && t.createdAt < oldest,
          );
          set({ tickets: merge(page.tickets, below) });
        } catch (error) {
          if (signal.aborted || isAbortError(error)) break;
          await pause(retryMs, signal);
        }
      }
      if (polling === controller) polling = null;
    })();
  }

  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => state,
    refresh: () => void loadFirst(),
    showMore: () => void loadMore(),

    async remove(ticketId) {
      try {
        await client.removeTicket(ticketId);
        removed.add(ticketId);
        sent = sent.filter((t) => t.ticketId !== ticketId);
        set({ tickets: state.tickets.filter((t) => t.ticketId !== ticketId), notice: "removed" });
      } catch {
        set({ notice: "removeFailed" });
      }
    },

    noteSent(ticket) {
      if (removed.has(ticket.ticketId)) return;
      if (state.tickets.some((t) => t.ticketId === ticket.ticketId)) return;
      sent = [ticket, ...sent.filter((t) => t.ticketId !== ticket.ticketId)];
      set({ tickets: [ticket, ...state.tickets] });
    },

    follow() {
      followers += 1;
      if (!polling && hasPending(state.tickets)) startPolling();
      let followed = true;
      return () => {
        if (!followed) return;
        followed = false;
        followers -= 1;
        if (followers === 0) {
          polling?.abort();
          polling = null;
        }
      };
    },
  };
}

// One list per API client and customer: a new customer (a new token) never sees another's.
const lists = new WeakMap<ApiClient, Map<string, TicketListStore>>();

/** The list of `customerKey` over `client`, made on first use and kept while the client lives. */
export function ticketListFor(client: ApiClient, customerKey: string): TicketListStore {
  let byCustomer = lists.get(client);
  if (!byCustomer) lists.set(client, (byCustomer = new Map()));
  let list = byCustomer.get(customerKey);
  if (!list) byCustomer.set(customerKey, (list = createTicketList({ client })));
  return list;
}
