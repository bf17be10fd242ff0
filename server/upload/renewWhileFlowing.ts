import type { Readable } from "node:stream";

/** How often a hold is renewed while its upload brings bytes: well inside its 15 minutes. */
export const RENEW_EVERY_MS = 60_000;

/**
 * Keeps `hold` (a ticket slot's reservation) alive while `req` brings bytes: on the first
 * chunk at least `everyMs` after the last renewal, renews it once more (one at a time). A
 * stalled body is cut by the body deadline, so a hold is never renewed without an upload
 * behind it. Like watchBodyProgress, it listens only once a reader has started the flow, so
 * it never starts the flow itself. Returns the function that stops it.
 */
export function renewWhileFlowing(
  req: Readable,
  hold: { renew(): Promise<void> },
  options: { now: () => number; onError(error: unknown): void; everyMs?: number },
): () => void {
  const everyMs = options.everyMs ?? RENEW_EVERY_MS;
  let last = options.now();
  let renewing = false;
  const onData = (): void => {
    const t = options.now();
    if (renewing || t - last < everyMs) return;
    last = t;
    renewing = true;
    void hold
      .renew()
      .catch(options.onError)
      .finally(() => (renewing = false));
  };
  const onResume = (): void => {
    req.off("data", onData);
    req.on("data", onData);
  };
  req.on("resume", onResume);
  if (req.readableFlowing === true) onResume();
  return () => {
    req.off("data", onData);
    req.off("resume", onResume);
  };
}
