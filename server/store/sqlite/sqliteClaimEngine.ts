import type Database from "better-sqlite3";
import { decodeClaim, encodeClaim, type ClaimEntry } from "../claimEntry.ts";
import type { ClaimEngine } from "../createClaims.ts";

/** Idempotency-Key claims in the `idempotency` table, each step one IMMEDIATE transaction. */
export function sqliteClaimEngine(
  db: Database.Database,
  now: () => number,
): ClaimEngine & { releaseRunning(isGone: (claim: string) => boolean): number } {
  const select = db
    .prepare<[string, number], string>(
      "SELECT entry FROM idempotency WHERE id = ? AND expires_at > ?",
    )
    .pluck();
  const upsert = db.prepare<[string, string, number]>(
    `INSERT INTO idempotency (id, entry, expires_at) VALUES (?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET entry = excluded.entry, expires_at = excluded.expires_at`,
  );
  const extend = db.prepare<[number, string, string, number]>(
    "UPDATE idempotency SET expires_at = ? WHERE id = ? AND entry = ? AND expires_at > ?",
  );
  const read = (id: string, t: number): ClaimEntry | null => decodeClaim(select.get(id, t));

  // IMMEDIATE takes the write lock before reading, so two processes cannot both claim a key.
  const claimTx = db.transaction((id: string, claim: string, ttlMs: number, t: number) => {
    const entry = read(id, t);
    if (entry !== null && entry.state !== "failed") return entry;
    upsert.run(id, encodeClaim({ state: "running", claim }), t + ttlMs);
    return null;
  });
  const settleTx = db.transaction(
    (id: string, claim: string, next: ClaimEntry, ttlMs: number, t: number) => {
      const entry = read(id, t);
      if (entry !== null && !(entry.state === "running" && entry.claim === claim)) return false;
      upsert.run(id, encodeClaim(next), t + ttlMs);
      return true;
    },
  );

  const running = db.prepare<[number], { id: string; entry: string }>(
    "SELECT id, entry FROM idempotency WHERE entry LIKE 'R|%' AND expires_at > ?",
  );
  const drop = db.prepare<[string, string]>("DELETE FROM idempotency WHERE id = ? AND entry = ?");
  const releaseTx = db.transaction((isGone: (claim: string) => boolean, t: number) => {
    let released = 0;
    for (const row of running.all(t)) {
      const entry = decodeClaim(row.entry);
      if (entry?.state === "running" && isGone(entry.claim)) {
        released += drop.run(row.id, row.entry).changes;
      }
    }
    return released;
  });

  return {
    /** Deletes the running claims `isGone` names (their process died); how many there were. */
    releaseRunning: (isGone) => releaseTx.immediate(isGone, now()),
    claim: async (id, claim, ttlMs) => claimTx.immediate(id, claim, ttlMs, now()),
    settle: async (id, claim, next, ttlMs) => settleTx.immediate(id, claim, next, ttlMs, now()),
    async renew(id, claim, ttlMs) {
      const t = now();
      return extend.run(t + ttlMs, id, encodeClaim({ state: "running", claim }), t).changes > 0;
    },
    read: async (id) => read(id, now()),
  };
}
