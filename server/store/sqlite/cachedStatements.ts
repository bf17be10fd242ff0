import type Database from "better-sqlite3";
import type { WriteBatch } from "./createWriteBatch.ts";

/** The part of a better-sqlite3 Database that rate-limiter-flexible's SQLite limiter uses. */
export interface PreparingClient {
  prepare(sql: string): Database.Statement;
  /** Like better-sqlite3's, except that the returned function answers a promise. */
  transaction<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => Promise<R>;
}

/**
 * `db` as rate-limiter-flexible sees it: each statement compiled once, and each of its
 * transactions run in the store's group commit. The library prepares its SQL again on every
 * call (measured: a third of the SQLite store's CPU per ticket); its SQL is fixed per table,
 * so a statement per distinct text serves every call. It awaits what its transaction returns.
 */
export function cachedStatements(db: Database.Database, batch: WriteBatch): PreparingClient {
  const statements = new Map<string, Database.Statement>();
  return {
    prepare(sql) {
      let statement = statements.get(sql);
      if (statement === undefined) {
        statement = db.prepare(sql);
        statements.set(sql, statement);
      }
      return statement;
    },
    transaction: (fn) => {
      const step = db.transaction(fn);
      return (...args) => batch.run(() => step(...args));
    },
  };
}
