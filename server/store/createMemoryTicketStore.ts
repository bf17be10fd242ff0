import { RateLimiterMemory } from "rate-limiter-flexible";
import { isTerminal, type Ticket } from "../../contract/index.ts";
import type { ApiErrorData } from "../http/apiError.ts";
import { isAfter, newerFirst, type HistoryRow } from "../tickets/ticketHistory.ts";
import type {
  IdempotentOutcome,
  IdempotencyClaim,
  StoredTicket,
  TicketStore,
} from "../tickets/ticketStore.ts";
import { createMemorySlotLimiter } from "./createMemorySlotLimiter.ts";
import { createWakeups } from "./createWakeups.ts";
import { flexibleRequestLimiter } from "./flexibleRequestLimiter.ts";
import { STORE_TTL } from "./storeDefaults.ts";
import { waitUntilChanged } from "./waitUntilChanged.ts";

/** Times to live; the defaults suit one proxy process. Slot limits follow `now`, too. */
export interface MemoryTicketStoreOptions {
  now?: () => number;
  /** How long a ticket's owner and status are kept (a returning user may look it up). */
  ticketTtlMs?: number;
  /** The same key within 24 h gives the same ticket. */
  idempotencyTtlMs?: number;
  /** A running claim older than this is presumed dead (its request never finished). */
  runningTtlMs?: number;
  /** How long a customer's list keeps a ticket; 0 keeps no list. */
  historyTtlMs?: number;
}

const SWEEP_EVERY_MS = 60_000;

type MemoryTicket = StoredTicket & {
  expiresAt: number;
  listing?: { summary: string; attachmentCount: number; createdAt: number; listedUntil: number };
};

type IdempotencyEntry =
  | { state: "running"; expiresAt: number; waiters: Set<(outcome: IdempotentOutcome) => void> }
  | { state: "done"; expiresAt: number; ticket: Ticket };

