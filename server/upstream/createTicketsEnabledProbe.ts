import type { Logger } from "pino";
import type { UpstreamClient } from "./createUpstreamClient.ts";

/** Whether Ripio has Support Tickets on for our account, as far as we know. */
export interface TicketsEnabledProbe {
  /** Cached for `ttlMs`; one probe at a time. If Ripio cannot say, the last answer (or true). */
  get(): Promise<boolean>;
  /** What a Create just taught us (20061 → false, a 202 → true). */
  learn(enabled: boolean): void;
}

/** Creates the probe over the upstream client's `ticketsEnabled()`. */
export function createTicketsEnabledProbe(deps: {
  upstream: UpstreamClient;
  logger: Logger;
  now: () => number;
  ttlMs?: number;
}): TicketsEnabledProbe {
  const ttl = deps.ttlMs ?? 60_000;
  let known: { enabled: boolean; at: number } | null = null;
  let running: Promise<boolean> | null = null;

  const learn = (enabled: boolean): void => {
    known = { enabled, at: deps.now() };
  };

  return {
    get() {
      if (known && deps.now() - known.at < ttl) return Promise.resolve(known.enabled);
      running ??= deps.upstream
        .ticketsEnabled()
        .then(
          (enabled) => (learn(enabled), enabled),
          (error: unknown) => {
            // Unknown is not "off": the widget stays usable and a submit reports the real error.
            deps.logger.warn({ err: error }, "could not learn whether tickets are enabled");
            return known?.enabled ?? true;
          },
        )
        .finally(() => (running = null));
      return running;
    },
    learn,
  };
}
