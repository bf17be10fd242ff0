import { RateLimiterMemory } from "rate-limiter-flexible";
import { isTerminal, type Ticket } from "../../contract/index.ts";
import {
  isAfter,
  newerFirst,
  type HistoryPosition,
  type HistoryRow,
} from "../tickets/ticketHistory.ts";
import type { StoredTicket, TicketStore } from "../tickets/ticketStore.ts";
import { createMemorySlotLimiter } from "./createMemorySlotLimiter.ts";
import { createWakeups } from "./createWakeups.ts";
import { flexibleRequestLimiter } from "./flexibleRequestLimiter.ts";
import { createClaims } from "./createClaims.ts";
import { memoryClaimEngine } from "./memoryClaimEngine.ts";
import { STORE_TTL, type StoreTtlOptions } from "./storeDefaults.ts";
import { waitUntilChanged } from "./waitUntilChanged.ts";

/** The store's clock and times to live (tests shorten them); slot limits follow `now`, too. */
export type MemoryTicketStoreOptions = StoreTtlOptions;

const SWEEP_EVERY_MS = 60_000;

type MemoryTicket = StoredTicket & {
  expiresAt: number;
  listing?: { summary: string; attachmentCount: number; createdAt: number; listedUntil: number };
};

/** The in-memory TicketStore: one process, swept lazily (no timers to leak). */
export function createMemoryTicketStore(options: MemoryTicketStoreOptions = {}): TicketStore {
  const now = options.now ?? Date.now;
  const ticketTtl = options.ticketTtlMs ?? STORE_TTL.ticketMs;
  const historyTtl = options.historyTtlMs ?? STORE_TTL.historyMs;
  const tickets = new Map<string, MemoryTicket>();
  /** Each owner's listed tickets, oldest first, and the version of their list. */
  const lists = new Map<string, { rows: HistoryPosition[]; version: number }>();
  const listKey = (owner: string): string => `o\u0000${owner}`;
  const bump = (owner: string): void => {
    const list = lists.get(owner) ?? { rows: [], version: 0 };
    lists.set(owner, list);
    // Never back, even after the sweep dropped the owner's list.
    list.version = Math.max(list.version + 1, now());
    wakeups.wake(listKey(owner));
  };
  const wakeups = createWakeups();
  const claims = memoryClaimEngine(now);
  let lastSweep = now();

  function sweep(): void {
    const t = now();
    if (t - lastSweep < SWEEP_EVERY_MS) return;
    lastSweep = t;
    for (const [id, ticket] of tickets) if (ticket.expiresAt <= t) tickets.delete(id);
    claims.sweep();
    for (const [owner, list] of lists) {
      list.rows = list.rows.filter((row) => listed(row.ticketId, t));
      if (list.rows.length === 0) lists.delete(owner);
    }
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

  const getTicket = async (ticketId: string): Promise<StoredTicket | null> => {
    const ticket = live(ticketId);
    if (!ticket) return null;
    const { expiresAt: _, ...stored } = ticket;
    return stored;
  };
  // One claims protocol for every engine: the same heartbeat, lapse and outcomes as SQLite's.
  const beginIdempotent = createClaims({ engine: claims, wakeups, getTicket, ttl: options });

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
      const rows = lists.get(ownerCustomerId)?.rows ?? [];
      rows.push({ createdAt: t, ticketId: ticket.ticketId });
      const [before, added] = [rows.at(-2), rows.at(-1)];
      // The clock nearly always grows: sort only when a row lands out of order.
      if (before && added && newerFirst(before, added) < 0) rows.sort((a, b) => newerFirst(b, a));
    },

    async listTickets(ownerCustomerId, { limit, after }) {
      sweep();
      const list = lists.get(ownerCustomerId);
      const all = list?.rows ?? [];
      // Binary search: rows [0, start) are older than the cursor (all of them without one).
      let [lo, hi] = [0, all.length];
      while (after && lo < hi) {
        const mid = (lo + hi) >> 1;
        const row = all[mid];
        if (row && isAfter(row, after)) lo = mid + 1;
        else hi = mid;
      }
      const rows: HistoryRow[] = [];
      const t = now();
      for (let i = (after ? lo : all.length) - 1; i >= 0 && rows.length <= limit; i -= 1) {
        const ticket = listed(all[i]?.ticketId ?? "", t);
        if (!ticket?.listing || ticket.ownerCustomerId !== ownerCustomerId) continue;
        const { summary, attachmentCount, createdAt } = ticket.listing;
        rows.push({ ...publicTicket(ticket), summary, attachmentCount, createdAt });
      }
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
      const list = lists.get(ownerCustomerId);
      if (list) list.rows = list.rows.filter((row) => row.ticketId !== ticketId);
      bump(ownerCustomerId);
      wakeups.wake(ticketId);
      return true;
    },

    waitForListChange(ownerCustomerId, waitOptions) {
      const read = async () => lists.get(ownerCustomerId)?.version ?? 0;
      return waitUntilChanged(listKey(ownerCustomerId), { wakeups, read }, waitOptions);
    },

    getTicket,

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

    beginIdempotent: (customerId, key) => {
      sweep();
      return beginIdempotent(customerId, key);
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
