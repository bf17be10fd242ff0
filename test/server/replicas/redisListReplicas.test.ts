import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signCustomerToken } from "../../../server/protection/identity.ts";
import { createSandbox, type Sandbox } from "../../../server/sandbox/createSandbox.ts";
import { postTicket, ticketParts } from "../../support/proxyHttp.ts";
import { startRedis, type TestRedis } from "../../support/startRedis.ts";
import { killProxyProcesses, type ProxyProcess } from "../../support/proxy/spawnProxy.ts";
import {
  PROCESS_IDENTITY_SECRET,
  startProxyProcess,
} from "../../support/proxy/startProxyProcess.ts";
import { listTickets, removeTicket } from "../../support/ticketListHttp.ts";

// Two proxy processes (replicas A and B) on one redis-server, in front of one sandbox that
// sends its webhooks to A only, as a load balancer would leave it.
let ripio: Sandbox;
let redis: TestRedis;
let a: ProxyProcess;
let b: ProxyProcess;
let alice: string;

beforeAll(async () => {
  ripio = createSandbox({ processingDelayMs: 10 * 60_000 });
  await ripio.listen();
  redis = await startRedis();
  alice = await signCustomerToken("cus_demo_alice", PROCESS_IDENTITY_SECRET, 600);
  const storeUrl = `${redis.url}/3`;
  [a, b] = await Promise.all([
    startProxyProcess({ ripioUrl: ripio.url, storeUrl }),
    startProxyProcess({ ripioUrl: ripio.url, storeUrl }),
  ]);
  ripio.control.registerWebhook(`${a.url}/webhooks/ripio`);
}, 120_000);
afterAll(async () => {
  await killProxyProcesses();
  await redis.close();
  await ripio.close();
});

// Child processes start slowly on a busy machine: room beyond the project's 30 s.
describe("a customer's list on two replicas on one Redis", { timeout: 120_000 }, () => {
  it("when a ticket sent on A turns CREATED by a webhook to A, then a list wait held by B answers it", async () => {
    const sent = await postTicket(a.url, alice, ticketParts({ summary: "Seen on both" }));
    const ticketId = String(sent.body.ticketId);
    const listed = await listTickets(b.url, alice);
    expect(listed.body.tickets[0]).toMatchObject({ ticketId, status: "PENDING" });
    // 4 s is less than B's 5 s recheck of Ripio: only the store's wake-up can bring CREATED.
    const poll = listTickets(b.url, alice, { wait: 4 });
    await new Promise((resolve) => setTimeout(resolve, 500));
    ripio.control.completeTicket(ticketId, "CREATED");
    const answer = await poll;
    expect(answer.body.tickets[0]).toMatchObject({
      ticketId,
      summary: "Seen on both",
      status: "CREATED",
      issueKey: expect.stringMatching(/^SUP-\d+$/),
    });
  });

  it("when the owner removes a ticket on B, then A lists it no more", async () => {
    const sent = await postTicket(a.url, alice, ticketParts({ summary: "Remove me" }));
    const ticketId = String(sent.body.ticketId);
    expect((await removeTicket(b.url, alice, ticketId)).status).toBe(204);
    const ids = (await listTickets(a.url, alice)).body.tickets.map((t) => t.ticketId);
    expect(ids).not.toContain(ticketId);
  });
});
