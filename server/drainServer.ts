import type { Server } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import type { Logger } from "pino";
import { ApiError } from "./http/apiError.ts";
import type { BackgroundWork } from "./http/createBackgroundWork.ts";

/** Whether `work` settles within `ms`. */
async function settlesWithin(work: Promise<unknown>, ms: number): Promise<boolean> {
  const timer = new AbortController();
  const done = await Promise.race([
    work.then(
      () => true,
      () => true,
    ),
    sleep(Math.max(0, ms), false, { signal: timer.signal }).catch(() => false),
  ]);
  timer.abort();
  return done;
}

/**
 * Of the grace, the part kept for the end: answering 503 to what still runs, closing
 * connections and removing spool files. The rest is for requests in flight to finish.
 */
function finalPartMs(graceMs: number): number {
  return Math.min(3_000, graceMs * 0.2);
}

/** What a request still running at the end of the grace is answered. */
function stoppingError(): ApiError {
  return new ApiError("UPSTREAM_UNAVAILABLE", "The help service is restarting; send again.", {
    retryAfterSeconds: 5,
  });
}

/** What the drain stops, and the signals it gives the app. */
export interface DrainParts {
  server: Server;
  /** Aborted first: long polls answer, new uploads get 503, /readyz says 503. */
  shutdown: AbortController;
  /** Aborted near the end of the grace, with the ApiError to answer as its reason. */
  stopping: AbortController;
  /** Fails every call still waiting on Ripio (a hanging Create): it answers 503. */
  closeUpstream(): Promise<void>;
  /** Uploads until their spool files are gone. */
  background: BackgroundWork;
  /** Runs last (the in-process sandbox). */
  closeRest(): Promise<void>;
  logger: Logger;
}

/**
 * The graceful drain, within `graceMs` in all: stop accepting (idle keep-alive sockets are
 * shut as they idle); let requests in flight finish until only min(3 s, a fifth of the grace)
 * is left; then answer 503 to what still runs (uploads still arriving, calls waiting on
 * Ripio); close every connection; wait for the spool files to go; close the rest.
 */
export async function drainServer(parts: DrainParts, graceMs: number): Promise<void> {
  const { server, logger } = parts;
  const started = performance.now();
  const left = (): number => graceMs - (performance.now() - started);
  parts.shutdown.abort();
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  const idleSweep = setInterval(() => server.closeIdleConnections(), 100);
  try {
    if (!(await settlesWithin(closed, left() - finalPartMs(graceMs)))) {
      logger.warn("shutdown grace nearly out: answering what still runs with 503");
      parts.stopping.abort(stoppingError());
      await parts.closeUpstream();
      await settlesWithin(closed, left() - finalPartMs(graceMs) / 2);
    }
  } finally {
    clearInterval(idleSweep);
  }
  server.closeAllConnections();
  await closed;
  await parts.closeUpstream();
  // Each upload removes its spool files once its request has ended, whatever the outcome.
  if (!(await settlesWithin(parts.background.idle(), left()))) {
    logger.warn("exiting with uploads still cleaning up; the next start sweeps their files");
  }
  await parts.closeRest();
}
