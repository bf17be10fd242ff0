import type { Logger } from "pino";
import { createAbortFanout } from "../http/createAbortFanout.ts";

/** Records what Ripio accepted, even when the store fails at that moment. */
export interface TicketRecorder {
  /**
   * Runs `steps` in order (record the owner, count the ticket, settle the key). When one fails,
   * it and the rest are retried in the background until they succeed, the server shuts down
   * (one last try) or `giveUpMs` passes; never rejects. Resolves true when all ran at once.
   */
  record(ticketId: string, steps: readonly (() => Promise<void>)[]): Promise<boolean>;
}

/**
 * Creates the recorder. Ripio has made the ticket by then, so the user gets its 202 either way:
 * failing them would make them send it again and open a second one. While the record is
 * missing, the owner's polls answer STORE_UNAVAILABLE (store down) and then find the ticket.
 */
export function createTicketRecorder(deps: {
  logger: Logger;
  /** Aborted when the server shuts down: pending records get one last try. */
  shutdown: AbortSignal;
  /** Keeps each background retry alive until it ends, so shutdown waits for it. */
  track<T>(work: Promise<T>): Promise<T>;
  retryEveryMs?: number;
  giveUpMs?: number;
}): TicketRecorder {
  const retryEvery = deps.retryEveryMs ?? 1_000;
  const giveUp = deps.giveUpMs ?? 10 * 60_000;

  async function runFrom(steps: readonly (() => Promise<void>)[], start: number): Promise<number> {
    for (let i = start; i < steps.length; i += 1) {
      try {
        await steps[i]?.();
      } catch {
        return i;
      }
    }
    return steps.length;
  }

  const shutdown = createAbortFanout(deps.shutdown);
  const pause = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      if (deps.shutdown.aborted) return resolve();
      const done = (): void => {
        clearTimeout(timer);
        unwatch();
        resolve();
      };
      const timer = setTimeout(done, ms);
      const unwatch = shutdown.watch(done);
    });

  async function retry(ticketId: string, steps: readonly (() => Promise<void>)[], from: number) {
    const started = Date.now();
    let next = from;
    while (next < steps.length) {
      const last = deps.shutdown.aborted || Date.now() - started >= giveUp;
      await pause(retryEvery);
      next = await runFrom(steps, next);
      if (next < steps.length && last) {
        deps.logger.error(
          { ticketId, step: next },
          "accepted ticket not recorded: the store stayed unavailable; its owner cannot follow it",
        );
        return;
      }
    }
    deps.logger.info({ ticketId }, "accepted ticket recorded after the store came back");
  }

  return {
    async record(ticketId, steps) {
      const failedAt = await runFrom(steps, 0);
      if (failedAt === steps.length) return true;
      deps.logger.warn({ ticketId }, "store unavailable after Ripio accepted a ticket; retrying");
      void deps.track(retry(ticketId, steps, failedAt));
      return false;
    },
  };
}
