import { RateLimiterSQLite } from "rate-limiter-flexible";
import type { TicketStatus } from "../../../contract/index.ts";
import type { RequestLimiter, StoredTicket, TicketStore } from "../../tickets/ticketStore.ts";
import { claimOwnerGone, type ClaimOwnerCheck } from "../claimOwner.ts";
import { createClaims } from "../createClaims.ts";
import { createWakeups } from "../createWakeups.ts";
import { flexibleRequestLimiter } from "../flexibleRequestLimiter.ts";
import { STORE_TTL, type StoreTtlOptions } from "../storeDefaults.ts";
import { guardStore } from "../../tickets/storeUnavailable.ts";
import { waitUntilChanged } from "../waitUntilChanged.ts";
import { cachedStatements } from "./cachedStatements.ts";
import { createWriteBatch } from "./createWriteBatch.ts";
import { createSqliteWatch } from "./createSqliteWatch.ts";
import { openSqliteDatabase } from "./openSqliteDatabase.ts";
import { sqliteClaimEngine } from "./sqliteClaimEngine.ts";
import { sqliteHistory } from "./sqliteHistory.ts";
import { sqliteSlotLimiter } from "./sqliteSlotLimiter.ts";

/** Where the file is, and times to live (tests shorten them). */
export interface SqliteTicketStoreOptions extends StoreTtlOptions {
  path: string;
  /** How often other processes' commits are looked for while someone waits. */
  watchMs?: number;
  /**
   * This process, written into its Idempotency-Key claims. At open, the running claims of
   * processes of this host that are gone (a kill -9, a crash) are released, so a retry after a
   * restart need not wait for them to lapse.
   */
  claimOwner?: ClaimOwnerCheck;
  /** How often expired rows are purged even when nothing is written; default every 10 minutes. */
  purgeEveryMs?: number;
}

interface TicketRow {
  id: string;
  owner: string;
  status: TicketStatus;
  issue_key: string | null;
  updated_at: number;
}

/** Expired rows are deleted at most this often, on a write: cheap, and no timer is needed. */
const SWEEP_EVERY_MS = 60_000;

/**
 * The embedded store: one SQLite file (WAL) that outlives restarts and may be shared by the
 * processes of one machine. Expiry is by each row's `expires_at`, checked on every read, with
 * an occasional DELETE. Throws a StoreOpenError naming the path when the file cannot be used.
 */
