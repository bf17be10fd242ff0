import type { Wakeups } from "./createWakeups.ts";

/** How a store waits for one key's record to change. */
export interface ChangeWatch {
  wakeups: Wakeups;
  /** The record's current version (a ticket's `updatedAt`), or null when there is none. */
  read(): Promise<number | null>;
}

/**
 * The body of `TicketStore.waitForChange` for every engine: listens first, then reads, and
 * reads again on each wake-up, so a change between the caller's read and this wait is never
 * missed. True when the version is newer than `since` (or than the first read), false after
 * `timeoutMs` or on abort; rejects when a read fails (the store went away), never hangs.
 */
export function waitUntilChanged(
  key: string,
  watch: ChangeWatch,
  options: { timeoutMs: number; since?: number; signal?: AbortSignal },
): Promise<boolean> {
  const { signal } = options;
  return new Promise<boolean>((resolve, reject) => {
    if (signal?.aborted) return resolve(false);
    let baseline = options.since;
    let settled = false;
    let reading = false;
    let readAgain = false;

    const finish = (result: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      stopListening();
      signal?.removeEventListener("abort", onAbort);
      result();
    };
    const onAbort = (): void => finish(() => resolve(false));

    async function check(): Promise<void> {
      if (reading) {
        readAgain = true;
        return;
      }
      reading = true;
      try {
        do {
          readAgain = false;
          const version = await watch.read();
          if (settled) return;
          if (baseline === undefined) baseline = version ?? -Infinity;
          else if (version !== null && version > baseline) return finish(() => resolve(true));
        } while (readAgain);
      } catch (error) {
        finish(() => reject(error));
      } finally {
        reading = false;
      }
    }

    const stopListening = watch.wakeups.on(key, () => void check());
    const timer = setTimeout(() => finish(() => resolve(false)), options.timeoutMs);
    signal?.addEventListener("abort", onAbort, { once: true });
    void check();
  });
}
