/** Timers the sandbox owns, so `reset()` and `close()` can clear every one of them. */
export interface Timers {
  /** Runs `fn` after `ms`; a keyed timer replaces any earlier one with the same key. */
  set(fn: () => void, ms: number, key?: string): void;
  /** Cancels the timer with this key, if any. */
  clear(key: string): void;
  /** Cancels every timer whose key starts with `prefix` (all keyed and unkeyed ones when omitted). */
  clearAll(prefix?: string): void;
  /** Runs now, and forgets, every keyed timer whose key starts with `prefix`. */
  runNow(prefix: string): void;
  /**
   * Resolves after `ms`, or at once when `runNow` takes its key; never resolves once
   * cleared (its request is torn down with the server).
   */
  sleep(ms: number, key?: string): Promise<void>;
}

/** Creates an empty timer registry. */
export function createTimers(): Timers {
  // A keyed timer keeps its callback too, so `runNow` can run it early.
  const keyed = new Map<string, { handle: NodeJS.Timeout; fn: () => void }>();
  const unkeyed = new Set<NodeJS.Timeout>();

  function set(fn: () => void, ms: number, key?: string): void {
    if (key !== undefined) clear(key);
    const handle = setTimeout(() => {
      if (key !== undefined) keyed.delete(key);
      else unkeyed.delete(handle);
      fn();
    }, ms);
    if (key !== undefined) keyed.set(key, { handle, fn });
    else unkeyed.add(handle);
  }

  function clear(key: string): void {
    const timer = keyed.get(key);
    if (timer === undefined) return;
    clearTimeout(timer.handle);
    keyed.delete(key);
  }

  function clearAll(prefix?: string): void {
    for (const [key, { handle }] of keyed) {
      if (prefix !== undefined && !key.startsWith(prefix)) continue;
      clearTimeout(handle);
      keyed.delete(key);
    }
    if (prefix !== undefined) return;
    for (const handle of unkeyed) clearTimeout(handle);
    unkeyed.clear();
  }

  function runNow(prefix: string): void {
    for (const [key, { fn }] of keyed) {
      if (!key.startsWith(prefix)) continue;
      clear(key);
      fn();
    }
  }

  return {
    set,
    clear,
    clearAll,
    runNow,
    sleep: (ms, key) => new Promise((resolve) => set(resolve, ms, key)),
  };
}
