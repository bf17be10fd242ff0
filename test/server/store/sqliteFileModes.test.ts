import { chmod, mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openSqliteTicketStore } from "../../../server/store/sqlite/openSqliteTicketStore.ts";

// Issue 20, item 9: the store holds customer ids and tickets; other users must not read it.
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "sqlite-modes-"));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const modeOf = async (path: string): Promise<number> => (await stat(path)).mode & 0o777;
const filesOf = (path: string) => [path, `${path}-wal`, `${path}-shm`];

describe("the SQLite store's files", () => {
  it("when the store creates its file, then it and its -wal and -shm are 0600 whatever the umask", async () => {
    const path = join(dir, "data", "help-proxy.sqlite");
    const previous = process.umask(0o022);
    try {
      const store = openSqliteTicketStore({ path });
      await store.recordTicket({ ticketId: "t1", status: "PENDING", issueKey: null }, "cus_a");
      for (const file of filesOf(path)) expect(await modeOf(file), file).toBe(0o600);
      await store.close();
    } finally {
      process.umask(previous);
    }
  });

  it("when an older file of ours is readable by others, then opening it tightens it to 0600", async () => {
    const path = join(dir, "help-proxy.sqlite");
    const first = openSqliteTicketStore({ path });
    await first.recordTicket({ ticketId: "t1", status: "PENDING", issueKey: null }, "cus_a");
    for (const file of filesOf(path)) await chmod(file, 0o644);
    const second = openSqliteTicketStore({ path });
    for (const file of filesOf(path)) expect(await modeOf(file), file).toBe(0o600);
    expect(await second.getTicket("t1")).toMatchObject({ ownerCustomerId: "cus_a" });
    await second.close();
    await first.close();
  });
});
