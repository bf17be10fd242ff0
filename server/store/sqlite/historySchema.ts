import type Database from "better-sqlite3";

/** The columns a customer's list adds to `tickets`, for files made before it existed. */
const HISTORY_COLUMNS = [
  ["summary", "TEXT"],
  ["attachment_count", "INTEGER"],
  ["created_at", "INTEGER"],
  /** ms; NULL = not in the owner's list (history off, or a ticket from before it). */
  ["listed_until", "INTEGER"],
] as const;

/**
 * Adds the list's columns, its index and the per-owner list versions to a file of any earlier
 * schema (idempotent: run at every open). `user_version` 2 says a file has them.
 */
export function addHistorySchema(db: Database.Database): void {
  const have = new Set(
    db
      .prepare<[], { name: string }>("SELECT name FROM pragma_table_info('tickets')")
      .all()
      .map((column) => column.name),
  );
  for (const [name, type] of HISTORY_COLUMNS) {
    if (!have.has(name)) db.exec(`ALTER TABLE tickets ADD COLUMN ${name} ${type}`);
  }
  db.exec(`
    CREATE INDEX IF NOT EXISTS tickets_history ON tickets (owner, created_at DESC, id DESC)
      WHERE listed_until IS NOT NULL;
    CREATE TABLE IF NOT EXISTS list_versions (
      owner TEXT PRIMARY KEY,
      version INTEGER NOT NULL,
      expires_at INTEGER NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX IF NOT EXISTS list_versions_expiry ON list_versions (expires_at);
    PRAGMA user_version = 2;
  `);
}
