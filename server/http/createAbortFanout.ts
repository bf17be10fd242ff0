/** Many short-lived watchers of one long-lived signal, with a single listener on it. */
export interface AbortFanout {
  /** Calls `onAbort` once when the source aborts (at once if it has); returns the unsubscribe. */
  watch(onAbort: () => void): () => void;
  /** A signal of one request's own, aborted with the source's reason; release it when done. */
  child(): { signal: AbortSignal; release(): void };
}

/**
 * Fans a process-wide signal (shutdown begins, the grace runs out) out to the requests that
 * wait on it. Each upload and each long poll adding its own listener to the one signal made
 * Node warn (MaxListenersExceededWarning) from eleven at once, in tests and production logs;
 * here the source has one listener however many wait, and a request's signal has its own.
 */
export function createAbortFanout(source: AbortSignal): AbortFanout {
  const watchers = new Set<() => void>();
  source.addEventListener(
    "abort",
    () => {
      for (const onAbort of [...watchers]) onAbort();
      watchers.clear();
    },
    { once: true },
  );
  const watch = (onAbort: () => void): (() => void) => {
    if (source.aborted) {
      onAbort();
      return () => undefined;
    }
    watchers.add(onAbort);
    return () => void watchers.delete(onAbort);
  };
  return {
    watch,
    child() {
      const controller = new AbortController();
      const release = watch(() => controller.abort(source.reason));
      return { signal: controller.signal, release };
    },
  };
}
