import { createMemoryTicketStore } from "../../../server/store/createMemoryTicketStore.ts";
import { describeHistoryConformance } from "./historyConformance.ts";
import { describeStoreConformance } from "./storeConformance.ts";

for (const describeSuite of [describeStoreConformance, describeHistoryConformance]) {
  describeSuite(
    "memory",
    async () => ({ open: async (ttl) => createMemoryTicketStore(ttl), dispose: async () => {} }),
    { shared: false },
  );
}
