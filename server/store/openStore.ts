import type { Logger } from "pino";
import type { StoreSettings } from "../config.ts";
import type { TicketStore } from "../tickets/ticketStore.ts";
import type { ClaimOwnerCheck } from "./claimOwner.ts";
import { createMemoryTicketStore } from "./createMemoryTicketStore.ts";

/**
 * Opens the store STORE_URL names. SQLite and Redis are loaded only when chosen. Rejects with a
 * StoreOpenError naming the file when an SQLite file cannot be opened or written; a Redis that
 * is down is not an error here (the proxy starts, answers 503 and recovers when it is back).
 */
export async function openStore(
  settings: StoreSettings,
  deps: {
    logger?: Logger;
    now?: () => number;
    claimOwner?: ClaimOwnerCheck;
    historyTtlMs?: number;
  } = {},
): Promise<TicketStore> {
  const now = deps.now ? { now: deps.now } : {};
  const claimOwner = deps.claimOwner ? { claimOwner: deps.claimOwner } : {};
  const history = deps.historyTtlMs === undefined ? {} : { historyTtlMs: deps.historyTtlMs };
  switch (settings.kind) {
    case "memory":
      return createMemoryTicketStore({ ...now, ...history });
    case "sqlite": {
      const { openSqliteTicketStore } = await import("./sqlite/openSqliteTicketStore.ts");
      return openSqliteTicketStore({ path: settings.path, ...now, ...claimOwner, ...history });
    }
    case "redis": {
      const { connectRedisTicketStore } = await import("./redis/connectRedisTicketStore.ts");
      return connectRedisTicketStore({
        url: settings.url,
        ...history,
        ...(deps.logger ? { logger: deps.logger } : {}),
        ...now,
        ...(deps.claimOwner
          ? { claimOwner: { host: deps.claimOwner.host, pid: deps.claimOwner.pid } }
          : {}),
      });
    }
  }
}
