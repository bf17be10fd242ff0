import type { Wakeups } from "./createWakeups.ts";
import { readOnWake } from "./readOnWake.ts";

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
  let baseline = options.since;
  return readOnWake(
    key,
    watch.wakeups,
    () => watch.read(),
    (version) => {
      if (baseline === undefined) baseline = version ?? -Infinity;
      else if (version !== null && version > baseline) return true;
      return undefined;
    },
    {
      signal: options.signal,
      aborted: { value: false },
      timeout: { ms: options.timeoutMs, value: false },
    },
  );
}