export function openSqliteTicketStore(options: SqliteTicketStoreOptions): TicketStore {
  const db = openSqliteDatabase(options.path);
  const now = options.now ?? Date.now;
  const ticketTtl = options.ticketTtlMs ?? STORE_TTL.ticketMs;
  const historyTtl = options.historyTtlMs ?? STORE_TTL.historyMs;
  const history = sqliteHistory(db, historyTtl);
  const wakeups = createWakeups({ onListen: () => watch.start() });
  const watch = createSqliteWatch(db, wakeups, options.watchMs);
  const rateTables: string[] = [];
  const batch = createWriteBatch(db);
  const limiterClient = cachedStatements(db, batch);

  const q = {
    record: db.prepare<
      [
        string,
        string,
        TicketStatus,
        string | null,
        number,
        number,
        string | null,
        number | null,
        number | null,
        number | null,
      ]
    >(
      `INSERT INTO tickets (id, owner, status, issue_key, updated_at, expires_at,
         summary, attachment_count, created_at, listed_until)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET owner = excluded.owner, status = excluded.status,
         issue_key = excluded.issue_key, updated_at = excluded.updated_at,
         expires_at = excluded.expires_at, summary = excluded.summary,
         attachment_count = excluded.attachment_count, created_at = excluded.created_at,
         listed_until = excluded.listed_until`,
    ),
    get: db.prepare<[string, number], TicketRow>(
      `SELECT id, owner, status, issue_key, updated_at FROM tickets
       WHERE id = ? AND expires_at > ?`,
    ),
    version: db
      .prepare<[string, number], number>(
        "SELECT updated_at FROM tickets WHERE id = ? AND expires_at > ?",
      )
      .pluck(),
    // One statement: only a PENDING ticket moves, and only to something different.
    apply: db.prepare<
      [{ status: TicketStatus; key: string | null; at: number; id: string }],
      { owner: string; listed: number }
    >(
      `UPDATE tickets SET status = @status, issue_key = @key, updated_at = MAX(@at, updated_at + 1)
       WHERE id = @id AND expires_at > @at AND status = 'PENDING'
         AND NOT (status = @status AND issue_key IS @key)
       RETURNING owner, listed_until IS NOT NULL AS listed`,
    ),
  };
  const sweepTables = ["tickets", "idempotency", "slots"] as const;
  let lastSweep = 0;
  function sweep(t: number, force = false): void {
    if (!force && t - lastSweep < SWEEP_EVERY_MS) return;
    lastSweep = t;
    history.forget(t);
    db.prepare("DELETE FROM list_versions WHERE expires_at <= ?").run(t);
    for (const table of sweepTables)
      db.prepare(`DELETE FROM ${table} WHERE expires_at <= ?`).run(t);
    for (const table of rateTables) db.prepare(`DELETE FROM ${table} WHERE expire <= ?`).run(t);
  }

  const getTicket = (ticketId: string): Promise<StoredTicket | null> =>
    guardStore(() => {
      const row = q.get.get(ticketId, now());
      if (!row) return null;
      return {
        ticketId: row.id,
        status: row.status,
        issueKey: row.issue_key,
        ownerCustomerId: row.owner,
        updatedAt: row.updated_at,
      };
    });

  const claims = sqliteClaimEngine(db, now);
  const owner = options.claimOwner;
  if (owner) claims.releaseRunning((claim) => claimOwnerGone(claim, owner));
  const beginIdempotent = createClaims({
    engine: claims,
    wakeups,
    getTicket,
    ttl: options,
    ...(owner ? { owner: { host: owner.host, pid: owner.pid } } : {}),
  });

  // The retention purge runs by itself, so a quiet proxy deletes expired lists too.
  const purge = setInterval(
    () => void batch.run(() => sweep(now(), true)).catch(() => undefined),
    options.purgeEveryMs ?? 10 * 60_000,
  );
  purge.unref();

  return {
    recordTicket: (ticket, owner, listing) =>
      guardStore(async () => {
        const keep = listing !== undefined && historyTtl > 0;
        await batch.run(() => {
          const t = now();
          sweep(t);
          const key = ticket.status === "CREATED" ? ticket.issueKey : null;
          const expires = t + (keep ? Math.max(ticketTtl, historyTtl) : ticketTtl);
          q.record.run(
            ticket.ticketId,
            owner,
            ticket.status,
            key,
            t,
            expires,
            keep ? listing.summary : null,
            keep ? listing.attachmentCount : null,
            keep ? t : null,
            keep ? t + historyTtl : null,
          );
          if (keep) history.bump(owner, t);
        });
        if (keep) wakeups.wake(`o:${owner}`);
      }),

    listTickets: (owner, { limit, after }) =>
      guardStore(() => history.page(owner, limit, after, now())),

    async removeTicket(owner, ticketId) {
      const removed = await guardStore(() =>
        batch.run(() => {
          const t = now();
          const done = history.remove(owner, ticketId, t);
          if (done) history.bump(owner, t);
          return done;
        }),
      );
      if (removed) {
        wakeups.wake(`o:${owner}`);
        wakeups.wake(`t:${ticketId}`);
      }
      return removed;
    },

    waitForListChange(owner, waitOptions) {
      const read = () => guardStore(() => history.version(owner));
      return waitUntilChanged(`o:${owner}`, { wakeups, read }, waitOptions);
    },

    getTicket,

    async applyStatus(ticketId, status, issueKey) {
      const key = status === "CREATED" ? issueKey : null;
      const changed = await guardStore(() => {
        const t = now();
        const row = q.apply.get({ status, key, at: t, id: ticketId });
        if (row?.listed) history.bump(row.owner, t);
        return row;
      });
      if (!changed) return false;
      wakeups.wake(`t:${ticketId}`);
      if (changed.listed) wakeups.wake(`o:${changed.owner}`);
      return true;
    },

    waitForChange(ticketId, waitOptions) {
      const read = () => guardStore(() => q.version.get(ticketId, now()) ?? null);
      return waitUntilChanged(`t:${ticketId}`, { wakeups, read }, waitOptions);
    },

    beginIdempotent,

    requestLimiter({ name, limit, windowMs }): RequestLimiter {
      const tableName = `rate_${name}`;
      rateTables.push(tableName);
      let limiter: RateLimiterSQLite | undefined;
      // rate-limiter-flexible creates its table asynchronously and reports through the callback.
      const ready = new Promise<RequestLimiter>((resolve, reject) => {
        limiter = new RateLimiterSQLite(
          {
            storeClient: limiterClient,
            storeType: "better-sqlite3",
            tableName,
            points: limit,
            duration: windowMs / 1000,
          },
          (error) => (error ? reject(error) : resolve(flexibleRequestLimiter(limiterOf()))),
        );
      });
      const limiterOf = (): RateLimiterSQLite => {
        if (!limiter) throw new Error("the SQLite rate limiter is not built yet");
        return limiter;
      };
      ready.catch(() => undefined); // reported by take()
      return { take: async (key) => (await guardStore(() => ready)).take(key) };
    },

    slotLimiter: (limits) =>
      sqliteSlotLimiter(db, batch, {
        holdMs: Math.min(limits.windowMs, STORE_TTL.holdMs),
        ...limits,
        now,
      }),

    ping: () => guardStore(() => void db.prepare("SELECT 1").get()),

    async close() {
      clearInterval(purge);
      watch.stop();
      wakeups.wakeAll();
      batch.flush();
      if (db.open) db.close();
    },
  };
}
