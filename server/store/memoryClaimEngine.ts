import type { ClaimEntry } from "./claimEntry.ts";
import type { ClaimEngine } from "./createClaims.ts";

/**
 * Idempotency-Key claims in this process's memory, for createClaims: the same steps, and the
 * same times to live on the store's clock, as the shared engines. Each step is synchronous, so
 * nothing runs between a read and its write. Expired entries are dropped when they are read,
 * and all of them by `sweep`.
 */
export function memoryClaimEngine(now: () => number): ClaimEngine & { sweep(): void } {
  const entries = new Map<string, { entry: ClaimEntry; expiresAt: number }>();
  const read = (id: string): ClaimEntry | null => {
    const found = entries.get(id);
    if (!found) return null;
    if (found.expiresAt > now()) return found.entry;
    entries.delete(id);
    return null;
  };
  const ours = (entry: ClaimEntry | null, claim: string): boolean =>
    entry?.state === "running" && entry.claim === claim;
  return {
    async claim(id, claim, ttlMs) {
      const entry = read(id);
      if (entry !== null && entry.state !== "failed") return entry;
      entries.set(id, { entry: { state: "running", claim }, expiresAt: now() + ttlMs });
      return null;
    },
    async settle(id, claim, next, ttlMs) {
      const entry = read(id);
      if (entry !== null && !ours(entry, claim)) return false;
      entries.set(id, { entry: next, expiresAt: now() + ttlMs });
      return true;
    },
    async renew(id, claim, ttlMs) {
      const found = entries.get(id);
      if (!found || !ours(read(id), claim)) return false;
      found.expiresAt = now() + ttlMs;
      return true;
    },
    read: async (id) => read(id),
    sweep() {
      const t = now();
      for (const [id, { expiresAt }] of entries) if (expiresAt <= t) entries.delete(id);
    },
  };
}
