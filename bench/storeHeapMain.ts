// Child entry of bench/measureStoreHeap.ts, run with --expose-gc: the heap the memory store
// keeps per ticket, as a submit leaves it (its key claimed and completed, a slot of the ticket
// limit taken, the record with its list row, its long poll woken by the status applied), after
// a full collection.
// Prints one JSON line: {"bytesPerTicket": N, "tickets": N}.
import { randomUUID } from "node:crypto";
import { createMemoryTicketStore } from "../server/store/createMemoryTicketStore.ts";

const WARM_UP = 1_000;
const TICKETS = 20_000;
const CUSTOMER = "cus_demo_alice";

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("Run with node --expose-gc.");
const collect = (): void => {
  gc();
  gc();
};

const store = createMemoryTicketStore();
const slots = store.slotLimiter({ name: "tickets", limit: 1_000_000, windowMs: 3_600_000 });

async function submit(i: number): Promise<void> {
  const ticket = { ticketId: randomUUID(), status: "PENDING", issueKey: null } as const;
  const claim = await store.beginIdempotent(CUSTOMER, randomUUID());
  const slot = await slots.reserve(CUSTOMER);
  if (!slot.ok) throw new Error("the bench's ticket limit was reached");
  await store.recordTicket(ticket, CUSTOMER, { summary: `Soak ticket ${i}`, attachmentCount: 1 });
  if (claim.kind === "first") await claim.complete(ticket);
  await slot.commit();
  // The status's long poll, woken by the webhook's change.
  const polled = store.waitForChange(ticket.ticketId, { timeoutMs: 20_000 });
  await store.applyStatus(ticket.ticketId, "CREATED", `SUP-${1000 + i}`);
  if (!(await polled)) throw new Error("the bench's long poll missed the change");
}

for (let i = 0; i < WARM_UP; i += 1) await submit(i);
collect();
const before = process.memoryUsage().heapUsed;
for (let i = 0; i < TICKETS; i += 1) await submit(WARM_UP + i);
collect();
const after = process.memoryUsage().heapUsed;
console.log(JSON.stringify({ bytesPerTicket: (after - before) / TICKETS, tickets: TICKETS }));
await store.close();
