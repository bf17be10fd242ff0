import type { TicketStatus } from "../../../contract/index.ts";
import type { HistoryPage, HistoryPosition, HistoryRow } from "../../tickets/ticketHistory.ts";
import type { RedisConnections } from "./connectRedis.ts";
import { historyMember, LIST_PAGE } from "./historyScripts.ts";

/** The Redis side of customers' lists: key names, pages and versions. */
export interface RedisHistory {
  /** The owner's sorted set of members and their list's version key. */
  keysOf(owner: string): [string, string];
  member: typeof historyMember;
  page(owner: string, limit: number, after: HistoryPosition | undefined): Promise<HistoryPage>;
  version(owner: string): Promise<number>;
}

const FIELDS = ["owner", "status", "issueKey", "summary", "files", "createdAt"] as const;

/**
 * An owner's list is a sorted set of members (`historyMember`) with one score, read BYLEX in
 * reverse: newest first, a cursor is an exclusive bound. Each member's ticket hash holds the
 * row; the set and the version key live as long as the newest ticket's retention.
 */
export function createRedisHistory(
  redis: RedisConnections,
  prefix: string,
  historyTtlMs: number,
  now: () => number = Date.now,
): RedisHistory {
  const keysOf = (owner: string): [string, string] => [
    `${prefix}l:${owner}`,
    `${prefix}v:${owner}`,
  ];
  const version = async (owner: string): Promise<number> =>
    Number((await redis.client.get(keysOf(owner)[1])) ?? 0);

  return {
    keysOf,
    member: historyMember,
    version,
    async page(owner, limit, after) {
      const current = await version(owner);
      const [set] = keysOf(owner);
      const oldest = historyMember(Math.max(now() - historyTtlMs, 0), "");
      const start = after ? `(${historyMember(after.createdAt, after.ticketId)}` : "+";
      const args = [oldest, start, String(limit + 1)];
      const read = (await redis.run(LIST_PAGE, [set], args)) as string[];
      const members = read.slice(0, limit);
      // node-redis pipelines these concurrent reads into one round trip.
      const hashes = await Promise.all(
        members.map((member) =>
          redis.client.hmGet(`${prefix}t:${member.slice(member.indexOf(":") + 1)}`, [...FIELDS]),
        ),
      );
      const rows: HistoryRow[] = [];
      hashes.forEach((values, i) => {
        const [ownerOf, status, issueKey, summary, files, createdAt] = values;
        const member = members[i];
        if (ownerOf !== owner || !status || summary == null || !createdAt || !member) return;
        rows.push({
          ticketId: member.slice(member.indexOf(":") + 1),
          status: status as TicketStatus,
          issueKey: issueKey ? issueKey : null,
          summary,
          attachmentCount: Number(files ?? 0),
          createdAt: Number(createdAt),
        });
      });
      const tickets = rows;
      // The cursor is the last member read, so a page whose tickets went on is still followed.
      const lastMember = read.length > limit ? members.at(-1) : undefined;
      const next = lastMember
        ? {
            createdAt: Number(lastMember.slice(0, lastMember.indexOf(":"))),
            ticketId: lastMember.slice(lastMember.indexOf(":") + 1),
          }
        : null;
      return { tickets, next, version: current };
    },
  };
}
