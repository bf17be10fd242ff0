import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createWriteBatch } from "../../../server/store/sqlite/createWriteBatch.ts";

let dir: string;
let db: Database.Database;
let other: Database.Database;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "write-batch-"));
  db = new Database(join(dir, "batch.sqlite"));
  db.pragma("journal_mode = WAL");
  db.exec("CREATE TABLE t (id TEXT PRIMARY KEY)");
  other = new Database(join(dir, "batch.sqlite"));
});
afterEach(async () => {
  other.close();
  if (db.open) db.close();
  await rm(dir, { recursive: true, force: true });
});

/** Commits by any other connection, as SQLite counts them for `other`. */
const commitsSeenByOther = (): number => other.pragma("data_version", { simple: true }) as number;
const insert = (id: string) => () => void db.prepare("INSERT INTO t (id) VALUES (?)").run(id);

describe("createWriteBatch (SQLite group commit)", () => {
  it("when writes are asked for in one turn, then they commit together, in order", async () => {
    const batch = createWriteBatch(db);
    const before = commitsSeenByOther();
    const seen = await Promise.all(
      ["a", "b", "c"].map((id) =>
        batch.run(() => {
          insert(id)();
          return db.prepare("SELECT COUNT(*) AS n FROM t").get();
        }),
      ),
    );
    expect(seen).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    expect(commitsSeenByOther() - before).toBe(1);
  });

  it("when one write throws, then it fails alone and the others are committed", async () => {
    const batch = createWriteBatch(db);
    const results = await Promise.allSettled([
      batch.run(insert("a")),
      batch.run(insert("a")), // the primary key refuses a second "a"
      batch.run(insert("b")),
    ]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(other.prepare("SELECT id FROM t ORDER BY id").pluck().all()).toEqual(["a", "b"]);
  });

  it("when the commit cannot be made, then every write of the batch fails", async () => {
    const batch = createWriteBatch(db);
    other.exec("BEGIN IMMEDIATE"); // another process holds the write lock
    db.pragma("busy_timeout = 50");
    const results = await Promise.allSettled([batch.run(insert("a")), batch.run(insert("b"))]);
    other.exec("ROLLBACK");
    expect(results.map((r) => r.status)).toEqual(["rejected", "rejected"]);
    expect(other.prepare("SELECT COUNT(*) FROM t").pluck().get()).toBe(0);
  });

  it("when the store closes with writes queued, then they are committed first", async () => {
    const batch = createWriteBatch(db);
    const pending = batch.run(insert("late"));
    batch.flush();
    db.close();
    await expect(pending).resolves.toBeUndefined();
    expect(other.prepare("SELECT id FROM t").pluck().all()).toEqual(["late"]);
  });
});
