import type { Wakeups } from "./createWakeups.ts";

/** How `readOnWake` ends besides `decide`: on abort, after a timeout; how often it rechecks. */
export interface ReadOnWakeOptions<T> {
  signal?: AbortSignal | undefined;
  /** What an abort answers; without it, the promise rejects with the signal's reason. */
  aborted?: { value: T };
  /** Gives up after `ms`, answering `value`. */
  timeout?: { ms: number; value: T };
  /** Reads again this often even without a wake-up (a claim that lapses wakes no one). */
  recheckMs?: number;
}

/**
 * Reads `key`'s record now and on every wake-up until `decide` returns something other than
 * undefined, which the promise answers. It listens before the first read, so a change between
 * the caller's last read and this wait is never missed; reads run one at a time (a wake-up
 * during a read asks for one more). Rejects when a read fails, so a store that went away
 * never leaves a waiter hanging.
 */
export function readOnWake<V, T>(
  key: string,
  wakeups: Wakeups,
  read: () => Promise<V>,
  decide: (value: V) => T | undefined,
  options: ReadOnWakeOptions<T> = {},
): Promise<T> {
  const { signal } = options;
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    let reading = false;
    let readAgain = false;
    const timers: ReturnType<typeof setTimeout>[] = [];
    let stopListening = (): void => undefined;

    const finish = (result: () => void): void => {
      if (settled) return;
      settled = true;
      for (const timer of timers) clearTimeout(timer);
      stopListening();
      signal?.removeEventListener("abort", onAbort);
      result();
    };
    const aborted = options.aborted;
    const onAbort = (): void =>
      finish(() => (aborted ? resolve(aborted.value) : reject(signal?.reason)));

    async function check(): Promise<void> {
      if (reading) {
        readAgain = true;
        return;
      }
      reading = true;
      try {
        do {
          readAgain = false;
          const value = await read();
          if (settled) return;
          const decided = decide(value);
          if (decided !== undefined) return finish(() => resolve(decided));
        } while (readAgain);
      } catch (error) {
        finish(() => reject(error));
      } finally {
        reading = false;
      }
    }

    if (signal?.aborted) return onAbort();
    stopListening = wakeups.on(key, () => void check());
    const { timeout, recheckMs } = options;
    if (timeout) timers.push(setTimeout(() => finish(() => resolve(timeout.value)), timeout.ms));
    if (recheckMs !== undefined) timers.push(setInterval(() => void check(), recheckMs));
    signal?.addEventListener("abort", onAbort, { once: true });
    void check();
  });
}
