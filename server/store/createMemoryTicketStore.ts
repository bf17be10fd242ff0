import { RateLimiterMemory } from "rate-limiter-flexible";
import { isTerminal, type Ticket } from "../../contract/index.ts";
import type { StoredTicket, TicketStore } from "../tickets/ticketStore.ts";
import { createMemorySlotLimiter } from "./createMemorySlotLimiter.ts";
import { createWakeups } from "./createWakeups.ts";
import { flexibleRequestLimiter } from "./flexibleRequestLimiter.ts";
import { createClaims } from "./createClaims.ts";
import { memoryClaimEngine } from "./memoryClaimEngine.ts";
import { STORE_TTL, type StoreTtlOptions } from "./storeDefaults.ts";
import { waitUntilChanged } from "./waitUntilChanged.ts";

/** The store's clock and times to live (tests shorten them); slot limits follow `now`, too. */
export interface MemoryTicketStoreOptions extends StoreTtlOptions {
  now?: () => number;
}

const SWEEP_EVERY_MS = 60_000;

/** The in-memory TicketStore: one process, swept lazily (no timers to leak). */
export function createMemoryTicketStore(options: MemoryTicketStoreOptions = {}): TicketStore {
  const now = options.now ?? Date.now;
  const ticketTtl = options.ticketTtlMs ?? STORE_TTL.ticketMs;
  const tickets = new Map<string, StoredTicket & { expiresAt: number }>();
  const wakeups = createWakeups();
  const claims = memoryClaimEngine(now);
  let lastSweep = now();

  function sweep(): void {
    const t = now();
    if (t - lastSweep < SWEEP_EVERY_MS) return;
    lastSweep = t;
    for (const [id, ticket] of tickets) if (ticket.expiresAt <= t) tickets.delete(id);
    claims.sweep();
  }

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
    async recordTicket(ticket, ownerCustomerId) {
      sweep();
      tickets.set(ticket.ticketId, {
        ...publicTicket(ticket),
        ownerCustomerId,
        updatedAt: now(),
        expiresAt: now() + ticketTtl,
      });
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
