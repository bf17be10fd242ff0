import { createHash } from "node:crypto";

/** A Lua script, run by EVALSHA (its source is sent only when Redis does not know it yet). */
export interface LuaScript {
  source: string;
  sha: string;
}

const lua = (source: string): LuaScript => ({
  source,
  sha: createHash("sha1").update(source).digest("hex"),
});

/**
 * A status from Ripio, atomically: only a PENDING ticket moves, only to something different;
 * `updatedAt` strictly grows; the change is published so every replica's long polls wake.
 * KEYS: ticket hash. ARGV: status, issueKey ('' = none), now, channel, message. → 1 | 0
 */
export const APPLY_STATUS = lua(`
local cur = redis.call('HMGET', KEYS[1], 'status', 'issueKey', 'updatedAt')
if not cur[1] or cur[1] ~= 'PENDING' then return 0 end
if cur[1] == ARGV[1] and (cur[2] or '') == ARGV[2] then return 0 end
local at = math.max(tonumber(ARGV[3]), tonumber(cur[3]) + 1)
redis.call('HSET', KEYS[1], 'status', ARGV[1], 'issueKey', ARGV[2], 'updatedAt', string.format('%d', at))
redis.call('PUBLISH', ARGV[4], ARGV[5])
return 1
`);

/**
 * Claims an Idempotency-Key unless it is running or done (a failed outcome may be replaced).
 * KEYS: claim key. ARGV: running entry, ttl ms. → nil when claimed, else the entry found.
 */
export const CLAIM = lua(`
local v = redis.call('GET', KEYS[1])
if v and string.sub(v, 1, 2) ~= 'F|' then return v end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return false
`);

/**
 * Ends a claim: replaces our running entry (or nothing, if it expired unclaimed) and publishes.
 * KEYS: claim key. ARGV: our running entry, next entry, ttl ms, channel, message. → 1 | 0
 */
export const SETTLE = lua(`
local v = redis.call('GET', KEYS[1])
if v and v ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
redis.call('PUBLISH', ARGV[4], ARGV[5])
return 1
`);

/** The heartbeat of a running claim. KEYS: claim key. ARGV: our running entry, ttl ms. */
export const RENEW = lua(`
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0
`);

/**
 * Reserves a slot in a sorted set scored by when each slot stops counting.
 * KEYS: the set. ARGV: now, limit, hold-until, member, window ms.
 * → nil when reserved, else the score at which the first slot frees.
 */
export const RESERVE = lua(`
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then
  local first = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  return tostring(first[2])
end
redis.call('ZADD', KEYS[1], ARGV[3], ARGV[4])
redis.call('PEXPIRE', KEYS[1], ARGV[5])
return false
`);

/**
 * Extends a reserved slot that still counts (a lapsed one may have been given to another).
 * KEYS: the set. ARGV: now, hold-until, member, window ms. → 1 | 0
 */
export const RENEW_SLOT = lua(`
local score = redis.call('ZSCORE', KEYS[1], ARGV[3])
if not score or tonumber(score) <= tonumber(ARGV[1]) then return 0 end
redis.call('ZADD', KEYS[1], 'XX', ARGV[2], ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return 1
`);

/** A ticket's record and its TTL in one command. KEYS: ticket hash. ARGV: owner, status, issueKey, updatedAt, ttl ms. */
export const RECORD = lua(`
redis.call('HSET', KEYS[1], 'owner', ARGV[1], 'status', ARGV[2], 'issueKey', ARGV[3], 'updatedAt', ARGV[4])
return redis.call('PEXPIRE', KEYS[1], ARGV[5])
`);

/** Counts a reserved slot for good: until the window has passed. KEYS: the set. ARGV: until, member, window ms. */
export const COMMIT = lua(`
redis.call('ZADD', KEYS[1], ARGV[1], ARGV[2])
return redis.call('PEXPIRE', KEYS[1], ARGV[3])
`);
