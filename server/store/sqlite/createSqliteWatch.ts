import type Database from "better-sqlite3";
import type { Wakeups } from "../createWakeups.ts";

/** How often another process's commits are looked for while someone waits (a cheap pragma). */
const WATCH_EVERY_MS = 200;

/** Wakes this process's waiters when another connection commits to the file. */
export interface SqliteWatch {
  /** Starts watching unless it already does (called as each waiter starts listening). */
  start(): void;
  stop(): void;
}

/**
 * SQLite has no notifications, so while anyone in this process waits (a long poll, a
 * duplicate request), `PRAGMA data_version` is read every 200 ms: it changes when another
 * connection commits, and then every waiter reads its record again. No timer runs while
 * nobody waits, and the one that runs does not keep the process alive.
 */
export function createSqliteWatch(
  db: Database.Database,
  wakeups: Wakeups,
  everyMs = WATCH_EVERY_MS,
): SqliteWatch {
  let version: unknown = null;
  let timer: NodeJS.Timeout | null = null;
  const stop = (): void => {
    if (timer) clearInterval(timer);
    timer = null;
  };

  const tick = (): void => {
    if (wakeups.size === 0 || !db.open) return stop();
    try {
      const now = db.pragma("data_version", { simple: true });
      if (now === version) return;
      version = now;
    } catch {
      // Locked or gone: the waiters' own reads will say so.
    }
    wakeups.wakeAll();
  };

  return {
    start() {
      if (timer !== null || !db.open) return;
      try {
        version = db.pragma("data_version", { simple: true });
      } catch {
        version = null;
      }
      timer = setInterval(tick, everyMs);
      timer.unref();
    },
    stop,
  };
}
