import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { pngBytes } from "../../support/files.ts";
import { postTicket, ticketParts } from "../../support/proxyHttp.ts";
import { startTestServer, type TestServer } from "../../support/startTestServer.ts";
import { listTickets, removeTicket } from "../../support/ticketListHttp.ts";
import { expectApiError } from "../support/expectApiError.ts";

let server: TestServer;
let alice: string;
let bob: string;
beforeAll(async () => {
  server = await startTestServer({ sandbox: { processingDelayMs: 400 } });
});
afterAll(() => server.close());
beforeEach(async () => {
  server.sandbox.control.reset();
  // A customer per test: lists are per customer and the store outlives a sandbox reset.
  const n = Math.random().toString(36).slice(2);
  for (const id of [`cus_list_${n}`, `cus_other_${n}`]) {
    server.sandbox.control.upsertCustomer({ customerId: id, email: `${id}@example.com` });
  }
  alice = await server.tokenFor(`cus_list_${n}`);
  bob = await server.tokenFor(`cus_other_${n}`);
});

async function send(token: string, summary: string, files = 0, url = server.url) {
  const attachments = Array.from({ length: files }, (_, i) => ({
    name: `shot-${i}.png`,
    bytes: pngBytes(),
    type: "image/png",
  }));
  const sent = await postTicket(url, token, ticketParts({ summary, files: attachments }));
  expect(sent.status).toBe(202);
  return String(sent.body.ticketId);
}

describe("GET /api/tickets", () => {
  it("when a customer has sent tickets, then only theirs are listed, newest first, without the description", async () => {
    const first = await send(alice, "Export does nothing", 2);
    const second = await send(alice, "Login loops");
    await send(bob, "Bob's ticket");
    const answer = await listTickets(server.url, alice);
    expect(answer.status).toBe(200);
    expect(answer.headers["cache-control"]).toBe("no-store");
    expect(answer.body).toEqual({
      tickets: [
        {
          ticketId: second,
          status: expect.stringMatching(/^(PENDING|CREATED)$/),
          issueKey: expect.toBeOneOf([null, expect.stringMatching(/^SUP-\d+$/)]),
          summary: "Login loops",
          createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
          attachmentCount: 0,
        },
        expect.objectContaining({
          ticketId: first,
          summary: "Export does nothing",
          attachmentCount: 2,
        }),
      ],
      next: null,
    });
    expect(JSON.stringify(answer.body)).not.toContain("Clicking Export");
  });

  it("when the list is paged with limit and cursor, then every ticket comes once and the last page has next null", async () => {
    const ids = [];
    for (const n of [1, 2, 3, 4, 5]) ids.push(await send(alice, `Ticket ${n}`));
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await listTickets(server.url, alice, {
        limit: 2,
        ...(cursor ? { cursor } : {}),
      });
      expect(page.status).toBe(200);
      seen.push(...page.body.tickets.map((t) => t.ticketId));
      cursor = page.body.next;
      pages += 1;
    } while (cursor !== null && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual([...ids].reverse());
  });

  it("when limit, cursor or wait is out of range, then 400 MALFORMED_REQUEST", async () => {
    for (const query of [
      { limit: 0 },
      { limit: 51 },
      { limit: "x" },
      { wait: 26 },
      { cursor: "%%" },
      { wait: 5, since: "v1" },
    ]) {
      expectApiError(await listTickets(server.url, alice, query), "MALFORMED_REQUEST");
    }
    expectApiError(await listTickets(server.url, alice, { cursor: "bm9wZQ" }), "MALFORMED_REQUEST");
  });

  it("when no customer token is sent, then 401 IDENTITY_REQUIRED", async () => {
    expectApiError(await listTickets(server.url, null), "IDENTITY_REQUIRED");
  });

  it("when a list waits with a PENDING row, then the webhook's CREATED answers it before the wait ends", async () => {
    const ticketId = await send(alice, "Waiting for a key");
    const now = await listTickets(server.url, alice);
    expect(now.body.tickets[0]).toMatchObject({ ticketId, status: "PENDING" });
    const waited = await listTickets(server.url, alice, { wait: 20 });
    expect(waited.body.tickets[0]).toMatchObject({
      ticketId,
      status: "CREATED",
      issueKey: expect.stringMatching(/^SUP-\d+$/),
    });
  });

  // Two PENDING rows; one turns between two polls. Held, the next poll would wait for the
  // other (up to 25 s): the test's own 15 s limit fails it then.
  it("when a row turned after the version the caller shows, then a wait with since answers at once", async () => {
    server.sandbox.control.setScenario({ processingDelayMs: 120_000 });
    const first = await send(alice, "Turns between two polls");
    await send(alice, "Stays PENDING");
    const shown = await listTickets(server.url, alice);
    expect(shown.body.tickets.map((t) => t.status)).toEqual(["PENDING", "PENDING"]);
    server.sandbox.control.completeTicket(first, "CREATED");
    await expect
      .poll(async () => (await listTickets(server.url, alice)).body.tickets[1]?.status)
      .toBe("CREATED");

    const version = String(shown.headers["x-list-version"]);
    expect(version).toMatch(/^\d+$/);
    const waited = await listTickets(server.url, alice, { wait: 25, since: version });
    expect(waited.status).toBe(200);
    expect(waited.body.tickets.map((t) => t.status)).toEqual(["PENDING", "CREATED"]);
    expect(Number(waited.headers["x-list-version"])).toBeGreaterThan(Number(version));
  }, 15_000);
});

describe("DELETE /api/tickets/:ticketId", () => {
  it("when the owner removes a ticket, then 204 and it leaves the list; again, or by someone else, 404", async () => {
    const kept = await send(alice, "Keep me");
    const gone = await send(alice, "Remove me");
    expectApiError(await removeTicket(server.url, bob, gone), "TICKET_NOT_FOUND");
    expectApiError(await removeTicket(server.url, alice, "no-such-ticket"), "TICKET_NOT_FOUND");
    expect((await removeTicket(server.url, alice, gone)).status).toBe(204);
    expectApiError(await removeTicket(server.url, alice, gone), "TICKET_NOT_FOUND");
    const list = await listTickets(server.url, alice);
    expect(list.body.tickets.map((t) => t.ticketId)).toEqual([kept]);
  });

  it("when the proxy restarts on the same SQLite file, then a removed ticket stays removed", async () => {
    const dir = await mkdtemp(join(tmpdir(), "list-restart-"));
    const env = { STORE_URL: `sqlite:${join(dir, "store.sqlite")}` };
    try {
      const first = await startTestServer({ env });
      const token = await first.tokenFor("cus_demo_alice");
      const kept = await send(token, "Kept across restarts", 0, first.url);
      const gone = await send(token, "Removed before the restart", 0, first.url);
      expect((await removeTicket(first.url, token, gone)).status).toBe(204);
      await first.close();
      const second = await startTestServer({ env });
      try {
        const list = await listTickets(second.url, await second.tokenFor("cus_demo_alice"));
        expect(list.body.tickets.map((t) => t.ticketId)).toEqual([kept]);
      } finally {
        await second.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("TICKET_HISTORY_DAYS=0", () => {
  it("when history is off, then a sent ticket is not listed but its status is still answered", async () => {
    const off = await startTestServer({ env: { TICKET_HISTORY_DAYS: "0" } });
    try {
      const token = await off.tokenFor("cus_demo_alice");
      const sent = await postTicket(off.url, token);
      expect(sent.status).toBe(202);
      expect((await listTickets(off.url, token)).body).toEqual({ tickets: [], next: null });
    } finally {
      await off.close();
    }
  });
});