/** The in-memory TicketStore: one process, swept lazily (no timers to leak). */
export function createMemoryTicketStore(options: MemoryTicketStoreOptions = {}): TicketStore {
  const now = options.now ?? Date.now;
  const ticketTtl = options.ticketTtlMs ?? STORE_TTL.ticketMs;
  const idempotencyTtl = options.idempotencyTtlMs ?? STORE_TTL.idempotencyMs;
  const runningTtl = options.runningTtlMs ?? 15 * 60_000;
  const historyTtl = options.historyTtlMs ?? STORE_TTL.historyMs;
  const tickets = new Map<string, MemoryTicket>();
  /** Each owner's listed ticket ids, and the version of their list. */
  const lists = new Map<string, { ids: Set<string>; version: number }>();
  const listKey = (owner: string): string => `o\u0000${owner}`;
  const bump = (owner: string): void => {
    const list = lists.get(owner) ?? { ids: new Set<string>(), version: 0 };
    lists.set(owner, list);
    list.version += 1;
    wakeups.wake(listKey(owner));
  };
  const keys = new Map<string, IdempotencyEntry>();
  const wakeups = createWakeups();
  let lastSweep = now();

  function sweep(): void {
    const t = now();
    if (t - lastSweep < SWEEP_EVERY_MS) return;
    lastSweep = t;
    for (const [id, ticket] of tickets) if (ticket.expiresAt <= t) tickets.delete(id);
    for (const [owner, list] of lists) {
      for (const id of list.ids) if (!listed(id, t)) list.ids.delete(id);
      if (list.ids.size === 0) lists.delete(owner);
    }
    for (const [key, entry] of keys) if (entry.expiresAt <= t) keys.delete(key);
  }

  const listed = (ticketId: string, t = now()) => {
    const ticket = tickets.get(ticketId);
    return ticket?.listing && ticket.listing.listedUntil > t && ticket.expiresAt > t
      ? ticket
      : undefined;
  };
  const live = (ticketId: string) => {
    const ticket = tickets.get(ticketId);
    return ticket && ticket.expiresAt > now() ? ticket : undefined;
  };
  const publicTicket = ({ ticketId, status, issueKey }: Ticket): Ticket => ({
    ticketId,
    status,
    issueKey,
  });

  function firstClaim(mapKey: string, entry: Extract<IdempotencyEntry, { state: "running" }>) {
    let settled = false;
    const settle = (outcome: IdempotentOutcome): void => {
      if (settled) return;
      settled = true;
      if (keys.get(mapKey) === entry) {
        if (outcome.ok)
          keys.set(mapKey, {
            state: "done",
            ticket: outcome.ticket,
            expiresAt: now() + idempotencyTtl,
          });
        else keys.delete(mapKey);
      }
      for (const wake of entry.waiters) wake(outcome);
    };
    return {
      kind: "first" as const,
      complete: async (ticket: Ticket) => settle({ ok: true, ticket: publicTicket(ticket) }),
      fail: async (error: ApiErrorData | null) => settle({ ok: false, error }),
    };
  }

  return {
    async recordTicket(ticket, ownerCustomerId, listing) {
      sweep();
      const t = now();
      const keep = listing !== undefined && historyTtl > 0;
      tickets.set(ticket.ticketId, {
        ...publicTicket(ticket),
        ownerCustomerId,
        updatedAt: t,
        expiresAt: t + (keep ? Math.max(ticketTtl, historyTtl) : ticketTtl),
        ...(keep
          ? {
              listing: {
                summary: listing.summary,
                attachmentCount: listing.attachmentCount,
                createdAt: t,
                listedUntil: t + historyTtl,
              },
            }
          : {}),
      });
      if (!keep) return;
      bump(ownerCustomerId);
      lists.get(ownerCustomerId)?.ids.add(ticket.ticketId);
    },

    async listTickets(ownerCustomerId, { limit, after }) {
      sweep();
      const list = lists.get(ownerCustomerId);
      const rows: HistoryRow[] = [];
      for (const id of list?.ids ?? []) {
        const ticket = listed(id);
        if (!ticket?.listing || ticket.ownerCustomerId !== ownerCustomerId) continue;
        const { summary, attachmentCount, createdAt } = ticket.listing;
        const row = { ...publicTicket(ticket), summary, attachmentCount, createdAt };
        if (isAfter(row, after)) rows.push(row);
      }
      rows.sort(newerFirst);
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      return {
        tickets: page,
        next:
          rows.length > limit && last
            ? { createdAt: last.createdAt, ticketId: last.ticketId }
            : null,
        version: list?.version ?? 0,
      };
    },

    async removeTicket(ownerCustomerId, ticketId) {
      const ticket = listed(ticketId);
      if (!ticket || ticket.ownerCustomerId !== ownerCustomerId) return false;
      tickets.delete(ticketId);
      lists.get(ownerCustomerId)?.ids.delete(ticketId);
      bump(ownerCustomerId);
      wakeups.wake(ticketId);
      return true;
    },

    waitForListChange(ownerCustomerId, waitOptions) {
      const read = async () => lists.get(ownerCustomerId)?.version ?? 0;
      return waitUntilChanged(listKey(ownerCustomerId), { wakeups, read }, waitOptions);
    },

    async getTicket(ticketId) {
      const ticket = live(ticketId);
      if (!ticket) return null;
      const { expiresAt: _, ...stored } = ticket;
      return stored;
    },

    async applyStatus(ticketId, status, issueKey) {
      const ticket = live(ticketId);
      if (!ticket || isTerminal(ticket.status)) return false;
      const key = status === "CREATED" ? issueKey : null;
      if (ticket.status === status && ticket.issueKey === key) return false;
      // Strictly increasing, so `since` in waitForChange never misses a change in the same ms.
      Object.assign(ticket, {
        status,
        issueKey: key,
        updatedAt: Math.max(now(), ticket.updatedAt + 1),
      });
      wakeups.wake(ticketId);
      if (ticket.listing) bump(ticket.ownerCustomerId);
      return true;
    },

    waitForChange(ticketId, options) {
      const read = async () => live(ticketId)?.updatedAt ?? null;
      return waitUntilChanged(ticketId, { wakeups, read }, options);
    },

    async beginIdempotent(customerId, key): Promise<IdempotencyClaim> {
      sweep();
      // NUL cannot occur in a header value, so the pair cannot collide with another.
      const mapKey = `${customerId}\u0000${key}`;
      const entry = keys.get(mapKey);
      if (entry && entry.expiresAt > now()) {
        if (entry.state === "done") {
          return {
            kind: "existing",
            ticket: publicTicket(live(entry.ticket.ticketId) ?? entry.ticket),
          };
        }
        return {
          kind: "running",
          wait: (signal) =>
            new Promise<IdempotentOutcome>((resolve, reject) => {
              const onAbort = (): void => {
                entry.waiters.delete(wake);
                reject(signal?.reason);
              };
              const wake = (outcome: IdempotentOutcome): void => {
                signal?.removeEventListener("abort", onAbort);
                resolve(outcome);
              };
              if (signal?.aborted) return onAbort();
              entry.waiters.add(wake);
              signal?.addEventListener("abort", onAbort, { once: true });
            }),
        };
      }
      const running: IdempotencyEntry = {
        state: "running",
        expiresAt: now() + runningTtl,
        waiters: new Set(),
      };
      keys.set(mapKey, running);
      return firstClaim(mapKey, running);
    },

    requestLimiter: ({ name, limit, windowMs }) =>
      flexibleRequestLimiter(
        new RateLimiterMemory({ keyPrefix: name, points: limit, duration: windowMs / 1000 }),
      ),

    slotLimiter: (limits) =>
      createMemorySlotLimiter({
        holdMs: Math.min(limits.windowMs, STORE_TTL.holdMs),
        ...limits,
        now,
      }),

    async ping() {},

    async close() {},
  };
}
