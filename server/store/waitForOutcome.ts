import type { IdempotentOutcome } from "../tickets/ticketStore.ts";
import type { ClaimEntry } from "./claimEntry.ts";
import type { Wakeups } from "./createWakeups.ts";

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
  return new Promise<IdempotentOutcome>((resolve, reject) => {
    let settled = false;
    let reading = false;
    let readAgain = false;
    const finish = (result: () => void): void => {
      if (settled) return;
      settled = true;
      clearInterval(timer);
      stopListening();
      signal?.removeEventListener("abort", onAbort);
      result();
    };
    const onAbort = (): void => finish(() => reject(signal?.reason));

    async function check(): Promise<void> {
      if (reading) {
        readAgain = true;
        return;
      }
      reading = true;
      try {
        do {
          readAgain = false;
          const entry = await deps.read();
          if (settled) return;
          if (entry?.state === "running" && entry.claim === claim) continue;
          if (entry?.state === "done") {
            return finish(() => resolve({ ok: true, ticket: entry.ticket }));
          }
          const error = entry?.state === "failed" && entry.claim === claim ? entry.error : null;
          return finish(() => resolve({ ok: false, error }));
        } while (readAgain);
      } catch (error) {
        finish(() => reject(error));
      } finally {
        reading = false;
      }
    }

    if (signal?.aborted) return onAbort();
    const stopListening = deps.wakeups.on(key, () => void check());
    const timer = setInterval(() => void check(), deps.recheckMs ?? RECHECK_MS);
    signal?.addEventListener("abort", onAbort, { once: true });
    void check();
  });
}
