import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getTicket, postTicket } from "../../support/proxyHttp.ts";
import { startTestServer, type TestServer } from "../../support/startTestServer.ts";
import { expectApiError } from "../support/expectApiError.ts";

let server: TestServer;
let alice: string;
beforeAll(async () => {
  server = await startTestServer({ sandbox: { processingDelayMs: 300 } });
});
afterAll(() => server.close());
beforeEach(async () => {
  server.sandbox.control.reset();
  alice = await server.tokenFor("cus_demo_alice");
});

async function newTicketId(token = alice): Promise<string> {
  const sent = await postTicket(server.url, token);
  expect(sent.status).toBe(202);
  return String(sent.body.ticketId);
}

const retrieves = () =>
  server.sandbox.control
    .snapshot()
    .requests.filter((r) => r.method === "GET" && r.path.startsWith("/api/v1/supportTickets/"));

describe("GET /api/tickets/:id", () => {
  it("when the owner asks right away, then PENDING", async () => {
    const ticketId = await newTicketId();
    expect((await getTicket(server.url, alice, ticketId)).body).toEqual({
      ticketId,
      status: "PENDING",
      issueKey: null,
    });
  });

  it("when another customer asks, then 404 TICKET_NOT_FOUND, the same as for an unknown id", async () => {
    const ticketId = await newTicketId();
    const bob = await server.tokenFor("cus_demo_bob");
    expectApiError(await getTicket(server.url, bob, ticketId), "TICKET_NOT_FOUND");
    expectApiError(await getTicket(server.url, alice, "no-such-ticket"), "TICKET_NOT_FOUND");
  });

  it("when a long poll waits and the webhook arrives, then it answers CREATED well before the wait ends", async () => {
    const ticketId = await newTicketId();
    const started = Date.now();
    const answer = await getTicket(server.url, alice, ticketId, 20);
    expect(answer.body).toEqual({
      ticketId,
      status: "CREATED",
      issueKey: expect.stringMatching(/^SUP-\d+$/),
    });
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(server.sandbox.control.snapshot().webhookDeliveries.map((d) => d.status)).toContain(200);
  });

  it("when Ripio fails the ticket, then the poll shows FAILED with no issueKey", async () => {
    server.sandbox.control.setScenario({ nextOutcome: "FAILED" });
    const ticketId = await newTicketId();
    expect((await getTicket(server.url, alice, ticketId, 20)).body).toEqual({
      ticketId,
      status: "FAILED",
      issueKey: null,
    });
  });

  it("when no webhook comes, then the long poll still learns CREATED from Retrieve Support Ticket", async () => {
    server.sandbox.control.unregisterWebhook(
      server.sandbox.control.snapshot().webhookUrls[0] ?? "",
    );
    const ticketId = await newTicketId();
    const answer = await getTicket(server.url, alice, ticketId, 20);
    expect(answer.body).toMatchObject({ ticketId, status: "CREATED" });
  });

  it("when 20 polls of one ticket come at once, then Ripio is asked at most once for them", async () => {
    const ticketId = await newTicketId();
    const before = retrieves().length;
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => getTicket(server.url, alice, ticketId)),
    );
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(retrieves().length - before).toBeLessThanOrEqual(1);
  });

  it("when wait is not a whole number from 0 to 25, then MALFORMED_REQUEST", async () => {
    const ticketId = await newTicketId();
    for (const wait of ["26", "-1", "abc", "2.5"]) {
      expectApiError(await getTicket(server.url, alice, ticketId, wait), "MALFORMED_REQUEST");
    }
  });

  it("when the ticket is terminal, then Ripio is not asked again", async () => {
    const ticketId = await newTicketId();
    await getTicket(server.url, alice, ticketId, 20);
    const before = retrieves().length;
    expect((await getTicket(server.url, alice, ticketId)).body).toMatchObject({
      status: "CREATED",
    });
    expect(retrieves().length).toBe(before);
  });
});
