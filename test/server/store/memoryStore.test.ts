import { createMemoryTicketStore } from "../../../server/store/createMemoryTicketStore.ts";
import { describeStoreConformance } from "./storeConformance.ts";

describeStoreConformance(
  "memory",
  async () => ({ open: async (ttl) => createMemoryTicketStore(ttl), dispose: async () => {} }),
  { shared: false },
);
