import { beforeAll, describe, expect, it } from "vitest";
import { postTicket, ticketParts } from "../../support/proxyHttp.ts";
import { type ProxyProcess } from "../../support/proxy/spawnProxy.ts";
import { startProxyProcess } from "../../support/proxy/startProxyProcess.ts";
import { listTickets, removeTicket } from "../../support/ticketListHttp.ts";
import { replicaStagePerFile } from "../support/replicaStage.ts";

// Two proxy processes (replicas A and B) on one redis-server, in front of one sandbox that
// sends its webhooks to A only, as a load balancer would leave it.
const stage = replicaStagePerFile();
let a: ProxyProcess;
let b: ProxyProcess;

beforeAll(async () => {
  const storeUrl = `${stage.redis.url}/3`;
  [a, b] = await Promise.all([
    startProxyProcess({ ripioUrl: stage.ripio.url, storeUrl }),
    startProxyProcess({ ripioUrl: stage.ripio.url, storeUrl }),
  ]);
  stage.ripio.control.registerWebhook(`${a.url}/webhooks/ripio`);
}, 120_000);

// Child processes start slowly on a busy machine: room beyond the project's 30 s.
describe("a customer's list on two replicas on one Redis", { timeout: 120_000 }, () => {
  it("when a ticket sent on A turns CREATED by a webhook to A, then a list wait held by B answers it", async () => {
    const sent = await postTicket(a.url, stage.alice, ticketParts({ summary: "Seen on both" }));
    const ticketId = String(sent.body.ticketId);
    const listed = await listTickets(b.url, stage.alice);
    expect(listed.body.tickets[0]).toMatchObject({ ticketId, status: "PENDING" });
    // 4 s is less than B's 5 s recheck of Ripio: only the store's wake-up can bring CREATED.
    const poll = listTickets(b.url, stage.alice, { wait: 4 });
    await new Promise((resolve) => setTimeout(resolve, 500));
    stage.ripio.control.completeTicket(ticketId, "CREATED");
    const answer = await poll;
    expect(answer.body.tickets[0]).toMatchObject({
      ticketId,
      summary: "Seen on both",
      status: "CREATED",
      issueKey: expect.stringMatching(/^SUP-\d+$/),
    });
  });

  it("when the owner removes a ticket on B, then A lists it no more", async () => {
    const sent = await postTicket(a.url, stage.alice, ticketParts({ summary: "Remove me" }));
    const ticketId = String(sent.body.ticketId);
    expect((await removeTicket(b.url, stage.alice, ticketId)).status).toBe(204);
    const ids = (await listTickets(a.url, stage.alice)).body.tickets.map((t) => t.ticketId);
    expect(ids).not.toContain(ticketId);
  });
});
