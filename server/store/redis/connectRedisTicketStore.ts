import type { Logger } from "pino";
import { RateLimiterMemory, RateLimiterRedis } from "rate-limiter-flexible";
import type { TicketStatus } from "../../../contract/index.ts";
import type { StoredTicket, TicketStore } from "../../tickets/ticketStore.ts";
import type { ClaimOwner } from "../claimOwner.ts";
import { createClaims } from "../createClaims.ts";
import { createWakeups } from "../createWakeups.ts";
import { flexibleRequestLimiter } from "../flexibleRequestLimiter.ts";
import { STORE_TTL, type StoreTtlOptions } from "../storeDefaults.ts";
import { guardStore, storeUnavailable } from "../../tickets/storeUnavailable.ts";
import { waitUntilChanged } from "../waitUntilChanged.ts";
import { connectRedis, type RedisConnectOptions } from "./connectRedis.ts";
import { redisClaimEngine } from "./redisClaimEngine.ts";
import { redisSlotLimiter } from "./redisSlotLimiter.ts";
import { RECORD } from "./redisScripts.ts";
import { APPLY_STATUS_LISTED, RECORD_LISTED, REMOVE_LISTED } from "./historyScripts.ts";
import { createRedisHistory } from "./redisHistory.ts";

/** Where Redis is, how keys are named, and times to live (tests shorten them). */
export interface RedisTicketStoreOptions extends StoreTtlOptions, RedisConnectOptions {
  /** Put before every key and the channel, so several proxies can share one Redis. */
  keyPrefix?: string;
  logger?: Logger;
  /** This process, written into its Idempotency-Key claims (operators can tell whose). */
  claimOwner?: ClaimOwner;
}

/**
 * The shared store for several replicas: every record is a Redis key with a TTL (a ticket
 * hash, a claim string, a sorted set of slots, rate-limiter-flexible's counters); changes that
 * someone may wait for are published on one channel, which every replica subscribes to.
 */
export async function connectRedisTicketStore(
  options: RedisTicketStoreOptions,
): Promise<TicketStore> {
  const prefix = options.keyPrefix ?? "help-proxy:";
  const channel = `${prefix}changes`;
  const ticketTtl = options.ticketTtlMs ?? STORE_TTL.ticketMs;
  const now = options.now ?? Date.now;
  const redis = await connectRedis(options);
  const { client, subscriber } = redis;
  const wakeups = createWakeups();
  const ticketKey = (id: string): string => `${prefix}t:${id}`;
  const historyTtl = options.historyTtlMs ?? STORE_TTL.historyMs;
  const history = createRedisHistory(redis, prefix, historyTtl, now);

  // A message names what changed (`t:<ticketId>`, `i:<claim id>`): its waiters read it again.
  void subscriber.subscribe(channel, (message) => wakeups.wake(message)).catch(() => undefined);
  // While the subscriber is away, messages are lost: waiters look again when it goes and comes.
  subscriber.on("ready", () => wakeups.wakeAll());
  subscriber.on("error", () => wakeups.wakeAll());

  const ready = (): void => {
    if (!client.isReady) throw storeUnavailable(new Error("not connected to Redis"));
  };
  const getTicket = (ticketId: string): Promise<StoredTicket | null> =>
    guardStore(async () => {
      ready();
      const hash = await client.hGetAll(ticketKey(ticketId));
      if (!hash.owner || !hash.status) return null;
      return {
        ticketId,
        status: hash.status as TicketStatus,
        issueKey: hash.issueKey ? hash.issueKey : null,
        ownerCustomerId: hash.owner,
        updatedAt: Number(hash.updatedAt),
      };
    });

  return {
    recordTicket: (ticket, owner, listing) =>
      guardStore(async () => {
        const issueKey = ticket.status === "CREATED" ? (ticket.issueKey ?? "") : "";
        const at = now();
        if (listing === undefined || historyTtl === 0) {
          const args = [owner, ticket.status, issueKey, String(at), String(ticketTtl)];
          await redis.run(RECORD, [ticketKey(ticket.ticketId)], args);
          return;
        }
        const [set, version] = history.keysOf(owner);
        const args = [
          ...[owner, ticket.status, issueKey, String(at), String(Math.max(ticketTtl, historyTtl))],
          ...[listing.summary, String(listing.attachmentCount)],
          ...[history.member(at, ticket.ticketId), String(historyTtl), channel, `o:${owner}`],
        ];
        await redis.run(RECORD_LISTED, [ticketKey(ticket.ticketId), set, version], args);
      }),

    listTickets: (owner, { limit, after }) =>
      guardStore(async () => {
        ready();
        return history.page(owner, limit, after);
      }),

    removeTicket: (owner, ticketId) =>
      guardStore(async () => {
        const keys = [ticketKey(ticketId), ...history.keysOf(owner)];
        const args = [owner, ticketId, String(now()), String(historyTtl), channel];
        return (await redis.run(REMOVE_LISTED, keys, args)) === 1;
      }),

    waitForListChange(owner, waitOptions) {
      const read = (): Promise<number> =>
        guardStore(async () => {
          ready();
          return history.version(owner);
        });
      return waitUntilChanged(`o:${owner}`, { wakeups, read }, waitOptions);
    },

    getTicket,

    applyStatus: (ticketId, status, issueKey) =>
      guardStore(async () => {
        const key = status === "CREATED" ? (issueKey ?? "") : "";
        const args = [status, key, String(now()), channel, `t:${ticketId}`];
        args.push(prefix, String(Math.max(historyTtl, 1)));
        return (await redis.run(APPLY_STATUS_LISTED, [ticketKey(ticketId)], args)) === 1;
      }),

    waitForChange(ticketId, waitOptions) {
      const read = async (): Promise<number | null> =>
        guardStore(async () => {
          ready();
          const at = await client.hGet(ticketKey(ticketId), "updatedAt");
          return at == null ? null : Number(at);
        });
      return waitUntilChanged(`t:${ticketId}`, { wakeups, read }, waitOptions);
    },

    beginIdempotent: createClaims({
      engine: redisClaimEngine(redis, (id) => `${prefix}i:${id}`, channel),
      wakeups,
      getTicket,
      ttl: options,
      ...(options.claimOwner ? { owner: options.claimOwner } : {}),
    }),

    requestLimiter: ({ name, limit, windowMs }) =>
      flexibleRequestLimiter(
        new RateLimiterRedis({
          storeClient: client,
          useRedisPackage: true,
          rejectIfRedisNotReady: true,
          keyPrefix: `${prefix}rl:${name}`,
          points: limit,
          duration: windowMs / 1000,
          // While Redis is away, each replica counts alone rather than refusing every request.
          insuranceLimiter: new RateLimiterMemory({ points: limit, duration: windowMs / 1000 }),
        }),
      ),

    slotLimiter: (limits) =>
      redisSlotLimiter(redis, (bucket) => `${prefix}s:${bucket}`, {
        holdMs: Math.min(limits.windowMs, STORE_TTL.holdMs),
        ...limits,
        now,
      }),

    ping: () =>
      guardStore(async () => {
        ready();
        await client.ping();
      }),

    async close() {
      wakeups.wakeAll();
      await redis.close();
    },
  };
}
