import type { LimitOptions, SlotLimiter } from "../tickets/ticketStore.ts";

/** One process's slots: until when each held or committed slot counts, per key. */
export function createMemorySlotLimiter(
  options: LimitOptions & { holdMs: number; now: () => number },
): SlotLimiter {
  const { limit, windowMs, holdMs, now } = options;
  const slots = new Map<string, Map<symbol, number>>();
  let lastSweep = now();

  const prune = (held: Map<symbol, number>, t: number): void => {
    for (const [id, until] of held) if (until <= t) held.delete(id);
  };
  // Expired slots are dropped when they matter (at the limit) and once a window for everyone,
  // so a key far below its limit costs O(1) per reservation.
  function slotsOf(key: string): Map<symbol, number> {
    const t = now();
    if (t - lastSweep >= windowMs) {
      lastSweep = t;
      for (const [k, held] of slots) {
        prune(held, t);
        if (held.size === 0) slots.delete(k);
      }
    }
    let held = slots.get(key);
    if (!held) slots.set(key, (held = new Map()));
    if (held.size >= limit) prune(held, t);
    return held;
  }

  return {
    async reserve(key) {
      // Synchronous from the count to the write: nothing else runs in between in one process.
      const held = slotsOf(key);
      if (held.size >= limit) {
        let freeAt = Infinity;
        for (const until of held.values()) freeAt = Math.min(freeAt, until);
        return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((freeAt - now()) / 1000)) };
      }
      const id = Symbol(key);
      held.set(id, now() + holdMs);
      let committed = false;
      return {
        ok: true,
        commit: async () => {
          committed = true;
          slotsOf(key).set(id, now() + windowMs);
        },
        release: async () => void slotsOf(key).delete(id),
        async renew() {
          const slots = slotsOf(key);
          const until = slots.get(id);
          if (!committed && until !== undefined && until > now()) slots.set(id, now() + holdMs);
        },
      };
    },
  };
}
