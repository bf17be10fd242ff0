import { randomUUID } from "node:crypto";
import type Database from "better-sqlite3";
import type { LimitOptions, SlotLimiter } from "../../tickets/ticketStore.ts";
import { guardStore } from "../../tickets/storeUnavailable.ts";
import type { WriteBatch } from "./createWriteBatch.ts";

/**
 * Slots in the `slots` table: a reservation is one step of an IMMEDIATE transaction (drop the
 * key's expired rows, count, insert; a savepoint inside the batch's transaction), so processes
 * sharing the file never over-book together. Writes go through the store's group commit.
 */
export function sqliteSlotLimiter(
  db: Database.Database,
  batch: WriteBatch,
  options: LimitOptions & { holdMs: number; now: () => number },
): SlotLimiter {
  const { name, limit, windowMs, holdMs, now } = options;
  const prune = db.prepare<[string, number]>(
    "DELETE FROM slots WHERE bucket = ? AND expires_at <= ?",
  );
  const count = db.prepare<[string], { n: number; first: number | null }>(
    "SELECT COUNT(*) AS n, MIN(expires_at) AS first FROM slots WHERE bucket = ?",
  );
  const put = db.prepare<[string, string, number]>(
    `INSERT INTO slots (bucket, id, expires_at) VALUES (?, ?, ?)
     ON CONFLICT (bucket, id) DO UPDATE SET expires_at = excluded.expires_at`,
  );
  const remove = db.prepare<[string, string]>("DELETE FROM slots WHERE bucket = ? AND id = ?");
  // Only a hold still counting is extended: one that lapsed may have been given to another.
  const extend = db.prepare<[number, string, string, number]>(
    "UPDATE slots SET expires_at = ? WHERE bucket = ? AND id = ? AND expires_at > ?",
  );

  const reserveTx = db.transaction((bucket: string, id: string, t: number) => {
    prune.run(bucket, t);
    const held = count.get(bucket) ?? { n: 0, first: null };
    if (held.n >= limit) return held.first ?? t + windowMs;
    put.run(bucket, id, t + holdMs);
    return null;
  });

  return {
    async reserve(key) {
      const bucket = `${name}:${key}`;
      const id = randomUUID();
      const t = now();
      const freeAt = await guardStore(() => batch.run(() => reserveTx(bucket, id, t)));
      if (freeAt !== null) {
        return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((freeAt - t) / 1000)) };
      }
      let committed = false;
      return {
        ok: true,
        commit: () => {
          committed = true;
          return guardStore(() => batch.run(() => void put.run(bucket, id, now() + windowMs)));
        },
        release: () => guardStore(() => batch.run(() => void remove.run(bucket, id))),
        renew: async () => {
          if (committed) return;
          const t = now();
          await guardStore(() => batch.run(() => void extend.run(t + holdMs, bucket, id, t)));
        },
      };
    },
  };
}
