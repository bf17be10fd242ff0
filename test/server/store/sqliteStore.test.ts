import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openSqliteTicketStore } from "../../../server/store/sqlite/openSqliteTicketStore.ts";
import { describeHistoryConformance } from "./historyConformance.ts";
import { describeStoreConformance } from "./storeConformance.ts";

describe("SQLite claims of a process that died", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "store-sqlite-owner-"));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  /** A store opened as process `pid` of host `h`, where only `alive` pids run. */
  const openAs = (pid: number, alive: readonly number[]) =>
    openSqliteTicketStore({
      path: join(dir, "help-proxy.sqlite"),
      claimOwner: { host: "h", pid, isAlive: (p) => alive.includes(p) },
    });

  it("when a process of this host died holding a key, then the next one to open the file releases it at once", async () => {
    const crashed = openAs(111, [111]);
    expect((await crashed.beginIdempotent("cus_alice", "k")).kind).toBe("first");
    await crashed.close(); // never settled: what a kill -9 leaves in the file
    const restarted = openAs(222, [222]);
    expect((await restarted.beginIdempotent("cus_alice", "k")).kind).toBe("first");
    await restarted.close();
  });

  it("when the process holding a key still runs, or is on another host, then its claim is kept", async () => {
    const live = openAs(111, [111, 222]);
    expect((await live.beginIdempotent("cus_alice", "k")).kind).toBe("first");
    const other = openAs(222, [111, 222]);
    expect((await other.beginIdempotent("cus_alice", "k")).kind).toBe("running");
    const elsewhere = openSqliteTicketStore({
      path: join(dir, "help-proxy.sqlite"),
      claimOwner: { host: "other-host", pid: 333, isAlive: () => false },
    });
    expect((await elsewhere.beginIdempotent("cus_alice", "k")).kind).toBe("running");
    await Promise.all([live.close(), other.close(), elsewhere.close()]);
  });
});
for (const describeSuite of [describeStoreConformance, describeHistoryConformance]) {
  describeSuite(
    "SQLite",
    async () => {
      const dir = await mkdtemp(join(tmpdir(), "store-sqlite-"));
      const path = join(dir, "nested", "help-proxy.sqlite");
      return {
        open: async (ttl) => openSqliteTicketStore({ ...ttl, path }),
        dispose: () => rm(dir, { recursive: true, force: true }),
      };
    },
    { shared: true },
  );
}
