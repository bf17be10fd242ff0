import { createClient } from "redis";
import type { Logger } from "pino";
import { describeStore } from "../describeStore.ts";
import { storeUnavailable } from "../../tickets/storeUnavailable.ts";
import type { LuaScript } from "./redisScripts.ts";

// Reconnect forever, backing off to 2 s: the store comes back by itself when Redis does.
const reconnectStrategy = (retries: number): number =>
  Math.min(100 * 2 ** Math.min(retries, 5), 2_000) + Math.floor(Math.random() * 100);

/** A node-redis client: fail-fast commands (`queueOffline` false) or a patient subscriber. */
function newClient(url: string, queueOffline: boolean, timeoutMs: number) {
  return createClient({
    url,
    disableOfflineQueue: !queueOffline,
    ...(queueOffline ? {} : { commandOptions: { timeout: timeoutMs } }),
    socket: { connectTimeout: 2_000, reconnectStrategy },
  });
}

/** The node-redis client type this store uses. */
export type RedisClient = ReturnType<typeof newClient>;

/** The two connections of a Redis store: commands, and the pub/sub subscriber. */
export interface RedisConnections {
  client: RedisClient;
  subscriber: RedisClient;
  /** Runs a Lua script by its hash, sending the source once if Redis does not know it. */
  run(script: LuaScript, keys: string[], args: string[]): Promise<unknown>;
  close(): Promise<void>;
}

/** How the connections behave; the defaults fail fast and retry forever. */
export interface RedisConnectOptions {
  url: string;
  logger?: Logger;
  /** A command that gets no answer in this long fails (Redis hung, or a network black hole). */
  commandTimeoutMs?: number;
  /** How long start-up waits for the first connection before serving (503s) without it. */
  connectWaitMs?: number;
}

/**
 * Opens both connections. Commands are never queued while disconnected (they fail at once with
 * STORE_UNAVAILABLE) and time out after `commandTimeoutMs`; the subscriber may queue its own
 * SUBSCRIBE, which node-redis repeats after every reconnect. Start-up waits for Redis a little,
 * then serves anyway: /readyz says 503 until it is there.
 */
export async function connectRedis(options: RedisConnectOptions): Promise<RedisConnections> {
  const where = describeStore({ kind: "redis", url: options.url });
  const timeoutMs = options.commandTimeoutMs ?? 2_000;
  const client = newClient(options.url, false, timeoutMs);
  const subscriber = newClient(options.url, true, timeoutMs);

  let reachable: boolean | null = null;
  const report = (up: boolean, error?: unknown): void => {
    if (reachable === up) return;
    reachable = up;
    if (up) options.logger?.info({ store: where }, "store reachable");
    else options.logger?.warn({ store: where, err: error }, "store unreachable");
  };
  client.on("ready", () => report(true));
  client.on("error", (error: unknown) => report(false, error));
  // Without a listener an 'error' event would throw; the command client reports for both.
  subscriber.on("error", () => undefined);

  const connecting = Promise.all([client.connect(), subscriber.connect()]);
  connecting.catch(() => undefined); // only ends by close(): the strategy never gives up
  let waited: NodeJS.Timeout | undefined;
  await Promise.race([
    connecting,
    new Promise((resolve) => (waited = setTimeout(resolve, options.connectWaitMs ?? 3_000))),
  ]);
  clearTimeout(waited);
  if (!client.isReady) report(false, new Error("no connection yet"));

  return {
    client,
    subscriber,
    async run(script, keys, args) {
      if (!client.isReady) throw storeUnavailable(new Error(`not connected to ${where}`));
      try {
        return await client.evalSha(script.sha, { keys, arguments: args });
      } catch (error) {
        if (!(error instanceof Error) || !error.message.startsWith("NOSCRIPT")) throw error;
        return client.eval(script.source, { keys, arguments: args });
      }
    },
    async close() {
      for (const connection of [subscriber, client]) {
        try {
          if (connection.isReady) await connection.close();
          else connection.destroy();
        } catch {
          connection.destroy();
        }
      }
    },
  };
}
