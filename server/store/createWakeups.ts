/** In-process listeners per key, woken when a store learns that the key's record changed. */
export interface Wakeups {
  /** Adds a listener; returns the function that removes it. */
  on(key: string, listener: () => void): () => void;
  wake(key: string): void;
  /** Wakes every listener (another process wrote, or the connection to the store blinked). */
  wakeAll(): void;
  /** How many listeners are registered (a store polls for others' writes only while > 0). */
  readonly size: number;
}

/** Creates an empty registry; `onListen` runs after each listener is added. */
export function createWakeups(options: { onListen?: () => void } = {}): Wakeups {
  const listeners = new Map<string, Set<() => void>>();
  let size = 0;
  return {
    on(key, listener) {
      const set = listeners.get(key) ?? new Set();
      listeners.set(key, set);
      set.add(listener);
      size += 1;
      options.onListen?.();
      return () => {
        if (!set.delete(listener)) return;
        size -= 1;
        if (set.size === 0 && listeners.get(key) === set) listeners.delete(key);
      };
    },
    wake(key) {
      for (const listener of [...(listeners.get(key) ?? [])]) listener();
    },
    wakeAll() {
      for (const set of [...listeners.values()]) for (const listener of [...set]) listener();
    },
    get size() {
      return size;
    },
  };
}
