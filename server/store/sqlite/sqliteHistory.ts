import type Database from "better-sqlite3";
import type { TicketStatus } from "../../../contract/index.ts";
import type { HistoryPage, HistoryPosition } from "../../tickets/ticketHistory.ts";

interface HistoryRowData {
  id: string;
  status: TicketStatus;
  issue_key: string | null;
  summary: string;
  attachment_count: number;
  created_at: number;
}

/** The SQLite side of customers' lists: pages, versions, removal and the retention purge. */
export interface SqliteHistory {
  page(owner: string, limit: number, after: HistoryPosition | undefined, t: number): HistoryPage;
  /** The owner's list changed: its version grows (kept as long as a listed ticket may be). */
  bump(owner: string, t: number): void;
  version(owner: string): number;
  /** Deletes the owner's listed ticket; false when it is not theirs, not listed or unknown. */
  remove(owner: string, ticketId: string, t: number): boolean;
  /** Drops the summary of rows whose listing ended before `t` (their status may stay longer). */
  forget(t: number): void;
}

/** Prepares the list's statements on `db` (whose schema `addHistorySchema` extended). */
export function sqliteHistory(db: Database.Database, historyTtlMs: number): SqliteHistory {
  const q = {
    // Row-value comparison walks the (owner, created_at DESC, id DESC) index from the cursor on.
    page: db.prepare<
      [{ owner: string; at: number; id: string; t: number; limit: number }],
      HistoryRowData
    >(
      `SELECT id, status, issue_key, summary, attachment_count, created_at FROM tickets
       WHERE owner = @owner AND listed_until IS NOT NULL AND listed_until > @t
         AND expires_at > @t AND (created_at, id) < (@at, @id)
       ORDER BY created_at DESC, id DESC LIMIT @limit`,
    ),
    version: db
      .prepare<[string], number>("SELECT version FROM list_versions WHERE owner = ?")
      .pluck(),
    // MAX with the clock: a version never goes back, even after its row was swept.
    bump: db.prepare<[{ owner: string; t: number; until: number }]>(
      `INSERT INTO list_versions (owner, version, expires_at) VALUES (@owner, @t, @until)
       ON CONFLICT (owner) DO UPDATE SET version = MAX(version + 1, excluded.version),
         expires_at = MAX(expires_at, excluded.expires_at)`,
    ),
    remove: db.prepare<[string, string, number, number]>(
      `DELETE FROM tickets WHERE id = ? AND owner = ? AND listed_until > ? AND expires_at > ?`,
    ),
    forget: db.prepare<[number]>(
      "UPDATE tickets SET summary = NULL, listed_until = NULL WHERE listed_until <= ?",
    ),
  };
  const version = (owner: string): number => q.version.get(owner) ?? 0;

  return {
    page(owner, limit, after, t) {
      const current = version(owner);
      const rows = q.page.all({
        owner,
        at: after?.createdAt ?? Number.MAX_SAFE_INTEGER,
        id: after?.ticketId ?? "",
        t,
        limit: limit + 1,
      });
      const tickets = rows.slice(0, limit).map((row) => ({
        ticketId: row.id,
        status: row.status,
        issueKey: row.issue_key,
        summary: row.summary,
        attachmentCount: row.attachment_count,
        createdAt: row.created_at,
      }));
      const last = tickets.at(-1);
      const next =
        rows.length > limit && last ? { createdAt: last.createdAt, ticketId: last.ticketId } : null;
      return { tickets, next, version: current };
    },
    bump: (owner, t) => void q.bump.run({ owner, t, until: t + historyTtlMs }),
    version,
    remove: (owner, ticketId, t) => q.remove.run(ticketId, owner, t, t).changes > 0,
    forget: (t) => void q.forget.run(t),
  };
}
