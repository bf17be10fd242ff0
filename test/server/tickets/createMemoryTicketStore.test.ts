import { describe, expect, it } from "vitest";
import { createMemoryTicketStore } from "../../../server/tickets/createMemoryTicketStore.ts";
import { fakeClock } from "../support/fakeClock.ts";

describe("createMemoryTicketStore", () => {
  const ticket = { ticketId: "t1", status: "PENDING" as const, issueKey: null };

  it("when a terminal status is set, then no later status changes it", async () => {
    const store = createMemoryTicketStore();
    await store.recordTicket(ticket, "alice");
    expect(await store.applyStatus("t1", "CREATED", "SUP-1")).toBe(true);
    expect(await store.applyStatus("t1", "CREATED", "SUP-1")).toBe(false);
    expect(await store.applyStatus("t1", "FAILED", null)).toBe(false);
    expect(await store.getTicket("t1")).toMatchObject({
      status: "CREATED",
      issueKey: "SUP-1",
      ownerCustomerId: "alice",
    });
  });

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

  it("when a claim is running, then a duplicate waits for its outcome; a failure releases the key", async () => {
    const store = createMemoryTicketStore();
    const first = await store.beginIdempotent("alice", "k");
    const second = await store.beginIdempotent("alice", "k");
    if (first.kind !== "first" || second.kind !== "running") throw new Error("unexpected claims");
    const waited = second.wait();
    await first.fail({ code: "UPSTREAM_UNAVAILABLE", message: "down" });
    expect(await waited).toEqual({
      ok: false,
      error: { code: "UPSTREAM_UNAVAILABLE", message: "down" },
    });
    expect((await store.beginIdempotent("alice", "k")).kind).toBe("first");
  });

  it("when a status changes, then waitForChange resolves true; when nothing happens, false after the timeout", async () => {
    const store = createMemoryTicketStore();
    await store.recordTicket(ticket, "alice");
    const waiting = store.waitForChange("t1", { timeoutMs: 5_000 });
    await store.applyStatus("t1", "FAILED", null);
    expect(await waiting).toBe(true);
    expect(await store.waitForChange("t1", { timeoutMs: 10 })).toBe(false);
  });
});
