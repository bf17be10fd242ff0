import { afterEach, beforeEach } from "vitest";
import type { StoreTtlOptions } from "../../../server/store/storeDefaults.ts";
import type { TicketStore } from "../../../server/tickets/ticketStore.ts";

/** One engine's data for a test: instances opened on it see the same tickets. */
export interface StoreBacking {
  /** Opens another instance on the same data; closed after the test. */
  open(ttl?: StoreTtlOptions): Promise<TicketStore>;
  /** Removes the data. */
  dispose(): Promise<void>;
}

/**
 * Fresh data from `backing()` before each test of the calling describe, every instance opened
 * on it closed and the data removed after it. Returns the function that opens an instance.
 */
export function storesPerTest(
  backing: () => Promise<StoreBacking>,
): (ttl?: StoreTtlOptions) => Promise<TicketStore> {
  let data: StoreBacking | null = null;
  const opened: TicketStore[] = [];
  beforeEach(async () => {
    data = await backing();
  });
  afterEach(async () => {
    for (const store of opened.splice(0)) await store.close();
    await data?.dispose();
    data = null;
  });
  return async (ttl) => {
    if (!data) throw new Error("Stores open only inside a test.");
    const store = await data.open(ttl);
    opened.push(store);
    return store;
  };
}
