import type { IdempotentOutcome } from "../tickets/ticketStore.ts";
import type { ClaimEntry } from "./claimEntry.ts";
import type { Wakeups } from "./createWakeups.ts";
import { readOnWake } from "./readOnWake.ts";

/** How often a waiting duplicate looks again even without a wake-up (a dead claim expires). */
const RECHECK_MS = 1_000;

/**
 * Waits for the claim `claim` on `key` to end, for a duplicate request in any process. Reads
 * the entry on every wake-up and every second: done → the ticket; failed (that claim) → its
 * error; gone, expired or claimed anew → abandoned (`error: null`: the caller claims again).
 * Rejects when a read fails or `signal` aborts.
 */
export function waitForOutcome(
  key: string,
  claim: string,
  deps: { wakeups: Wakeups; read(): Promise<ClaimEntry | null>; recheckMs?: number },
  signal?: AbortSignal,
): Promise<IdempotentOutcome> {
  return readOnWake(
    key,
    deps.wakeups,
    () => deps.read(),
    (entry): IdempotentOutcome | undefined => {
      if (entry?.state === "running" && entry.claim === claim) return undefined;
      if (entry?.state === "done") return { ok: true, ticket: entry.ticket };
      const error = entry?.state === "failed" && entry.claim === claim ? entry.error : null;
      return { ok: false, error };
    },
    { signal, recheckMs: deps.recheckMs ?? RECHECK_MS },
  );
}
