// The TicketStore contract, run unchanged against every engine (one *.test.ts per engine).
// Over 200 lines on purpose: one suite is the point; its parts are the describe blocks below.
import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import type { Ticket } from "../../../contract/index.ts";
import type { IdempotencyClaim, SlotReservation } from "../../../server/tickets/ticketStore.ts";
import { fakeClock } from "../support/fakeClock.ts";
import { storesPerTest, type StoreBacking } from "./storesPerTest.ts";

/** Fresh backing data (a new file, a new key prefix) on which store instances can be opened. */

const pending = (ticketId: string): Ticket => ({ ticketId, status: "PENDING", issueKey: null });

function granted(reservation: SlotReservation): Extract<SlotReservation, { ok: true }> {
  if (!reservation.ok) throw new Error("expected a slot, got a refusal");
  return reservation;
}

function first(claim: IdempotencyClaim): Extract<IdempotencyClaim, { kind: "first" }> {
  if (claim.kind !== "first") throw new Error(`expected the first claim, got ${claim.kind}`);
  return claim;
}
function running(claim: IdempotencyClaim): Extract<IdempotencyClaim, { kind: "running" }> {
  if (claim.kind !== "running") throw new Error(`expected a running claim, got ${claim.kind}`);
  return claim;
}

/**
 * Declares the conformance suite for one engine; `backing()` is called before each test.
 * `shared`: two instances see each other's writes (SQLite file, Redis), so the cross-instance
 * tests are declared too.
 */
