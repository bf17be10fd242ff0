// The store calls one small send makes, as the route makes them: the per-IP count, the slot
// reservation, then the record and the commit together. Shared by the store-ops and history
// benches, so "with the listing" and "without" are the same calls but for it.
import { randomUUID } from "node:crypto";
import type { TicketListing } from "../server/tickets/ticketHistory.ts";
import type { TicketStore } from "../server/tickets/ticketStore.ts";

/** A function that runs send `i`'s store calls (for one of 50 customers) on `store`. */
export function storeSend(
  store: TicketStore,
  listing?: TicketListing,
): (i: number) => Promise<void> {
  const ip = store.requestLimiter({ name: "ip", limit: 1_000_000_000, windowMs: 60_000 });
  const slots = store.slotLimiter({ name: "tickets", limit: 1_000_000_000, windowMs: 3_600_000 });
  return async (i) => {
    const customerId = `cus_${i % 50}`;
    await ip.take("127.0.0.1");
    const slot = await slots.reserve(customerId);
    if (!slot.ok) throw new Error("the bench's slot was refused");
    const ticket = { ticketId: randomUUID(), status: "PENDING", issueKey: null } as const;
    await Promise.all([store.recordTicket(ticket, customerId, listing), slot.commit()]);
  };
}
