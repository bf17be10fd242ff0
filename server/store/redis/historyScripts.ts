import { createHash } from "node:crypto";
import type { LuaScript } from "./redisScripts.ts";

const lua = (source: string): LuaScript => ({
  source,
  sha: createHash("sha1").update(source).digest("hex"),
});

// A list's version never goes back: the larger of one more and the clock (ms).
const BUMP = `
local function bump(key, now, ttl)
  local v = math.max((tonumber(redis.call('GET', key)) or 0) + 1, tonumber(now))
  redis.call('SET', key, string.format('%d', v), 'PX', ttl)
end
`;

/** A list member: the creation time padded to 15 digits, then the id, so BYLEX is newest-first order. */
export function historyMember(createdAt: number, ticketId: string): string {
  return `${String(createdAt).padStart(15, "0")}:${ticketId}`;
}

/**
 * A listed ticket: its hash (with the summary, file count and creation time), its member in the
 * owner's sorted set, the list's version, and a message waking the owner's list waits.
 * KEYS: ticket hash, owner's set, owner's version.
 * ARGV: owner, status, issueKey, now, hash ttl ms, summary, file count, member, history ttl ms,
 * channel, message.
 */
export const RECORD_LISTED = lua(`${BUMP}
redis.call('HSET', KEYS[1], 'owner', ARGV[1], 'status', ARGV[2], 'issueKey', ARGV[3],
  'updatedAt', ARGV[4], 'createdAt', ARGV[4], 'summary', ARGV[6], 'files', ARGV[7])
redis.call('PEXPIRE', KEYS[1], ARGV[5])
redis.call('ZADD', KEYS[2], 0, ARGV[8])
redis.call('PEXPIRE', KEYS[2], ARGV[9])
bump(KEYS[3], ARGV[4], ARGV[9])
redis.call('PUBLISH', ARGV[10], ARGV[11])
return 1
`);

/**
 * APPLY_STATUS (redisScripts.ts) plus, for a listed ticket, its owner's list version and wake-up.
 * The version key is built from the hash's owner (one Redis, not a cluster: keys share a prefix).
 * KEYS: ticket hash. ARGV: status, issueKey ('' = none), now, channel, message, key prefix,
 * history ttl ms. → 1 | 0
 */
export const APPLY_STATUS_LISTED = lua(`${BUMP}
local cur = redis.call('HMGET', KEYS[1], 'status', 'issueKey', 'updatedAt', 'owner', 'createdAt')
if not cur[1] or cur[1] ~= 'PENDING' then return 0 end
if cur[1] == ARGV[1] and (cur[2] or '') == ARGV[2] then return 0 end
local at = math.max(tonumber(ARGV[3]), tonumber(cur[3]) + 1)
redis.call('HSET', KEYS[1], 'status', ARGV[1], 'issueKey', ARGV[2], 'updatedAt', string.format('%d', at))
redis.call('PUBLISH', ARGV[4], ARGV[5])
if cur[5] and cur[4] then
  bump(ARGV[6] .. 'v:' .. cur[4], ARGV[3], ARGV[7])
  redis.call('PUBLISH', ARGV[4], 'o:' .. cur[4])
end
return 1
`);

/**
 * One page of an owner's list, newest first, after dropping members past retention.
 * KEYS: owner's set. ARGV: oldest member kept (exclusive bound), start bound, count.
 */
export const LIST_PAGE = lua(`
redis.call('ZREMRANGEBYLEX', KEYS[1], '-', '(' .. ARGV[1])
return redis.call('ZRANGE', KEYS[1], ARGV[2], '-', 'BYLEX', 'REV', 'LIMIT', 0, tonumber(ARGV[3]))
`);

/**
 * Removes an owner's listed ticket: hash, member, version, wake-ups. → 1 | 0 (not theirs/listed)
 * KEYS: ticket hash, owner's set, owner's version. ARGV: owner, ticketId, now, history ttl ms,
 * channel.
 */
export const REMOVE_LISTED = lua(`${BUMP}
local cur = redis.call('HMGET', KEYS[1], 'owner', 'createdAt')
if cur[1] ~= ARGV[1] or not cur[2] then return 0 end
redis.call('DEL', KEYS[1])
redis.call('ZREM', KEYS[2], string.rep('0', 15 - #cur[2]) .. cur[2] .. ':' .. ARGV[2])
bump(KEYS[3], ARGV[3], ARGV[4])
redis.call('PUBLISH', ARGV[5], 'o:' .. ARGV[1])
redis.call('PUBLISH', ARGV[5], 't:' .. ARGV[2])
return 1
`);