export function describeStoreConformance(
  name: string,
  backing: () => Promise<StoreBacking>,
  { shared }: { shared: boolean },
) {
  describe(`TicketStore conformance: ${name}`, () => {
    const open = storesPerTest(backing);

    describe("tickets", () => {
      it("when a ticket is recorded, then it is read back with its owner; an unknown id is null", async () => {
        const store = await open();
        await store.recordTicket(pending("t1"), "cus_alice");
        expect(await store.getTicket("t1")).toMatchObject({
          ticketId: "t1",
          status: "PENDING",
          issueKey: null,
          ownerCustomerId: "cus_alice",
        });
        expect(await store.getTicket("nope")).toBeNull();
        await store.ping();
      });

      it("when a terminal status is set, then no later status changes it and unknown tickets change nothing", async () => {
        const store = await open();
        await store.recordTicket(pending("t1"), "cus_alice");
        const before = (await store.getTicket("t1"))?.updatedAt ?? 0;
        expect(await store.applyStatus("t1", "PENDING", null)).toBe(false);
        expect(await store.applyStatus("t1", "CREATED", "SUP-1")).toBe(true);
        expect(await store.applyStatus("t1", "CREATED", "SUP-1")).toBe(false);
        expect(await store.applyStatus("t1", "FAILED", null)).toBe(false);
        expect(await store.applyStatus("t1", "CREATED", "SUP-2")).toBe(false);
        expect(await store.applyStatus("unknown", "CREATED", "SUP-3")).toBe(false);
        const after = await store.getTicket("t1");
        expect(after).toMatchObject({ status: "CREATED", issueKey: "SUP-1" });
        expect(after?.updatedAt).toBeGreaterThan(before);
      });

      it("when a FAILED status comes with an issue key, then the key is not kept", async () => {
        const store = await open();
        await store.recordTicket(pending("t1"), "cus_alice");
        expect(await store.applyStatus("t1", "FAILED", "SUP-9")).toBe(true);
        expect(await store.getTicket("t1")).toMatchObject({ status: "FAILED", issueKey: null });
      });
    });

    describe("waits", () => {
      it("when a status changes, then a waiter wakes with true; with no change, false after the timeout", async () => {
        const store = await open();
        await store.recordTicket(pending("t1"), "cus_alice");
        const waiting = store.waitForChange("t1", { timeoutMs: 20_000 });
        await sleep(50);
        await store.applyStatus("t1", "CREATED", "SUP-1");
        expect(await waiting).toBe(true);
        expect(await store.waitForChange("t1", { timeoutMs: 50 })).toBe(false);
      });

      it("when it changed after the caller's read (since), then the wait answers true at once", async () => {
        const store = await open();
        await store.recordTicket(pending("t1"), "cus_alice");
        const read = await store.getTicket("t1");
        await store.applyStatus("t1", "FAILED", null);
        const since = read?.updatedAt ?? 0;
        expect(await store.waitForChange("t1", { timeoutMs: 20_000, since })).toBe(true);
      });

      it("when the wait is aborted, then it answers false", async () => {
        const store = await open();
        await store.recordTicket(pending("t1"), "cus_alice");
        const controller = new AbortController();
        const waiting = store.waitForChange("t1", { timeoutMs: 20_000, signal: controller.signal });
        controller.abort();
        expect(await waiting).toBe(false);
      });
    });

    describe("idempotency", () => {
      it("when five claims race for one key, then exactly one is first and the others get its ticket", async () => {
        const store = await open();
        const claims = await Promise.all(
          Array.from({ length: 5 }, () => store.beginIdempotent("cus_alice", "k1")),
        );
        expect(claims.filter((c) => c.kind === "first")).toHaveLength(1);
        const waits = claims.filter((c) => c.kind === "running").map((c) => running(c).wait());
        expect(waits).toHaveLength(4);
        const owner = first(claims.find((c) => c.kind === "first")!);
        await store.recordTicket(pending("t1"), "cus_alice");
        await owner.complete(pending("t1"));
        for (const outcome of await Promise.all(waits)) {
          expect(outcome).toEqual({ ok: true, ticket: pending("t1") });
        }
        await store.applyStatus("t1", "CREATED", "SUP-7");
        expect(await store.beginIdempotent("cus_alice", "k1")).toEqual({
          kind: "existing",
          ticket: { ticketId: "t1", status: "CREATED", issueKey: "SUP-7" },
        });
      });

      it("when the first attempt fails, then waiters get its error and the key is free again", async () => {
        const store = await open();
        const owner = first(await store.beginIdempotent("cus_alice", "k1"));
        const waiting = running(await store.beginIdempotent("cus_alice", "k1")).wait();
        await owner.fail({ code: "UPSTREAM_UNAVAILABLE", message: "down", retryAfterSeconds: 5 });
        expect(await waiting).toEqual({
          ok: false,
          error: { code: "UPSTREAM_UNAVAILABLE", message: "down", retryAfterSeconds: 5 },
        });
        first(await store.beginIdempotent("cus_alice", "k1"));
      });

      it("when the first attempt is abandoned, then waiters are told so (error null)", async () => {
        const store = await open();
        const owner = first(await store.beginIdempotent("cus_alice", "k1"));
        const waiting = running(await store.beginIdempotent("cus_alice", "k1")).wait();
        await owner.fail(null);
        expect(await waiting).toEqual({ ok: false, error: null });
      });

      it("when another customer uses the same key, then it is a separate claim", async () => {
        const store = await open();
        first(await store.beginIdempotent("cus_alice", "shared"));
        first(await store.beginIdempotent("cus_bob", "shared"));
      });
    });

    describe("expiry", () => {
      it("when records outlive their times to live, then they are gone", async () => {
        const store = await open({ ticketTtlMs: 300, idempotencyTtlMs: 300 });
        await store.recordTicket(pending("t1"), "cus_alice");
        const owner = first(await store.beginIdempotent("cus_alice", "k1"));
        await owner.complete(pending("t1"));
        expect((await store.beginIdempotent("cus_alice", "k1")).kind).toBe("existing");
        await sleep(700);
        expect(await store.getTicket("t1")).toBeNull();
        expect(await store.applyStatus("t1", "CREATED", "SUP-1")).toBe(false);
        first(await store.beginIdempotent("cus_alice", "k1"));
      });
    });

    describe("limits", () => {
      it("when 40 reservations race for 20 slots, then exactly 20 get one; released slots are free again, committed ones are not", async () => {
        const store = await open();
        const slots = store.slotLimiter({ name: "tickets", limit: 20, windowMs: 60_000 });
        const all = await Promise.all(Array.from({ length: 40 }, () => slots.reserve("cus_a")));
        const granted = all.flatMap((r) => (r.ok ? [r] : []));
        expect(granted).toHaveLength(20);
        for (const refusal of all.filter((r) => !r.ok)) {
          expect(refusal).toMatchObject({ ok: false, retryAfterSeconds: expect.any(Number) });
          if (!refusal.ok) expect(refusal.retryAfterSeconds).toBeGreaterThanOrEqual(1);
        }
        await Promise.all(granted.slice(0, 5).map((r) => r.release()));
        await Promise.all(granted.slice(5).map((r) => r.commit()));
        const again = await Promise.all(Array.from({ length: 10 }, () => slots.reserve("cus_a")));
        expect(again.filter((r) => r.ok)).toHaveLength(5);
        expect((await slots.reserve("cus_b")).ok).toBe(true);
      });

      it("when the window passes, then committed slots count no more; an uncommitted hold lapses too", async () => {
        const store = await open();
        const slots = store.slotLimiter({ name: "w", limit: 1, windowMs: 400 });
        const held = await slots.reserve("cus_a");
        expect(held.ok).toBe(true);
        expect((await slots.reserve("cus_a")).ok).toBe(false);
        await sleep(600);
        const next = await slots.reserve("cus_a");
        expect(next.ok).toBe(true);
        if (next.ok) await next.commit();
        expect((await slots.reserve("cus_a")).ok).toBe(false);
        await sleep(600);
        expect((await slots.reserve("cus_a")).ok).toBe(true);
      });

      it("when a 20-minute upload renews its hold while bytes flow, then it keeps its slot and no extra one is granted after 15 minutes", async () => {
        // Real time on the store's own clock: from now on, whatever the machine's clock does.
        const clock = fakeClock(Date.now());
        const store = await open({ now: clock.now });
        const slots = store.slotLimiter({ name: "tickets", limit: 1, windowMs: 3_600_000 });
        const upload = granted(await slots.reserve("cus_a"));
        for (let minute = 1; minute <= 20; minute += 1) {
          clock.advance(60_000);
          await upload.renew();
          expect((await slots.reserve("cus_a")).ok, `minute ${minute}`).toBe(false);
        }
        await upload.commit();
        await upload.renew(); // late, after the commit: the slot still counts for the window
        clock.advance(59 * 60_000);
        expect((await slots.reserve("cus_a")).ok).toBe(false);
        clock.advance(2 * 60_000);
        expect((await slots.reserve("cus_a")).ok).toBe(true);
      });

      it("when a hold is not renewed (its process died), then it lapses after 15 minutes and renewing it then revives nothing", async () => {
        const clock = fakeClock(Date.now());
        const store = await open({ now: clock.now });
        const slots = store.slotLimiter({ name: "tickets", limit: 1, windowMs: 3_600_000 });
        const dead = granted(await slots.reserve("cus_a"));
        clock.advance(14 * 60_000);
        expect((await slots.reserve("cus_a")).ok).toBe(false);
        clock.advance(60_000 + 1);
        const next = granted(await slots.reserve("cus_a"));
        await dead.renew();
        await next.renew();
        expect((await slots.reserve("cus_a")).ok).toBe(false);
        await next.release();
        expect((await slots.reserve("cus_a")).ok).toBe(true);
      });

      it("when requests from one key race past the limit, then exactly the limit pass, with Retry-After for the rest", async () => {
        const store = await open();
        const limiter = store.requestLimiter({ name: "ip", limit: 4, windowMs: 60_000 });
        const verdicts = await Promise.all(
          Array.from({ length: 10 }, () => limiter.take("10.0.0.1")),
        );
        expect(verdicts.filter((v) => v.ok)).toHaveLength(4);
        for (const refused of verdicts.filter((v) => !v.ok)) {
          if (!refused.ok) expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(1);
          if (!refused.ok) expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);
        }
        expect((await limiter.take("10.0.0.2")).ok).toBe(true);
      });
    });

    if (!shared) return;
    describe("several instances on the same data", () => {
      it("when one instance records and applies, then another reads it and its waiter wakes", async () => {
        const a = await open();
        const b = await open();
        await a.recordTicket(pending("t1"), "cus_alice");
        const seen = await b.getTicket("t1");
        expect(seen).toMatchObject({ ownerCustomerId: "cus_alice", status: "PENDING" });
        const waiting = b.waitForChange("t1", { timeoutMs: 20_000, since: seen?.updatedAt ?? 0 });
        await sleep(100);
        await a.applyStatus("t1", "CREATED", "SUP-1");
        expect(await waiting).toBe(true);
        expect(await b.getTicket("t1")).toMatchObject({ status: "CREATED", issueKey: "SUP-1" });
      });

      it("when two instances claim one key at once, then one is first and the other waits for its ticket", async () => {
        const a = await open();
        const b = await open();
        const [x, y] = await Promise.all([
          a.beginIdempotent("cus_alice", "k"),
          b.beginIdempotent("cus_alice", "k"),
        ]);
        expect([x.kind, y.kind].sort()).toEqual(["first", "running"]);
        const [owner, other] = x.kind === "first" ? [first(x), running(y)] : [first(y), running(x)];
        const waiting = other.wait();
        await sleep(100);
        await owner.complete(pending("t9"));
        expect(await waiting).toEqual({ ok: true, ticket: pending("t9") });
      });

      it("when the instance holding a claim dies, then the claim lapses and a waiting duplicate may claim again", async () => {
        const a = await open({ runningTtlMs: 600 });
        const b = await open({ runningTtlMs: 600 });
        first(await a.beginIdempotent("cus_alice", "k"));
        const waiting = running(await b.beginIdempotent("cus_alice", "k")).wait();
        await a.close(); // its heartbeat stops, as when its process is killed
        expect(await waiting).toEqual({ ok: false, error: null });
        first(await b.beginIdempotent("cus_alice", "k"));
      });

      it("when a live instance holds a claim for several times its lapse, then its heartbeat keeps it and the other instance waits", async () => {
        const a = await open({ runningTtlMs: 400 });
        const b = await open({ runningTtlMs: 400 });
        const owner = first(await a.beginIdempotent("cus_alice", "k"));
        await sleep(1_200);
        const waiting = running(await b.beginIdempotent("cus_alice", "k")).wait();
        await owner.complete(pending("t10"));
        expect(await waiting).toEqual({ ok: true, ticket: pending("t10") });
      });

      it("when both instances reserve slots and count requests, then the limits hold across them", async () => {
        const [a, b] = [await open(), await open()];
        const options = { name: "tickets", limit: 10, windowMs: 60_000 };
        const [sa, sb] = [a.slotLimiter(options), b.slotLimiter(options)];
        const all = await Promise.all(
          Array.from({ length: 30 }, (_, i) => (i % 2 ? sa : sb).reserve("cus_a")),
        );
        expect(all.filter((r) => r.ok)).toHaveLength(10);
        const ip = { name: "ip", limit: 3, windowMs: 60_000 };
        const [la, lb] = [a.requestLimiter(ip), b.requestLimiter(ip)];
        const verdicts = await Promise.all(
          Array.from({ length: 8 }, (_, i) => (i % 2 ? la : lb).take("10.0.0.1")),
        );
        expect(verdicts.filter((v) => v.ok)).toHaveLength(3);
      });
    });
  });
}
