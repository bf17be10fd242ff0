import { describe, expect, it } from "vitest";
import { createMemoryTicketStore } from "../../../server/store/createMemoryTicketStore.ts";
import { fakeClock } from "../support/fakeClock.ts";

// What only the memory store can do: run on a clock the test moves (the conformance suite,
// run against it too, covers the contract in real time).
describe("createMemoryTicketStore on a fake clock", () => {
  const ticket = { ticketId: "t1", status: "PENDING" as const, issueKey: null };

  it("when entries outlive their time to live, then they are gone", async () => {
    const clock = fakeClock();
    const store = createMemoryTicketStore({
      now: clock.now,
      ticketTtlMs: 1_000,
      idempotencyTtlMs: 2_000,
    });
    await store.recordTicket(ticket, "alice");
    const claim = await store.beginIdempotent("alice", "k");
    if (claim.kind !== "first") throw new Error("expected the first claim");
    await claim.complete(ticket);
    expect((await store.beginIdempotent("alice", "k")).kind).toBe("existing");
    clock.advance(1_500);
    expect(await store.getTicket("t1")).toBeNull();
    clock.advance(1_000);
    expect((await store.beginIdempotent("alice", "k")).kind).toBe("first");
  });

  it("when a claim lapses while its process stalls and a duplicate takes the key, then held() says the key is lost", async () => {
    const clock = fakeClock();
    const store = createMemoryTicketStore({ now: clock.now, runningTtlMs: 8_000 });
    const stalled = await store.beginIdempotent("alice", "k");
    if (stalled.kind !== "first") throw new Error("expected the first claim");
    expect(await stalled.held()).toBe(true);
    clock.advance(5_000); // past half a lapse: held() asks the store, which renews it
    expect(await stalled.held()).toBe(true);
    expect((await store.beginIdempotent("alice", "k")).kind).toBe("running");
    clock.advance(8_001); // no heartbeat ran on this clock: the claim lapsed
    expect((await store.beginIdempotent("alice", "k")).kind).toBe("first");
    expect(await stalled.held()).toBe(false);
  });

  it("when a committed slot is an hour old, then it counts no more, and refusals say how long to wait", async () => {
    const clock = fakeClock();
    const store = createMemoryTicketStore({ now: clock.now });
    const slots = store.slotLimiter({ name: "tickets", limit: 2, windowMs: 3_600_000 });
    for (let i = 0; i < 2; i += 1) {
      const slot = await slots.reserve("alice");
      if (!slot.ok) throw new Error("expected a slot");
      await slot.commit();
      clock.advance(60_000);
    }
    expect(await slots.reserve("alice")).toEqual({ ok: false, retryAfterSeconds: 3_480 });
    clock.advance(3_480_000);
    expect((await slots.reserve("alice")).ok).toBe(true);
  });
});
