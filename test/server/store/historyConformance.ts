// Customers' lists on the TicketStore contract, run unchanged against every engine beside
// storeConformance.ts (each engine's *.test.ts declares both).
import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import type { Ticket } from "../../../contract/index.ts";
import type { HistoryPosition } from "../../../server/tickets/ticketHistory.ts";
import type { TicketStore } from "../../../server/tickets/ticketStore.ts";
import { storesPerTest, type StoreBacking } from "./storesPerTest.ts";

const pending = (ticketId: string): Ticket => ({ ticketId, status: "PENDING", issueKey: null });
const listing = (summary: string, attachmentCount = 0) => ({ summary, attachmentCount });

/** Records `ids` in order for `owner`, a few ms apart, so each is newer than the one before. */
async function recordAll(store: TicketStore, owner: string, ids: readonly string[]) {
  for (const id of ids) {
    await store.recordTicket(pending(id), owner, listing(`About ${id}`));
    await sleep(3);
  }
}

/** Every ticket id of `owner`'s list, page by page of `limit`. */
async function allPages(store: TicketStore, owner: string, limit: number) {
  const pages: string[][] = [];
  let after: HistoryPosition | undefined;
  do {
    const page = await store.listTickets(owner, { limit, ...(after ? { after } : {}) });
    pages.push(page.tickets.map((t) => t.ticketId));
    after = page.next ?? undefined;
  } while (after && pages.length < 20);
  return pages;
}

/** Declares the list part of the conformance suite for one engine. */
export function describeHistoryConformance(
  name: string,
  backing: () => Promise<StoreBacking>,
  { shared }: { shared: boolean },
) {
  describe(`TicketStore lists: ${name}`, () => {
    const open = storesPerTest(backing);

    it("when a customer has tickets, then the list has only theirs, newest first, with summary, time, status and file count", async () => {
      const store = await open();
      const before = Date.now();
      await store.recordTicket(pending("a1"), "cus_alice", listing("Export fails", 2));
      await sleep(3);
      await store.recordTicket(pending("b1"), "cus_bob", listing("Bob's own"));
      await store.recordTicket(pending("a2"), "cus_alice", listing("Login loops"));
      await store.recordTicket(pending("a3"), "cus_alice"); // no listing: not in the list
      await store.applyStatus("a1", "CREATED", "SUP-7");
      const page = await store.listTickets("cus_alice", { limit: 20 });
      expect(page.tickets).toEqual([
        expect.objectContaining({ ticketId: "a2", status: "PENDING", summary: "Login loops" }),
        {
          ticketId: "a1",
          status: "CREATED",
          issueKey: "SUP-7",
          summary: "Export fails",
          attachmentCount: 2,
          createdAt: expect.any(Number),
        },
      ]);
      expect(page.tickets[1]?.createdAt).toBeGreaterThanOrEqual(before);
      expect(page.next).toBeNull();
      expect((await store.listTickets("cus_carol", { limit: 20 })).tickets).toEqual([]);
      expect(await store.getTicket("a3")).toMatchObject({ ownerCustomerId: "cus_alice" });
    });

    it("when the list is read in pages, then every ticket comes once, in order, and the last page says no more", async () => {
      const store = await open();
      const ids = ["t1", "t2", "t3", "t4", "t5"];
      await recordAll(store, "cus_alice", ids);
      expect(await allPages(store, "cus_alice", 2)).toEqual([["t5", "t4"], ["t3", "t2"], ["t1"]]);
      expect(await allPages(store, "cus_alice", 5)).toEqual([["t5", "t4", "t3", "t2", "t1"]]);
    });

    it("when tickets share a millisecond, then paging still gives each once", async () => {
      const store = await open();
      await Promise.all(
        ["s1", "s2", "s3", "s4"].map((id) =>
          store.recordTicket(pending(id), "cus_alice", listing(id)),
        ),
      );
      const pages = await allPages(store, "cus_alice", 1);
      expect(pages.flat().sort()).toEqual(["s1", "s2", "s3", "s4"]);
    });

    it("when the owner removes a ticket, then it leaves the list and the store; others cannot remove it", async () => {
      const store = await open();
      await recordAll(store, "cus_alice", ["r1", "r2"]);
      expect(await store.removeTicket("cus_bob", "r1")).toBe(false);
      expect(await store.removeTicket("cus_alice", "unknown")).toBe(false);
      expect(await store.removeTicket("cus_alice", "r1")).toBe(true);
      expect(await store.removeTicket("cus_alice", "r1")).toBe(false);
      const page = await store.listTickets("cus_alice", { limit: 20 });
      expect(page.tickets.map((t) => t.ticketId)).toEqual(["r2"]);
      expect(await store.getTicket("r1")).toBeNull();
    });

    it("when one of the owner's tickets changes, then a list wait wakes; another owner's does not", async () => {
      const store = await open();
      await recordAll(store, "cus_alice", ["w1"]);
      await recordAll(store, "cus_bob", ["w2"]);
      const { version } = await store.listTickets("cus_alice", { limit: 20 });
      const waiting = store.waitForListChange("cus_alice", { timeoutMs: 10_000, since: version });
      const duringBobsChange = store.waitForListChange("cus_alice", {
        timeoutMs: 300,
        since: version,
      });
      await store.applyStatus("w2", "CREATED", "SUP-2");
      expect(await duringBobsChange).toBe(false);
      await store.applyStatus("w1", "CREATED", "SUP-1");
      expect(await waiting).toBe(true);
      const after = await store.listTickets("cus_alice", { limit: 20 });
      expect(after.version).toBeGreaterThan(version);
      expect(after.tickets[0]).toMatchObject({ status: "CREATED", issueKey: "SUP-1" });
    });

    it("when the history's time runs out, then the rows are gone from the list and the store", async () => {
      const store = await open({ historyTtlMs: 400, ticketTtlMs: 400 });
      await recordAll(store, "cus_alice", ["x1", "x2"]);
      expect((await store.listTickets("cus_alice", { limit: 20 })).tickets).toHaveLength(2);
      await sleep(900);
      expect((await store.listTickets("cus_alice", { limit: 20 })).tickets).toEqual([]);
      expect(await store.getTicket("x1")).toBeNull();
    });

    it("when history is off (0), then nothing is listed and the ticket's status is kept as before", async () => {
      const store = await open({ historyTtlMs: 0 });
      await recordAll(store, "cus_alice", ["o1"]);
      expect((await store.listTickets("cus_alice", { limit: 20 })).tickets).toEqual([]);
      expect(await store.getTicket("o1")).toMatchObject({ status: "PENDING" });
      expect(await store.removeTicket("cus_alice", "o1")).toBe(false);
    });

    if (!shared) return;

    it("when another instance changes a ticket, then a list wait here wakes", async () => {
      const [a, b] = [await open(), await open()];
      await recordAll(a, "cus_alice", ["c1"]);
      const { version } = await b.listTickets("cus_alice", { limit: 20 });
      const waiting = b.waitForListChange("cus_alice", { timeoutMs: 10_000, since: version });
      await a.applyStatus("c1", "CREATED", "SUP-9");
      expect(await waiting).toBe(true);
    });

    it("when a ticket is removed and the store reopened, then it stays removed", async () => {
      const a = await open();
      await recordAll(a, "cus_alice", ["d1", "d2"]);
      expect(await a.removeTicket("cus_alice", "d2")).toBe(true);
      await a.close();
      const b = await open();
      const page = await b.listTickets("cus_alice", { limit: 20 });
      expect(page.tickets.map((t) => t.ticketId)).toEqual(["d1"]);
    });
  });
}
