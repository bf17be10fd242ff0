import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, expect, it } from "vitest";
import { openSqliteTicketStore } from "../../../server/store/sqlite/openSqliteTicketStore.ts";

let dir = "";
afterEach(() => rm(dir, { recursive: true, force: true }));

it("when a list's retention passes and nothing is written, then the purge deletes its rows by itself", async () => {
  dir = await mkdtemp(join(tmpdir(), "store-purge-"));
  const path = join(dir, "store.sqlite");
  const ttl = { historyTtlMs: 200, ticketTtlMs: 200 };
  const store = openSqliteTicketStore({ path, ...ttl, purgeEveryMs: 100 });
  try {
    const ticket = { ticketId: "p1", status: "PENDING", issueKey: null } as const;
    await store.recordTicket(ticket, "cus_alice", { summary: "Old", attachmentCount: 0 });
    const raw = new Database(path, { readonly: true });
    try {
      const rows = () => raw.prepare("SELECT COUNT(*) FROM tickets").pluck().get();
      expect(rows()).toBe(1);
      await expect.poll(rows, { timeout: 5_000 }).toBe(0);
    } finally {
      raw.close();
    }
  } finally {
    await store.close();
  }
});
