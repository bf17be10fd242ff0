import { randomUUID } from "node:crypto";
import type { LimitOptions, SlotLimiter } from "../../tickets/ticketStore.ts";
import { guardStore } from "../../tickets/storeUnavailable.ts";
import type { RedisConnections } from "./connectRedis.ts";
import { COMMIT, RESERVE } from "./redisScripts.ts";

/**
 * Slots as members of a sorted set per key, scored by when each stops counting: reserving is
 * one script (drop the expired, count, add), so replicas never over-book together; the set
 * expires by itself a window after its last change.
 */
export function redisSlotLimiter(
  redis: RedisConnections,
  key: (bucket: string) => string,
  options: LimitOptions & { holdMs: number; now: () => number },
): SlotLimiter {
  const { name, limit, windowMs, holdMs, now } = options;
  return {
    async reserve(customer) {
      const set = key(`${name}:${customer}`);
      const member = randomUUID();
      const t = now();
      const args = [String(t), String(limit), String(t + holdMs), member, String(windowMs)];
      const freeAt = await guardStore(() => redis.run(RESERVE, [set], args));
      if (freeAt !== null) {
        const retryAfterSeconds = Math.max(1, Math.ceil((Number(freeAt) - t) / 1000));
        return { ok: false, retryAfterSeconds };
      }
      return {
        ok: true,
        commit: () =>
          guardStore(async () => {
            const until = String(now() + windowMs);
            await redis.run(COMMIT, [set], [until, member, String(windowMs)]);
          }),
        release: () => guardStore(async () => void (await redis.client.zRem(set, member))),
      };
    },
  };
}
