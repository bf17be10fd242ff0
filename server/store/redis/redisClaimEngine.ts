import { decodeClaim, encodeClaim } from "../claimEntry.ts";
import type { ClaimEngine } from "../createClaims.ts";
import type { RedisConnections } from "./connectRedis.ts";
import { CLAIM, RENEW, SETTLE } from "./redisScripts.ts";

/** Idempotency-Key claims as strings with TTLs, each step one Lua script; settles publish. */
export function redisClaimEngine(
  redis: RedisConnections,
  keyOf: (id: string) => string,
  channel: string,
): ClaimEngine {
  const running = (claim: string): string => encodeClaim({ state: "running", claim });
  return {
    async claim(id, claim, ttlMs) {
      const found = await redis.run(CLAIM, [keyOf(id)], [running(claim), String(ttlMs)]);
      return found === null ? null : (decodeClaim(String(found)) ?? { state: "running", claim });
    },
    async settle(id, claim, next, ttlMs) {
      const args = [running(claim), encodeClaim(next), String(ttlMs), channel, `i:${id}`];
      return (await redis.run(SETTLE, [keyOf(id)], args)) === 1;
    },
    async renew(id, claim, ttlMs) {
      return (await redis.run(RENEW, [keyOf(id)], [running(claim), String(ttlMs)])) === 1;
    },
    async read(id) {
      if (!redis.client.isReady) throw new Error("not connected to Redis");
      return decodeClaim(await redis.client.get(keyOf(id)));
    },
  };
}
