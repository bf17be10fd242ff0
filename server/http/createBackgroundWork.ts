/** Work that must finish before the process may exit (removing an upload's temporary files). */
export interface BackgroundWork {
  /** Keeps `work` in the set until it settles; returns it unchanged. */
  track<T>(work: Promise<T>): Promise<T>;
  /** Resolves once everything tracked so far has settled. */
  idle(): Promise<void>;
}

/**
 * Creates the tracker. A closed HTTP server only means no socket is open: a handler may still
 * be cleaning up after its client left, and close() waits for that too.
 */
export function createBackgroundWork(): BackgroundWork {
  const pending = new Set<Promise<unknown>>();
  return {
    track(work) {
      const settled = work.then(
        () => undefined,
        () => undefined,
      );
      pending.add(settled);
      void settled.then(() => pending.delete(settled));
      return work;
    },
    async idle() {
      while (pending.size > 0) await Promise.all(pending);
    },
  };
}
