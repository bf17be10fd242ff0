import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { StoreOpenError } from "../StoreOpenError.ts";
import { addHistorySchema } from "./historySchema.ts";

/** The schema; `user_version` says which one a file has. Expiry is by `expires_at` (ms). */
const SCHEMA = `
  CREATE TABLE IF NOT EXISTS tickets (
    id TEXT PRIMARY KEY,
    owner TEXT NOT NULL,
    status TEXT NOT NULL,
    issue_key TEXT,
    updated_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX IF NOT EXISTS tickets_expiry ON tickets (expires_at);
  CREATE TABLE IF NOT EXISTS idempotency (
    id TEXT PRIMARY KEY,
    entry TEXT NOT NULL,
    expires_at INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX IF NOT EXISTS idempotency_expiry ON idempotency (expires_at);
  CREATE TABLE IF NOT EXISTS slots (
    bucket TEXT NOT NULL,
    id TEXT NOT NULL,
    expires_at INTEGER NOT NULL,
    PRIMARY KEY (bucket, id)
  ) WITHOUT ROWID;
  CREATE INDEX IF NOT EXISTS slots_expiry ON slots (bucket, expires_at);
  CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
  PRAGMA user_version = 1;
`;

/**
 * Makes the store's files readable by their owner only: customer ids and tickets are in them.
 * A new database file is created 0600 before SQLite opens it, and SQLite gives the -wal and
 * -shm files it creates the database file's mode; files left looser by an older version are
 * tightened when they are ours (a file another user shares with us on purpose is left alone).
 */
function restrictToOwner(path: string): void {
  closeSync(openSync(path, "a", 0o600));
  const uid = process.getuid?.();
  for (const file of [path, `${path}-wal`, `${path}-shm`]) {
    if (!existsSync(file)) continue;
    const facts = statSync(file);
    if ((facts.mode & 0o077) !== 0 && (uid === undefined || facts.uid === uid)) {
      chmodSync(file, 0o600);
    }
  }
}

/**
 * Opens (creating it and its folder if needed) the SQLite file at `path` in WAL mode, with the
 * schema, and proves it writable by writing to it. Any failure is a StoreOpenError naming the
 * path, so a bad STORE_URL stops the proxy at start rather than failing every request later.
 */
export function openSqliteDatabase(path: string): Database.Database {
  let db: Database.Database | undefined;
  try {
    mkdirSync(dirname(path), { recursive: true });
    restrictToOwner(path);
    db = new Database(path, { timeout: 2_000 });
    // WAL: readers never block the writer, and another process on the same file sees commits.
    db.pragma("journal_mode = WAL");
    // With WAL, NORMAL loses nothing on a process crash (only on power loss), and is fast.
    db.pragma("synchronous = NORMAL");
    db.exec(SCHEMA);
    addHistorySchema(db);
    db.prepare(
      `INSERT INTO meta (key, value) VALUES ('opened_at', ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    ).run(new Date().toISOString());
    return db;
  } catch (error) {
    db?.close();
    const reason = error instanceof Error ? error.message : String(error);
    throw new StoreOpenError(path, reason, { cause: error });
  }
}
