import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openSqliteTicketStore } from "../../../server/store/sqlite/openSqliteTicketStore.ts";
import { describeHistoryConformance } from "./historyConformance.ts";
import { describeStoreConformance } from "./storeConformance.ts";

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
